'use strict';
// events.once(): resolves with the argument array, rejects on 'error',
// honours AbortSignal, works with EventTarget; cleans up its listeners.
const common = require('../common');
const assert = require('assert');
const { once, EventEmitter } = require('events');

async function resolvesWithArgs() {
  const e = new EventEmitter();
  process.nextTick(() => e.emit('ready', 1, 'two', { three: 3 }));
  const args = await once(e, 'ready');
  assert.deepStrictEqual(args, [1, 'two', { three: 3 }]);
  assert.strictEqual(e.listenerCount('ready'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function noArgs() {
  const e = new EventEmitter();
  process.nextTick(() => e.emit('x'));
  assert.deepStrictEqual(await once(e, 'x'), []);
}

async function rejectsOnError() {
  const e = new EventEmitter();
  const err = new Error('bad');
  process.nextTick(() => e.emit('error', err));
  await assert.rejects(once(e, 'ready'), (got) => got === err);
  assert.strictEqual(e.listenerCount('ready'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function waitForError() {
  // Waiting for 'error' itself resolves with the error.
  const e = new EventEmitter();
  const err = new Error('expected');
  process.nextTick(() => e.emit('error', err));
  const [got] = await once(e, 'error');
  assert.strictEqual(got, err);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function abortBefore() {
  const e = new EventEmitter();
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(once(e, 'x', { signal: ac.signal }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
    message: 'The operation was aborted',
  });
  assert.strictEqual(e.listenerCount('x'), 0);
}

async function abortAfter() {
  const e = new EventEmitter();
  const ac = new AbortController();
  const p = once(e, 'x', { signal: ac.signal });
  assert.strictEqual(e.listenerCount('x'), 1);
  assert.strictEqual(e.listenerCount('error'), 1);
  ac.abort();
  await assert.rejects(p, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.ok(err.cause instanceof DOMException);
    assert.strictEqual(err.cause.name, 'AbortError');
    return true;
  });
  assert.strictEqual(e.listenerCount('x'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function abortWithReason() {
  const e = new EventEmitter();
  const ac = new AbortController();
  const p = once(e, 'x', { signal: ac.signal });
  const reason = new Error('my reason');
  ac.abort(reason);
  await assert.rejects(p, (err) => err.name === 'AbortError' && err.cause === reason);
}

async function signalNotUsedAfterResolve() {
  const e = new EventEmitter();
  const ac = new AbortController();
  process.nextTick(() => e.emit('x', 5));
  assert.deepStrictEqual(await once(e, 'x', { signal: ac.signal }), [5]);
  ac.abort();  // Must not throw or cause an unhandled rejection.
}

async function invalidSignal() {
  const e = new EventEmitter();
  await assert.rejects(once(e, 'x', { signal: {} }), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
}

async function eventTarget() {
  const et = new EventTarget();
  const ev = new Event('ping');
  process.nextTick(() => et.dispatchEvent(ev));
  const [got] = await once(et, 'ping');
  assert.strictEqual(got, ev);
  // With an abort signal.
  const ac = new AbortController();
  const p = once(et, 'never', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });
  // An 'error' event dispatched on an EventTarget is just an event.
  const errEv = new Event('error');
  process.nextTick(() => et.dispatchEvent(errEv));
  const [got2] = await once(et, 'error');
  assert.strictEqual(got2, errEv);
}

async function symbolEvent() {
  const e = new EventEmitter();
  const s = Symbol('s');
  process.nextTick(() => e.emit(s, 'sym'));
  assert.deepStrictEqual(await once(e, s), ['sym']);
}

(async () => {
  await resolvesWithArgs();
  await noArgs();
  await rejectsOnError();
  await waitForError();
  await abortBefore();
  await abortAfter();
  await abortWithReason();
  await signalNotUsedAfterResolve();
  await invalidSignal();
  await eventTarget();
  await symbolEvent();
})().then(common.mustCall());
