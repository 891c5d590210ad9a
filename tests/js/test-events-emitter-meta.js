'use strict';
// 'newListener' / 'removeListener' meta-events, their arguments and order,
// and 'error' handling (throw without listener, ERR_UNHANDLED_ERROR,
// errorMonitor).
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { errorMonitor } = EventEmitter;

// 'newListener' fires before the listener is added, with (name, listener).
{
  const e = new EventEmitter();
  const log = [];
  const f = () => log.push('f ran');
  e.on('newListener', common.mustCall(function(name, listener) {
    assert.strictEqual(this, e);
    log.push(`new:${String(name)}:${e.listenerCount(name)}`);
    if (name === 'foo') assert.strictEqual(listener, f);
    if (name === 'once') assert.strictEqual(typeof listener, 'function');
  }, 4));
  e.on('foo', f);
  e.prependListener('foo', f);
  const onceFn = () => {};
  e.once('once', onceFn);
  e.on(Symbol.for('sym'), f);
  assert.deepStrictEqual(log, ['new:foo:0', 'new:foo:1', 'new:once:0', 'new:Symbol(sym):0']);
}

// once: 'newListener' gets the original function, not the wrapper.
{
  const e = new EventEmitter();
  const fn = () => {};
  e.on('newListener', common.mustCall((name, listener) => {
    assert.strictEqual(name, 'x');
    assert.strictEqual(listener, fn);
  }));
  e.once('x', fn);
}

// A listener added from inside 'newListener' for the same event lands before
// the one being added.
{
  const e = new EventEmitter();
  const order = [];
  e.once('newListener', (name) => {
    if (name === 'hello') e.on('hello', () => order.push('added-in-newListener'));
  });
  e.on('hello', () => order.push('original'));
  e.emit('hello');
  assert.deepStrictEqual(order, ['added-in-newListener', 'original']);
}

// 'removeListener' fires after removal, with (name, listener); once-listeners
// report the original function, both when removed and when they fire.
{
  const e = new EventEmitter();
  const log = [];
  const f = () => {};
  const g = () => {};
  e.on('removeListener', function(name, listener) {
    assert.strictEqual(this, e);
    log.push([name, listener === f ? 'f' : listener === g ? 'g' : '?', e.listenerCount(name)]);
  });
  e.on('a', f);
  e.on('a', g);
  e.removeListener('a', f);
  e.once('b', g);
  e.emit('b');
  e.once('c', f);
  e.off('c', f);
  assert.deepStrictEqual(log, [['a', 'f', 1], ['b', 'g', 0], ['c', 'f', 0]]);
  // No event when nothing was removed.
  e.removeListener('a', f);
  assert.strictEqual(log.length, 3);
}

// removeAllListeners(name) emits 'removeListener' for each, last added first.
{
  const e = new EventEmitter();
  const f = () => {};
  const g = () => {};
  const h = () => {};
  e.on('a', f);
  e.on('a', g);
  e.on('b', h);
  const removed = [];
  e.on('removeListener', (name, listener) => {
    removed.push([name, [f, g, h].indexOf(listener)]);
  });
  e.removeAllListeners('a');
  assert.deepStrictEqual(removed, [['a', 1], ['a', 0]]);
  removed.length = 0;
  // removeAllListeners() removes 'removeListener' itself last.
  e.on('c', f);
  e.removeAllListeners();
  assert.deepStrictEqual(removed, [['b', 2], ['c', 0]]);
  assert.deepStrictEqual(e.eventNames(), []);
}

// 'error' with no listener throws the error itself.
{
  const e = new EventEmitter();
  const err = new Error('kaboom');
  assert.throws(() => e.emit('error', err), (thrown) => thrown === err);
}

// Non-Error values are wrapped in ERR_UNHANDLED_ERROR.
{
  const e = new EventEmitter();
  assert.throws(() => e.emit('error', 'a string'), {
    name: 'Error',
    code: 'ERR_UNHANDLED_ERROR',
    message: "Unhandled error. ('a string')",
    context: 'a string',
  });
  assert.throws(() => e.emit('error', 42), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. (42)',
    context: 42,
  });
  assert.throws(() => e.emit('error', { a: 1 }), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. ({ a: 1 })',
  });
  assert.throws(() => e.emit('error'), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. (undefined)',
  });
  assert.throws(() => e.emit('error', null), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. (null)',
  });
}

// With a listener, 'error' does not throw and emit returns true.
{
  const e = new EventEmitter();
  const err = new Error('handled');
  e.on('error', common.mustCall((got) => assert.strictEqual(got, err)));
  assert.strictEqual(e.emit('error', err), true);
}

// errorMonitor sees the error before the listeners, and does not count as a
// handler: without an 'error' listener the emit still throws.
{
  assert.strictEqual(typeof errorMonitor, 'symbol');
  assert.strictEqual(errorMonitor.toString(), 'Symbol(events.errorMonitor)');
  assert.strictEqual(require('events').errorMonitor, errorMonitor);
  const e = new EventEmitter();
  const order = [];
  const err = new Error('monitored');
  e.on(errorMonitor, common.mustCall((got) => {
    assert.strictEqual(got, err);
    order.push('monitor');
  }, 2));
  assert.throws(() => e.emit('error', err), (t) => t === err);
  e.on('error', () => order.push('listener'));
  e.emit('error', err);
  assert.deepStrictEqual(order, ['monitor', 'monitor', 'listener']);
  // errorMonitor is not triggered by other events.
  e.emit('other', 1);
}

// An error whose listener is a once-listener throws the second time.
{
  const e = new EventEmitter();
  e.once('error', common.mustCall());
  e.emit('error', new Error('first'));
  assert.throws(() => e.emit('error', new Error('second')), /^Error: second$/);
}

// The thrown Error (not a wrapper) keeps its own stack and properties.
{
  const e = new EventEmitter();
  const err = new TypeError('typed');
  err.extra = 1;
  try {
    e.emit('error', err);
    assert.fail('should throw');
  } catch (thrown) {
    assert.strictEqual(thrown, err);
    assert.strictEqual(thrown.extra, 1);
    assert.ok(thrown instanceof TypeError);
  }
}
