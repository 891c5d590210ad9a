'use strict';
// events.on(): async iterator of argument arrays, buffering, error, return(),
// AbortSignal, listener cleanup.
const common = require('../common');
const assert = require('assert');
const { on, EventEmitter } = require('events');

async function basic() {
  const e = new EventEmitter();
  const it = on(e, 'foo');
  assert.strictEqual(typeof it[Symbol.asyncIterator], 'function');
  assert.strictEqual(it[Symbol.asyncIterator](), it);
  // Events emitted before anyone awaits are buffered in order.
  e.emit('foo', 'a', 1);
  e.emit('foo', 'b');
  e.emit('foo');
  const got = [];
  for await (const args of it) {
    got.push(args);
    if (got.length === 3) break;
  }
  assert.deepStrictEqual(got, [['a', 1], ['b'], []]);
  // break -> return() removed the listeners.
  assert.strictEqual(e.listenerCount('foo'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function pendingThenEmit() {
  const e = new EventEmitter();
  const it = on(e, 'foo');
  const p1 = it.next();
  const p2 = it.next();
  e.emit('foo', 1);
  e.emit('foo', 2);
  assert.deepStrictEqual(await p1, { value: [1], done: false });
  assert.deepStrictEqual(await p2, { value: [2], done: false });
  assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.strictEqual(e.listenerCount('foo'), 0);
}

async function errorEvent() {
  const e = new EventEmitter();
  const err = new Error('iter boom');
  process.nextTick(() => {
    e.emit('foo', 42);
    e.emit('error', err);
  });
  const got = [];
  await assert.rejects(async () => {
    for await (const [v] of on(e, 'foo')) got.push(v);
  }, (thrown) => thrown === err);
  assert.deepStrictEqual(got, [42]);
  assert.strictEqual(e.listenerCount('foo'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);
}

async function throwMethod() {
  const e = new EventEmitter();
  const it = on(e, 'foo');
  const err = new Error('thrown in');
  // throw() closes the iterator; the error is delivered by the next next().
  assert.strictEqual(it.throw(err), undefined);
  assert.strictEqual(e.listenerCount('foo'), 0);
  await assert.rejects(it.next(), (t) => t === err);
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  // throw() with a non-Error is a TypeError.
  const it2 = on(e, 'foo');
  assert.throws(() => it2.throw('not an error'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "EventEmitter.AsyncIterator" property must be an instance of Error. Received type string (\'not an error\')',
  });
  await it2.return();
}

async function abortSignal() {
  const e = new EventEmitter();
  const ac = new AbortController();
  process.nextTick(() => {
    e.emit('foo', 'x');
    process.nextTick(() => ac.abort());
  });
  const got = [];
  await assert.rejects(async () => {
    for await (const [v] of on(e, 'foo', { signal: ac.signal })) got.push(v);
  }, { name: 'AbortError', code: 'ABORT_ERR' });
  assert.deepStrictEqual(got, ['x']);
  assert.strictEqual(e.listenerCount('foo'), 0);

  // Already aborted signal: throws synchronously.
  assert.throws(() => on(e, 'foo', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.throws(() => on(e, 'foo', { signal: 'nope' }), { code: 'ERR_INVALID_ARG_TYPE' });
}

async function eventTarget() {
  const et = new EventTarget();
  const it = on(et, 'tick');
  const ev1 = new Event('tick');
  const ev2 = new Event('tick');
  et.dispatchEvent(ev1);
  et.dispatchEvent(ev2);
  assert.deepStrictEqual(await it.next(), { value: [ev1], done: false });
  assert.deepStrictEqual(await it.next(), { value: [ev2], done: false });
  await it.return();
}

async function closeAndWatermarks() {
  // close: the iteration ends when one of these events is emitted.
  const e = new EventEmitter();
  process.nextTick(() => {
    e.emit('data', 1);
    e.emit('data', 2);
    e.emit('end');
    e.emit('data', 3);
  });
  const got = [];
  for await (const [v] of on(e, 'data', { close: ['end'] })) got.push(v);
  assert.deepStrictEqual(got, [1, 2]);
  assert.strictEqual(e.listenerCount('data'), 0);
  assert.strictEqual(e.listenerCount('end'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);

  // highWaterMark pauses the emitter, lowWaterMark resumes it.
  const s = new EventEmitter();
  let paused = 0;
  let resumed = 0;
  s.pause = () => paused++;
  s.resume = () => resumed++;
  const it = on(s, 'd', { highWaterMark: 2, lowWaterMark: 1 });
  s.emit('d', 1);
  s.emit('d', 2);
  s.emit('d', 3);
  assert.strictEqual(paused, 1);
  await it.next();
  await it.next();
  await it.next();
  assert.strictEqual(resumed, 1);
  await it.return();

  // An 'error' before anyone awaits is delivered by the next next().
  const e2 = new EventEmitter();
  const it2 = on(e2, 'x');
  e2.emit('error', new Error('early'));
  await assert.rejects(it2.next(), { message: 'early' });
  assert.deepStrictEqual(await it2.next(), { value: undefined, done: true });

  // Iterating over 'error' itself yields the values.
  const e3 = new EventEmitter();
  const it3 = on(e3, 'error');
  e3.emit('error', 'as value');
  assert.deepStrictEqual(await it3.next(), { value: ['as value'], done: false });
  await it3.return();
}

(async () => {
  await basic();
  await closeAndWatermarks();
  await pendingThenEmit();
  await errorEvent();
  await throwMethod();
  await abortSignal();
  await eventTarget();
})().then(common.mustCall());
