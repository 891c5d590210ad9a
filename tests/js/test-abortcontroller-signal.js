'use strict';
// AbortController / AbortSignal: reason defaults, 'abort' event once,
// onabort, throwIfAborted, AbortSignal.abort/timeout/any, errors.
const common = require('../common');
const assert = require('assert');

// Initial state, abort() with the default reason.
{
  const ac = new AbortController();
  const { signal } = ac;
  assert.ok(signal instanceof AbortSignal);
  assert.ok(signal instanceof EventTarget);
  assert.strictEqual(ac.signal, signal);  // Same object every time.
  assert.strictEqual(signal.aborted, false);
  assert.strictEqual(signal.reason, undefined);
  signal.throwIfAborted();  // No throw.

  const order = [];
  signal.onabort = common.mustCall(function(e) {
    assert.strictEqual(this, signal);
    order.push('onabort');
  });
  signal.addEventListener('abort', common.mustCall((e) => {
    assert.strictEqual(e.type, 'abort');
    assert.ok(e instanceof Event);
    assert.strictEqual(e.target, signal);
    assert.strictEqual(e.isTrusted, true);
    assert.strictEqual(signal.aborted, true);  // Already aborted inside the event.
    order.push('listener');
  }));
  ac.abort();
  // Dispatch is synchronous.
  assert.deepStrictEqual(order, ['onabort', 'listener']);
  assert.strictEqual(signal.aborted, true);
  assert.ok(signal.reason instanceof DOMException);
  assert.strictEqual(signal.reason.name, 'AbortError');
  assert.strictEqual(signal.reason.code, 20);
  assert.strictEqual(signal.reason.message, 'This operation was aborted');
  // A second abort() does nothing: no event, reason unchanged.
  const firstReason = signal.reason;
  ac.abort(new Error('second'));
  assert.strictEqual(signal.reason, firstReason);
  assert.throws(() => signal.throwIfAborted(), (e) => e === firstReason);
}

// abort(reason) with any value, including falsy ones.
for (const reason of [new Error('custom'), 'string reason', 0, null, { obj: true }]) {
  const ac = new AbortController();
  ac.abort(reason);
  assert.strictEqual(ac.signal.reason, reason);
  assert.throws(() => ac.signal.throwIfAborted(), (e) => e === reason);
}
// abort(undefined) uses the default DOMException.
{
  const ac = new AbortController();
  ac.abort(undefined);
  assert.strictEqual(ac.signal.reason.name, 'AbortError');
}

// Listeners added after abort never fire.
{
  const ac = new AbortController();
  ac.abort();
  ac.signal.addEventListener('abort', common.mustNotCall());
  ac.signal.onabort = common.mustNotCall();
}

// AbortSignal.abort().
{
  const s = AbortSignal.abort();
  assert.strictEqual(s.aborted, true);
  assert.strictEqual(s.reason.name, 'AbortError');
  assert.strictEqual(s.reason.message, 'This operation was aborted');
  const r = Symbol('r');
  assert.strictEqual(AbortSignal.abort(r).reason, r);
}

// The constructor is not public.
assert.throws(() => new AbortSignal(), { name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR' });
assert.strictEqual(Object.prototype.toString.call(new AbortController().signal), '[object AbortSignal]');
assert.strictEqual(Object.prototype.toString.call(new AbortController()), '[object AbortController]');

// AbortSignal.timeout: aborts with a TimeoutError DOMException. Its timer is
// unref'd, so a referenced timer keeps the process alive until it fires.
{
  const s = AbortSignal.timeout(10);
  const keepAlive = setTimeout(common.mustNotCall('AbortSignal.timeout(10) never fired'), 30000);
  assert.strictEqual(s.aborted, false);
  s.addEventListener('abort', common.mustCall(() => {
    clearTimeout(keepAlive);
    assert.strictEqual(s.aborted, true);
    assert.ok(s.reason instanceof DOMException);
    assert.strictEqual(s.reason.name, 'TimeoutError');
    assert.strictEqual(s.reason.code, 23);
    assert.strictEqual(s.reason.message, 'The operation was aborted due to timeout');
  }));
  assert.throws(() => AbortSignal.timeout(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => AbortSignal.timeout('10'), { code: 'ERR_INVALID_ARG_TYPE' });
}

// AbortSignal.any.
{
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assert.strictEqual(any.aborted, false);
  const reason = new Error('b first');
  any.addEventListener('abort', common.mustCall(() => {
    assert.strictEqual(any.reason, reason);
  }));
  b.abort(reason);
  assert.strictEqual(any.aborted, true);
  assert.strictEqual(any.reason, reason);
  a.abort(new Error('later'));  // Does not change anything.
  assert.strictEqual(any.reason, reason);

  // Already-aborted input: the result is aborted immediately with that reason.
  const pre = AbortSignal.abort('pre');
  const any2 = AbortSignal.any([new AbortController().signal, pre]);
  assert.strictEqual(any2.aborted, true);
  assert.strictEqual(any2.reason, 'pre');
  // Empty list: never aborts.
  assert.strictEqual(AbortSignal.any([]).aborted, false);
  // Nesting.
  const c = new AbortController();
  const nested = AbortSignal.any([AbortSignal.any([c.signal])]);
  c.abort('deep');
  assert.strictEqual(nested.reason, 'deep');
  assert.throws(() => AbortSignal.any([{}]), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => AbortSignal.any('x'), { code: 'ERR_INVALID_ARG_TYPE' });
}

// Abort listeners running in order, and a listener aborting another controller.
{
  const a = new AbortController();
  const b = new AbortController();
  const order = [];
  a.signal.addEventListener('abort', () => { order.push('a1'); b.abort(); });
  b.signal.addEventListener('abort', () => order.push('b'));
  a.signal.addEventListener('abort', () => order.push('a2'));
  a.abort();
  assert.deepStrictEqual(order, ['a1', 'b', 'a2']);
}

// once-style: the abort event fires only once even with multiple abort() calls.
{
  const ac = new AbortController();
  ac.signal.addEventListener('abort', common.mustCall());
  ac.abort();
  ac.abort();
}

// util.aborted resolves once the signal aborts (the resource is held weakly,
// so keep it referenced), immediately for an aborted signal, and rejects for
// a non-signal.
{
  const util = require('util');
  const ac = new AbortController();
  const resource = {};
  let resolved = false;
  util.aborted(ac.signal, resource).then(common.mustCall((ev) => {
    // Resolved by the 'abort' listener, with the event.
    assert.ok(ev instanceof Event);
    assert.strictEqual(ev.type, 'abort');
    resolved = true;
  }));
  ac.abort();
  util.aborted(AbortSignal.abort(), resource).then(common.mustCall((v) => assert.strictEqual(v, undefined)));
  assert.rejects(util.aborted({}, resource), { code: 'ERR_INVALID_ARG_TYPE' }).then(common.mustCall());
  assert.rejects(util.aborted(new AbortController().signal, null), { code: 'ERR_INVALID_ARG_TYPE' }).then(common.mustCall());
  setImmediate(common.mustCall(() => {
    assert.strictEqual(resolved, true);
    assert.strictEqual(typeof resource, 'object');
  }));
}
