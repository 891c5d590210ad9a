'use strict';
// assert.throws / doesNotThrow / rejects / doesNotReject with every kind of
// validator, and the messages of their failures.
const common = require('../common');
const assert = require('assert');

class MyError extends Error {
  constructor(msg) {
    super(msg);
    this.name = 'MyError';
    this.code = 'E_MINE';
  }
}
const thrower = (err) => () => { throw err; };

// No validator: any throw passes and throws() returns undefined.
assert.strictEqual(assert.throws(thrower(new Error('x'))), undefined);

// Class validator.
assert.throws(thrower(new MyError('m')), MyError);
assert.throws(thrower(new MyError('m')), Error);
assert.throws(thrower(new TypeError('t')), TypeError);
// Wrong Error class: an AssertionError carrying the original as `actual`.
{
  const err = new TypeError('wrong');
  assert.throws(() => assert.throws(thrower(err), RangeError), (e) => {
    assert.strictEqual(e.code, 'ERR_ASSERTION');
    assert.strictEqual(e.actual, err);
    assert.strictEqual(e.expected, RangeError);
    assert.strictEqual(e.operator, 'throws');
    assert.strictEqual(e.message,
                       'The error is expected to be an instance of "RangeError". Received "TypeError"\n\nError message:\n\nwrong');
    return true;
  });
}

// RegExp validator tests String(error).
assert.throws(thrower(new MyError('hello world')), /^MyError: hello world$/);
assert.throws(thrower('a string'), /string/);
assert.throws(() => assert.throws(thrower(new Error('abc')), /xyz/), {
  code: 'ERR_ASSERTION',
  operator: 'throws',
  generatedMessage: true,
  message: "The input did not match the regular expression /xyz/. Input:\n\n'Error: abc'\n",
});

// Function validator: true passes, anything else fails.
assert.throws(thrower(new Error('f')), (e) => e.message === 'f');
assert.throws(() => assert.throws(thrower(new Error('f')), function check() { return false; }), {
  code: 'ERR_ASSERTION',
  message: 'The "check" validation function is expected to return "true". Received false\n\nCaught error:\n\nError: f',
});
// A validator that throws propagates its own error.
{
  const inner = new Error('from validator');
  assert.throws(() => assert.throws(thrower(new Error('f')), () => { throw inner; }), (e) => e === inner);
}

