'use strict';
// assert: ok, equal family, match, ifError, fail, and the AssertionError
// fields and generated messages.
const assert = require('assert');
const { AssertionError } = assert;

function check(fn, expected) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (caught === undefined) throw new Error('expected an AssertionError');
  if (!(caught instanceof AssertionError)) throw caught;
  for (const key of Object.keys(expected)) {
    const a = caught[key];
    const b = expected[key];
    if (b instanceof RegExp ? !b.test(a) : !Object.is(a, b)) {
      throw new Error(`field ${key}: got ${JSON.stringify(a)}, expected ${b}`);
    }
  }
  return caught;
}

// assert itself is ok.
assert.strictEqual(assert, assert.ok === assert ? assert : require('assert'));
assert.strictEqual(typeof assert, 'function');
assert(true);
assert(1);
assert('x');
assert.ok({});
assert.ok([]);

// Falsy values.
const e1 = check(() => assert.ok(false), {
  name: 'AssertionError',
  code: 'ERR_ASSERTION',
  actual: false,
  expected: true,
  operator: '==',
  generatedMessage: true,
});
assert.ok(e1 instanceof Error);
check(() => assert.ok(0), { actual: 0, expected: true, operator: '==' });
check(() => assert(null, 'custom'), { message: 'custom', generatedMessage: false, actual: null });
check(() => assert.ok(''), { actual: '' });
check(() => assert.ok(), {
  message: 'No value argument passed to `assert.ok()`',
  generatedMessage: true,
});
// A message that is an Error is thrown as-is.
{
  const own = new TypeError('own');
  assert.throws(() => assert.ok(false, own), (e) => e === own);
  assert.throws(() => assert.strictEqual(1, 2, own), (e) => e === own);
}

// equal / notEqual use ==, with NaN equal to NaN.
assert.equal(1, '1');
assert.equal(null, undefined);
assert.equal(NaN, NaN);
check(() => assert.equal(1, 2), {
  message: '1 == 2',
  actual: 1,
  expected: 2,
  operator: '==',
  generatedMessage: true,
});
check(() => assert.equal('a', 'b', 'my msg'), { message: 'my msg', generatedMessage: false, operator: '==' });
assert.notEqual(1, 2);
check(() => assert.notEqual(1, '1'), { message: "1 != '1'", operator: '!=' });
check(() => assert.notEqual(NaN, NaN), { operator: '!=' });

// strictEqual / notStrictEqual use Object.is.
assert.strictEqual(NaN, NaN);
assert.strictEqual('a', 'a');
check(() => assert.strictEqual(0, -0), { operator: 'strictEqual' });
check(() => assert.strictEqual(1, '1'), {
  message: "Expected values to be strictly equal:\n\n1 !== '1'\n",
  operator: 'strictEqual',
  actual: 1,
  expected: '1',
});
check(() => assert.strictEqual(1, 2), {
  message: 'Expected values to be strictly equal:\n\n1 !== 2\n',
});
check(() => assert.strictEqual({}, {}), {
  message: /^Values have same structure but are not reference-equal:\n\n\{\}\n/,
});
check(() => assert.strictEqual([1, 2], [1, 3]), {
  message: 'Expected "actual" to be reference-equal to "expected":\n+ actual - expected\n\n  [\n    1,\n+   2\n-   3\n  ]',
});
// Node 20.20 appends the comparison to a custom message of strictEqual.
check(() => assert.strictEqual(1, 2, 'nope'), { message: 'nope\n\n1 !== 2\n', generatedMessage: false });
assert.notStrictEqual(1, '1');
assert.notStrictEqual(0, -0);
check(() => assert.notStrictEqual(1, 1), {
  message: 'Expected "actual" to be strictly unequal to: 1',
  operator: 'notStrictEqual',
});
check(() => assert.notStrictEqual('a', 'a'), {
  message: 'Expected "actual" to be strictly unequal to: \'a\'',
});

// match / doesNotMatch.
assert.match('abc', /b/);
check(() => assert.match('abc', /x/), {
  message: "The input did not match the regular expression /x/. Input:\n\n'abc'\n",
  operator: 'match',
  actual: 'abc',
});
// A non-string input is an assertion failure, not a TypeError.
check(() => assert.match(123, /1/), {
  code: 'ERR_ASSERTION',
  operator: 'match',
  message: 'The "string" argument must be of type string. Received type number (123)',
});
assert.throws(() => assert.match('a', 'a'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "regexp" argument must be an instance of RegExp. Received type string (\'a\')',
});
assert.doesNotMatch('abc', /x/);
check(() => assert.doesNotMatch('abc', /b/), {
  message: "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n",
  operator: 'doesNotMatch',
});
check(() => assert.match('abc', /x/, 'custom match'), { message: 'custom match', generatedMessage: false });

// ifError.
assert.ifError(null);
assert.ifError(undefined);
{
  const err = new Error('inner');
  const got = check(() => assert.ifError(err), {
    message: 'ifError got unwanted exception: inner',
    operator: 'ifError',
    actual: err,
    expected: null,
  });
  assert.strictEqual(got.actual, err);
  check(() => assert.ifError('str'), { message: "ifError got unwanted exception: 'str'" });
  check(() => assert.ifError(0), { message: 'ifError got unwanted exception: 0' });
  check(() => assert.ifError(false), { message: 'ifError got unwanted exception: false' });
}

// fail.
check(() => assert.fail(), {
  message: 'Failed',
  operator: 'fail',
  generatedMessage: true,
  actual: undefined,
  expected: undefined,
});
check(() => assert.fail('boom'), { message: 'boom', operator: 'fail', generatedMessage: false });
{
  const err = new RangeError('custom fail');
  assert.throws(() => assert.fail(err), (e) => e === err);
}

// AssertionError constructor.
{
  const err = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  assert.strictEqual(err.name, 'AssertionError');
  assert.strictEqual(err.code, 'ERR_ASSERTION');
  assert.strictEqual(err.actual, 1);
  assert.strictEqual(err.expected, 2);
  assert.strictEqual(err.operator, 'strictEqual');
  assert.strictEqual(err.generatedMessage, true);
  assert.strictEqual(err.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
  const err2 = new AssertionError({ message: 'hello' });
  assert.strictEqual(err2.message, 'hello');
  assert.strictEqual(err2.generatedMessage, false);
  assert.ok(err2 instanceof Error);
  assert.match(err2.stack, /^AssertionError \[ERR_ASSERTION\]: hello/);
  assert.strictEqual(Object.prototype.toString.call(err2), '[object Error]');
  assert.throws(() => new AssertionError(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received undefined',
  });
}

// The stack of a generated error starts with the class and code.
{
  const err = check(() => assert.strictEqual(1, 2), {});
  assert.match(err.stack, /^AssertionError \[ERR_ASSERTION\]: Expected values to be strictly equal:/);
}
