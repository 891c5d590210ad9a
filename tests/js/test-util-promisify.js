'use strict';
// util.promisify (incl. util.promisify.custom and multi-value callbacks) and
// util.callbackify (including falsy rejection reasons).
const common = require('../common');
const assert = require('assert');
const util = require('util');
const { promisify, callbackify } = util;

assert.strictEqual(promisify.custom, Symbol.for('nodejs.util.promisify.custom'));

assert.throws(() => promisify('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "original" argument must be of type function. Received type string (\'x\')',
});
assert.throws(() => callbackify(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "original" argument must be of type function. Received null',
});

(async () => {
  // Resolves with the single result; passes arguments and `this`.
  function add(a, b, cb) {
    assert.strictEqual(this.tag, 'ctx');
    setImmediate(() => cb(null, a + b, 'ignored-extra'));
  }
  const pAdd = promisify(add);
  assert.strictEqual(await pAdd.call({ tag: 'ctx' }, 2, 3), 5);
  // The wrapper carries promisify.custom, so promisifying it again returns it.
  assert.strictEqual(promisify(pAdd), pAdd);
  assert.strictEqual(Object.getPrototypeOf(pAdd), Object.getPrototypeOf(add));
  assert.strictEqual(pAdd.name, 'add');

  // Rejects with the callback error.
  const err = new Error('cb error');
  const failing = promisify((cb) => process.nextTick(cb, err));
  await assert.rejects(failing(), (e) => e === err);
  // A synchronous throw becomes a rejection.
  const syncErr = new Error('sync');
  await assert.rejects(promisify(() => { throw syncErr; })(), (e) => e === syncErr);
  // Falsy non-null error values still resolve (only truthy errors reject).
  assert.strictEqual(await promisify((cb) => cb(0, 'zero-err'))(), 'zero-err');

  // util.promisify.custom is used as is.
  function legacy() {}
  const custom = () => Promise.resolve('custom!');
  legacy[promisify.custom] = custom;
  assert.strictEqual(promisify(legacy), custom);
  assert.strictEqual(await promisify(legacy)(), 'custom!');
  legacy[promisify.custom] = 'not a function';
  assert.throws(() => promisify(legacy), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "util.promisify.custom" property must be of type function. Received type string (\'not a function\')',
  });

  // customPromisifyArgs-less multi-value callbacks resolve with the first value.
  assert.strictEqual(await promisify((cb) => cb(null, 'first', 'second'))(), 'first');

  // callbackify: success with (null, value); `this` and arguments forwarded.
  async function asyncFn(a, b) {
    assert.strictEqual(this.x, 1);
    return a * b;
  }
  const cbFn = callbackify(asyncFn);
  assert.strictEqual(cbFn.name, 'asyncFnCallbackified');
  assert.strictEqual(cbFn.length, asyncFn.length + 1);
  await new Promise((resolve) => {
    cbFn.call({ x: 1 }, 6, 7, common.mustCall((e, v) => {
      assert.strictEqual(e, null);
      assert.strictEqual(v, 42);
      resolve();
    }));
  });

  // The callback runs asynchronously (on a later tick).
  let sync = true;
  await new Promise((resolve) => {
    callbackify(async () => 1)(common.mustCall(() => {
      assert.strictEqual(sync, false);
      resolve();
    }));
    sync = false;
  });

  // Rejection with an Error is passed through.
  const rejErr = new TypeError('rej');
  await new Promise((resolve) => {
    callbackify(async () => { throw rejErr; })(common.mustCall((e, v) => {
      assert.strictEqual(e, rejErr);
      assert.strictEqual(v, undefined);
      resolve();
    }));
  });

  // A falsy rejection reason is wrapped in ERR_FALSY_VALUE_REJECTION.
  for (const reason of [null, 0, '', false, undefined]) {
    await new Promise((resolve) => {
      callbackify(() => Promise.reject(reason))(common.mustCall((e) => {
        assert.ok(e instanceof Error);
        assert.strictEqual(e.code, 'ERR_FALSY_VALUE_REJECTION');
        assert.strictEqual(e.message, 'Promise was rejected with falsy value');
        assert.strictEqual(e.reason, reason);
        assert.ok(Object.hasOwn(e, 'reason'));
        resolve();
      }));
    });
  }
  // A truthy non-Error reason is passed as is.
  await new Promise((resolve) => {
    callbackify(() => Promise.reject('str'))(common.mustCall((e) => {
      assert.strictEqual(e, 'str');
      resolve();
    }));
  });

  // The last argument must be a function.
  assert.throws(() => callbackify(async () => {})('not a callback'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The last argument must be of type function. Received type string (\'not a callback\')',
  });

  // Round trip.
  const roundTrip = promisify(callbackify(async (x) => x + 1));
  assert.strictEqual(await roundTrip(1), 2);
})().then(common.mustCall());
