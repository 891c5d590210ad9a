'use strict';
// EventTarget / Event / CustomEvent: listener order, once, capture flag,
// handleEvent objects, removeEventListener, stopImmediatePropagation,
// preventDefault with cancelable, passive, signal, event fields.
const common = require('../common');
const assert = require('assert');

// Event fields.
{
  const ev = new Event('foo');
  assert.strictEqual(ev.type, 'foo');
  assert.strictEqual(ev.bubbles, false);
  assert.strictEqual(ev.cancelable, false);
  assert.strictEqual(ev.composed, false);
  assert.strictEqual(ev.defaultPrevented, false);
  assert.strictEqual(ev.isTrusted, false);
  assert.strictEqual(ev.target, null);
  assert.strictEqual(ev.currentTarget, null);
  assert.strictEqual(ev.eventPhase, Event.NONE);
  assert.strictEqual(typeof ev.timeStamp, 'number');
  assert.deepStrictEqual([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE], [0, 1, 2, 3]);
  assert.strictEqual(String(new Event(123).type), '123');
  assert.throws(() => new Event(), { name: 'TypeError', code: 'ERR_MISSING_ARGS' });
  const opts = new Event('bar', { bubbles: true, cancelable: true, composed: true });
  assert.strictEqual(opts.bubbles, true);
  assert.strictEqual(opts.cancelable, true);
  assert.strictEqual(opts.composed, true);
  assert.strictEqual(Object.prototype.toString.call(ev), '[object Event]');
}

// Listener order, `this`, target/currentTarget/eventPhase during dispatch.
{
  const et = new EventTarget();
  const order = [];
  const ev = new Event('x');
  function first(e) {
    assert.strictEqual(this, et);
    assert.strictEqual(e, ev);
    assert.strictEqual(e.target, et);
    assert.strictEqual(e.currentTarget, et);
    assert.strictEqual(e.eventPhase, Event.AT_TARGET);
    order.push('first');
  }
  et.addEventListener('x', first);
  et.addEventListener('x', () => order.push('second'));
  // Adding the same listener twice is a no-op.
  et.addEventListener('x', first);
  assert.strictEqual(et.dispatchEvent(ev), true);
  assert.deepStrictEqual(order, ['first', 'second']);
  // After dispatch: currentTarget reset, target kept, phase NONE.
  assert.strictEqual(ev.currentTarget, null);
  assert.strictEqual(ev.target, et);
  assert.strictEqual(ev.eventPhase, Event.NONE);
  // An event cannot be dispatched twice at once but can be re-dispatched after.
  order.length = 0;
  et.dispatchEvent(ev);
  assert.deepStrictEqual(order, ['first', 'second']);
}

// capture is part of the listener identity.
{
  const et = new EventTarget();
  let n = 0;
  const fn = () => n++;
  et.addEventListener('c', fn);
  et.addEventListener('c', fn, { capture: true });
  et.addEventListener('c', fn, true);  // Duplicate of the capture one.
  et.dispatchEvent(new Event('c'));
  assert.strictEqual(n, 2);
  // (Node 20 ignores a boolean third argument to removeEventListener, so the
  // options-object form is used here.)
  et.removeEventListener('c', fn, { capture: true });
  et.dispatchEvent(new Event('c'));
  assert.strictEqual(n, 3);
  et.removeEventListener('c', fn);  // capture: false
  et.dispatchEvent(new Event('c'));
  assert.strictEqual(n, 3);
}

// once.
{
  const et = new EventTarget();
  const fn = common.mustCall();
  et.addEventListener('o', fn, { once: true });
  et.dispatchEvent(new Event('o'));
  et.dispatchEvent(new Event('o'));
  // Re-adding after it fired works again.
  et.addEventListener('o', common.mustCall(), { once: true });
  et.dispatchEvent(new Event('o'));
  et.dispatchEvent(new Event('o'));
}

// handleEvent objects; handleEvent looked up at dispatch time; `this` is the object.
{
  const et = new EventTarget();
  const handler = {
    calls: 0,
    handleEvent(e) {
      assert.strictEqual(this, handler);
      assert.strictEqual(e.type, 'h');
      this.calls++;
    },
  };
  et.addEventListener('h', handler);
  et.dispatchEvent(new Event('h'));
  assert.strictEqual(handler.calls, 1);
  handler.handleEvent = common.mustCall(function() { assert.strictEqual(this, handler); });
  et.dispatchEvent(new Event('h'));
  et.removeEventListener('h', handler);
  et.dispatchEvent(new Event('h'));
}

