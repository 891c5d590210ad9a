'use strict';
// Small globals: global/globalThis, queueMicrotask ordering and errors, and
// the web classes being present as global constructors.
const common = require('../common');
const assert = require('assert');

assert.strictEqual(globalThis.global, globalThis);
assert.strictEqual(global, globalThis);
assert.strictEqual(typeof globalThis.process, 'object');
assert.strictEqual(globalThis.Buffer, require('buffer').Buffer);

for (const name of ['TextEncoder', 'TextDecoder', 'EventTarget', 'Event', 'CustomEvent', 'AbortController',
                    'AbortSignal', 'DOMException', 'atob', 'btoa', 'structuredClone', 'queueMicrotask',
                    'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval']) {
  assert.strictEqual(typeof globalThis[name], 'function', name);
  assert.ok(Object.getOwnPropertyDescriptor(globalThis, name), `${name} is an own property of globalThis`);
}

// queueMicrotask: validation, and order relative to promises and nextTick.
assert.throws(() => queueMicrotask('not a function'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "callback" argument must be of type function. Received type string (\'not a function\')',
});
assert.throws(() => queueMicrotask(), { code: 'ERR_INVALID_ARG_TYPE' });

const order = [];
queueMicrotask(common.mustCall(function(...args) {
  assert.deepStrictEqual(args, []);
  assert.strictEqual(this, undefined);
  order.push('micro1');
}));
Promise.resolve().then(() => order.push('promise'));
queueMicrotask(() => {
  order.push('micro2');
  queueMicrotask(() => order.push('nested-micro'));
});
process.nextTick(() => order.push('tick'));
order.push('sync');
assert.strictEqual(queueMicrotask(() => {}), undefined);

setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(order, ['sync', 'tick', 'micro1', 'promise', 'micro2', 'nested-micro']);

  // An exception thrown in a microtask is an uncaught exception; later
  // microtasks still run.
  const err = new Error('from microtask');
  const seen = [];
  process.once('uncaughtException', common.mustCall((e) => {
    assert.strictEqual(e, err);
    seen.push('uncaught');
  }));
  queueMicrotask(() => { throw err; });
  queueMicrotask(common.mustCall(() => seen.push('after')));
  setImmediate(common.mustCall(() => {
    assert.ok(seen.includes('uncaught'));
    assert.ok(seen.includes('after'));
  }));
}));
