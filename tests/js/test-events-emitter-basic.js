'use strict';
// EventEmitter core API: adding/removing listeners, emit arguments and `this`,
// listener order, prepend, once, counts, names, raw listeners.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(typeof EventEmitter.once, 'function');
assert.strictEqual(EventEmitter.defaultMaxListeners, 10);

// emit returns whether listeners existed; arguments and `this` are passed.
{
  const e = new EventEmitter();
  assert.strictEqual(e.emit('foo'), false);
  const seen = [];
  e.on('foo', common.mustCall(function(a, b, c) {
    assert.strictEqual(this, e);
    seen.push([a, b, c]);
  }, 2));
  assert.strictEqual(e.emit('foo', 1, 'two', null), true);
  assert.strictEqual(e.emit('foo'), true);
  assert.deepStrictEqual(seen, [[1, 'two', null], [undefined, undefined, undefined]]);
  // Arrow functions keep their lexical this.
  e.on('arrow', common.mustCall(() => assert.strictEqual(this, module.exports)));
  e.emit('arrow');
  // Many arguments.
  e.on('many', common.mustCall((...args) => assert.deepStrictEqual(args, [1, 2, 3, 4, 5, 6, 7])));
  e.emit('many', 1, 2, 3, 4, 5, 6, 7);
}

// on/addListener return the emitter and are the same function; order of calls.
{
  const e = new EventEmitter();
  assert.strictEqual(EventEmitter.prototype.on, EventEmitter.prototype.addListener);
  assert.strictEqual(EventEmitter.prototype.off, EventEmitter.prototype.removeListener);
  const order = [];
  assert.strictEqual(e.on('x', () => order.push(1)), e);
  assert.strictEqual(e.addListener('x', () => order.push(2)), e);
  assert.strictEqual(e.prependListener('x', () => order.push(0)), e);
  assert.strictEqual(e.prependOnceListener('x', () => order.push(-1)), e);
  assert.strictEqual(e.once('x', () => order.push(3)), e);
  e.emit('x');
  e.emit('x');
  assert.deepStrictEqual(order, [-1, 0, 1, 2, 3, 0, 1, 2]);
  assert.strictEqual(e.listenerCount('x'), 3);
}

// The same function can be added twice; removeListener removes the most
// recently added instance, once per call.
{
  const e = new EventEmitter();
  let count = 0;
  const f = () => count++;
  const g = () => { count += 100; };
  e.on('a', f);
  e.on('a', g);
  e.on('a', f);
  assert.strictEqual(e.listenerCount('a'), 3);
  assert.deepStrictEqual(e.listeners('a'), [f, g, f]);
  e.removeListener('a', f);
  assert.deepStrictEqual(e.listeners('a'), [f, g]);
  e.off('a', f);
  assert.deepStrictEqual(e.listeners('a'), [g]);
  // Removing a function that is not there is a no-op.
  assert.strictEqual(e.removeListener('a', f), e);
  assert.strictEqual(e.removeListener('nope', f), e);
  e.emit('a');
  assert.strictEqual(count, 100);
  e.off('a', g);
  assert.deepStrictEqual(e.eventNames(), []);
  assert.deepStrictEqual(e.listeners('a'), []);
}

// once: the wrapper is visible in rawListeners, the original in listeners,
// and removeListener works with the original function.
{
  const e = new EventEmitter();
  const fn = common.mustNotCall();
  e.once('o', fn);
  assert.deepStrictEqual(e.listeners('o'), [fn]);
  const raw = e.rawListeners('o');
  assert.strictEqual(raw.length, 1);
  assert.notStrictEqual(raw[0], fn);
  assert.strictEqual(raw[0].listener, fn);
  e.removeListener('o', fn);
  assert.strictEqual(e.emit('o'), false);

  // Calling the raw once-wrapper removes it and runs the listener once.
  const fn2 = common.mustCall((v) => assert.strictEqual(v, 'val'));
  e.once('p', fn2);
  const wrapper = e.rawListeners('p')[0];
  wrapper('val');
  assert.strictEqual(e.listenerCount('p'), 0);
  wrapper('val');  // Already fired: does nothing.
  e.emit('p', 'val');

  // A listener re-emitting the same event from inside once does not loop.
  const e2 = new EventEmitter();
  let n = 0;
  e2.once('r', () => { n++; e2.emit('r'); });
  e2.emit('r');
  assert.strictEqual(n, 1);

  // `on` listeners: rawListeners equals listeners.
  const h = () => {};
  e.on('q', h);
  assert.deepStrictEqual(e.rawListeners('q'), [h]);
  // The returned arrays are copies.
  e.listeners('q').push(() => {});
  assert.strictEqual(e.listenerCount('q'), 1);
}