// removeEventListener during dispatch prevents the removed one from running.
{
  const et = new EventTarget();
  const order = [];
  const b = () => order.push('b');
  et.addEventListener('r', () => { order.push('a'); et.removeEventListener('r', b); });
  et.addEventListener('r', b);
  et.addEventListener('r', () => order.push('c'));
  et.dispatchEvent(new Event('r'));
  assert.deepStrictEqual(order, ['a', 'c']);
  // Removing something never added is harmless.
  et.removeEventListener('r', () => {});
  et.removeEventListener('nothing', b);
}

// stopImmediatePropagation stops later listeners; stopPropagation does not
// (at the target).
{
  const et = new EventTarget();
  const order = [];
  et.addEventListener('s', (e) => { order.push(1); e.stopPropagation(); });
  et.addEventListener('s', (e) => { order.push(2); e.stopImmediatePropagation(); });
  et.addEventListener('s', () => order.push(3));
  et.dispatchEvent(new Event('s'));
  assert.deepStrictEqual(order, [1, 2]);
}

// preventDefault only works when cancelable; dispatchEvent returns !defaultPrevented.
{
  const et = new EventTarget();
  et.addEventListener('p', (e) => e.preventDefault());
  const notCancelable = new Event('p');
  assert.strictEqual(et.dispatchEvent(notCancelable), true);
  assert.strictEqual(notCancelable.defaultPrevented, false);
  const cancelable = new Event('p', { cancelable: true });
  assert.strictEqual(et.dispatchEvent(cancelable), false);
  assert.strictEqual(cancelable.defaultPrevented, true);
  assert.strictEqual(cancelable.returnValue, false);
  // preventDefault on a non-cancelable event inside a listener is a no-op,
  // and defaultPrevented stays false for later listeners.
  const et2 = new EventTarget();
  et2.addEventListener('q', (e) => e.preventDefault());
  et2.addEventListener('q', common.mustCall((e) => assert.strictEqual(e.defaultPrevented, false)));
  assert.strictEqual(et2.dispatchEvent(new Event('q')), true);
}

// signal option removes the listener on abort.
{
  const et = new EventTarget();
  const ac = new AbortController();
  let n = 0;
  et.addEventListener('sig', () => n++, { signal: ac.signal });
  et.dispatchEvent(new Event('sig'));
  ac.abort();
  et.dispatchEvent(new Event('sig'));
  assert.strictEqual(n, 1);
  // An already-aborted signal means the listener is never added.
  et.addEventListener('sig', common.mustNotCall(), { signal: AbortSignal.abort() });
  et.dispatchEvent(new Event('sig'));
}

// null listener is ignored; invalid ones and non-Events are rejected.
{
  const et = new EventTarget();
  et.addEventListener('n', null);
  assert.strictEqual(et.dispatchEvent(new Event('n')), true);
  assert.throws(() => et.dispatchEvent({ type: 'n' }), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
  assert.throws(() => et.addEventListener(), { code: 'ERR_MISSING_ARGS' });
}

// A throwing listener does not stop the others; the error is reported as an
// uncaught exception after the listener.
{
  const et = new EventTarget();
  const order = [];
  const err = new Error('listener threw');
  process.once('uncaughtException', common.mustCall((e) => {
    assert.strictEqual(e, err);
    order.push('uncaught');
  }));
  et.addEventListener('t', () => { throw err; });
  et.addEventListener('t', common.mustCall(() => order.push('second')));
  assert.strictEqual(et.dispatchEvent(new Event('t')), true);
  assert.deepStrictEqual(order, ['second']);
  setImmediate(common.mustCall(() => assert.deepStrictEqual(order, ['second', 'uncaught'])));
}

// CustomEvent carries detail.
{
  const et = new EventTarget();
  const detail = { a: 1 };
  et.addEventListener('custom', common.mustCall((e) => {
    assert.ok(e instanceof CustomEvent);
    assert.ok(e instanceof Event);
    assert.strictEqual(e.detail, detail);
  }));
  et.dispatchEvent(new CustomEvent('custom', { detail }));
  assert.strictEqual(new CustomEvent('x').detail, null);
  assert.strictEqual(Object.prototype.toString.call(new CustomEvent('x')), '[object CustomEvent]');
}

// Subclassing EventTarget.
{
  class Emitter extends EventTarget {}
  const e = new Emitter();
  e.addEventListener('sub', common.mustCall((ev) => assert.strictEqual(ev.target, e)));
  e.dispatchEvent(new Event('sub'));
  assert.strictEqual(Object.prototype.toString.call(new EventTarget()), '[object EventTarget]');
}