// Object validator: each own key is compared (deepStrictEqual), RegExp values
// test strings; non-enumerable message/name are checked too.
assert.throws(thrower(new MyError('obj')), { name: 'MyError', message: 'obj', code: 'E_MINE' });
assert.throws(thrower(new MyError('obj')), { message: /^o/ });
assert.throws(thrower({ a: 1, b: { c: [1] } }), { b: { c: [1] } });
assert.throws(() => assert.throws(thrower(new MyError('obj')), { code: 'OTHER' }), (e) => {
  assert.strictEqual(e.code, 'ERR_ASSERTION');
  assert.strictEqual(e.operator, 'throws');
  assert.strictEqual(e.message,
                     "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   code: 'E_MINE'\n-   code: 'OTHER'\n  }");
  return true;
});
assert.throws(() => assert.throws(thrower(new Error('x')), { notThere: 1 }), {
  code: 'ERR_ASSERTION',
});
// Error instance as validator: compares name and message (and own keys).
assert.throws(thrower(new TypeError('same')), new TypeError('same'));
assert.throws(() => assert.throws(thrower(new TypeError('a')), new TypeError('b')), {
  code: 'ERR_ASSERTION',
});
// An empty object validator is rejected.
assert.throws(() => assert.throws(thrower(new Error()), {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The argument 'error' may not be an empty object. Received {}",
});

// Missing exceptions.
assert.throws(() => assert.throws(() => {}), {
  code: 'ERR_ASSERTION',
  operator: 'throws',
  message: 'Missing expected exception.',
  actual: undefined,
});
assert.throws(() => assert.throws(() => {}, TypeError), {
  message: 'Missing expected exception (TypeError).',
});
assert.throws(() => assert.throws(() => {}, 'should have thrown'), {
  message: 'Missing expected exception: should have thrown',
});
assert.throws(() => assert.throws(() => {}, TypeError, 'with msg'), {
  message: 'Missing expected exception (TypeError): with msg',
});
// Non-function first argument.
assert.throws(() => assert.throws('not fn'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fn" argument must be of type function. Received type string (\'not fn\')',
});
// The thrown value as message is confusing: Node rejects it.
assert.throws(() => assert.throws(thrower(new Error('same text')), 'same text'), {
  code: 'ERR_AMBIGUOUS_ARGUMENT',
});
// A bad validator type.
assert.throws(() => assert.throws(thrower(new Error()), 5), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// doesNotThrow.
assert.doesNotThrow(() => {});
{
  const err = new Error('unexpected');
  assert.throws(() => assert.doesNotThrow(thrower(err)), {
    code: 'ERR_ASSERTION',
    operator: 'doesNotThrow',
    message: 'Got unwanted exception.\nActual message: "unexpected"',
    actual: err,
  });
  assert.throws(() => assert.doesNotThrow(thrower(err), 'my message'), {
    message: 'Got unwanted exception: my message\nActual message: "unexpected"',
  });
  // With a class that does not match, the error itself propagates.
  assert.throws(() => assert.doesNotThrow(thrower(err), TypeError), (e) => e === err);
  assert.throws(() => assert.doesNotThrow(thrower(err), Error), { operator: 'doesNotThrow' });
}

// rejects / doesNotReject.
(async () => {
  await assert.rejects(Promise.reject(new MyError('r')), MyError);
  await assert.rejects(async () => { throw new MyError('r2'); }, { message: 'r2', code: 'E_MINE' });
  await assert.rejects(() => Promise.reject(new Error('re')), /^Error: re$/);
  await assert.rejects(Promise.reject(new Error('fv')), (e) => e.message === 'fv');

  await assert.rejects(assert.rejects(Promise.resolve('ok')), {
    code: 'ERR_ASSERTION',
    operator: 'rejects',
    message: 'Missing expected rejection.',
  });
  await assert.rejects(assert.rejects(Promise.resolve(), TypeError), {
    message: 'Missing expected rejection (TypeError).',
  });
  // A function that does not return a promise.
  await assert.rejects(assert.rejects(() => 'nope'), {
    code: 'ERR_INVALID_RETURN_VALUE',
    name: 'TypeError',
    message: "Expected instance of Promise to be returned from the \"promiseFn\" function but got type string ('nope').",
  });
  // A synchronous throw inside the function is not validated: rejects()
  // itself rejects with it.
  const syncErr = new Error('sync');
  await assert.rejects(assert.rejects(() => { throw syncErr; }, { message: 'sync' }), (e) => e === syncErr);
  await assert.rejects(assert.rejects('not a promise'), { code: 'ERR_INVALID_ARG_TYPE' });
  // Wrong class: an AssertionError with the original as `actual`.
  const orig = new TypeError('orig');
  await assert.rejects(assert.rejects(Promise.reject(orig), RangeError), (e) => {
    return e.code === 'ERR_ASSERTION' && e.actual === orig && e.operator === 'rejects';
  });

  await assert.doesNotReject(Promise.resolve(1));
  await assert.doesNotReject(async () => 2);
  await assert.rejects(assert.doesNotReject(Promise.reject(new Error('dnr'))), {
    code: 'ERR_ASSERTION',
    operator: 'doesNotReject',
    message: 'Got unwanted rejection.\nActual message: "dnr"',
  });
  // rejects returns a promise resolving to undefined.
  assert.strictEqual(await assert.rejects(Promise.reject(new Error())), undefined);
})().then(common.mustCall());