// listenerCount with a listener argument (Node 20) and the static helper.
{
  const e = new EventEmitter();
  const f = () => {};
  const g = () => {};
  e.on('a', f);
  e.on('a', f);
  e.once('a', g);
  assert.strictEqual(e.listenerCount('a'), 3);
  assert.strictEqual(e.listenerCount('a', f), 2);
  assert.strictEqual(e.listenerCount('a', g), 1);
  assert.strictEqual(e.listenerCount('b'), 0);
  assert.strictEqual(EventEmitter.listenerCount(e, 'a'), 3);
}

// eventNames includes symbols (strings first, then symbols, as Reflect.ownKeys).
{
  const e = new EventEmitter();
  const s = Symbol('s');
  e.on('b', () => {});
  e.on(s, () => {});
  e.on('a', () => {});
  e.on('b', () => {});
  assert.deepStrictEqual(e.eventNames(), ['b', 'a', s]);
  let fired = false;
  e.on(s, () => { fired = true; });
  e.emit(s);
  assert.ok(fired);
}

// Removing a listener during emit does not affect the current emit.
{
  const e = new EventEmitter();
  const calls = [];
  const b = () => calls.push('b');
  e.on('x', () => { calls.push('a'); e.removeListener('x', b); });
  e.on('x', b);
  e.emit('x');
  assert.deepStrictEqual(calls, ['a', 'b']);
  e.emit('x');
  assert.deepStrictEqual(calls, ['a', 'b', 'a']);
  // Adding during emit only takes effect next time.
  const e2 = new EventEmitter();
  const out = [];
  e2.on('y', () => { out.push(1); e2.on('y', () => out.push(2)); });
  e2.emit('y');
  assert.deepStrictEqual(out, [1]);
}

// removeAllListeners: for one event, for all; returns this.
{
  const e = new EventEmitter();
  e.on('a', () => {});
  e.on('a', () => {});
  e.on('b', () => {});
  assert.strictEqual(e.removeAllListeners('a'), e);
  assert.deepStrictEqual(e.eventNames(), ['b']);
  e.removeAllListeners('not-there');
  assert.deepStrictEqual(e.eventNames(), ['b']);
  assert.strictEqual(e.removeAllListeners(), e);
  assert.deepStrictEqual(e.eventNames(), []);
}

// setMaxListeners / getMaxListeners and validation.
{
  const e = new EventEmitter();
  assert.strictEqual(e.getMaxListeners(), 10);
  assert.strictEqual(e.setMaxListeners(3), e);
  assert.strictEqual(e.getMaxListeners(), 3);
  e.setMaxListeners(0);
  assert.strictEqual(e.getMaxListeners(), 0);
  e.setMaxListeners(Infinity);
  assert.strictEqual(e.getMaxListeners(), Infinity);
  for (const bad of [-1, NaN, 'a']) {
    assert.throws(() => e.setMaxListeners(bad), {
      name: typeof bad === 'string' ? 'TypeError' : 'RangeError',
      code: typeof bad === 'string' ? 'ERR_INVALID_ARG_TYPE' : 'ERR_OUT_OF_RANGE',
    });
  }
  assert.throws(() => e.setMaxListeners(-1), {
    message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
  });
  assert.strictEqual(EventEmitter.getMaxListeners(e), Infinity);
}

// Listener validation.
{
  const e = new EventEmitter();
  for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener', 'removeListener', 'off']) {
    assert.throws(() => e[method]('x', 'not a function'), {
      code: 'ERR_INVALID_ARG_TYPE',
      name: 'TypeError',
      message: 'The "listener" argument must be of type function. Received type string (\'not a function\')',
    });
  }
  assert.throws(() => e.on('x', null), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function. Received null',
  });
}

// Subclassing, and EventEmitter.call(this) style.
{
  class My extends EventEmitter {}
  const m = new My();
  m.on('z', common.mustCall());
  m.emit('z');
  function Old() { EventEmitter.call(this); }
  Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
  const o = new Old();
  o.on('z', common.mustCall());
  o.emit('z');
  assert.ok(o instanceof EventEmitter);
}

// A listener throwing stops emit and propagates.
{
  const e = new EventEmitter();
  e.on('t', () => { throw new Error('boom'); });
  e.on('t', common.mustNotCall());
  assert.throws(() => e.emit('t'), /^Error: boom$/);
}

// Event names that collide with Object.prototype keys work.
{
  const e = new EventEmitter();
  e.on('__proto__', common.mustCall((v) => assert.strictEqual(v, 1)));
  e.on('toString', common.mustCall());
  e.on('hasOwnProperty', common.mustCall());
  assert.strictEqual(e.emit('__proto__', 1), true);
  e.emit('toString');
  e.emit('hasOwnProperty');
  assert.strictEqual(e.emit('constructor'), false);
  assert.strictEqual(e.listenerCount('valueOf'), 0);
  assert.deepStrictEqual(e.eventNames(), ['__proto__', 'toString', 'hasOwnProperty']);
}
