'use strict';
// assert/strict and assert.strict: the loose methods are the strict ones.
const assert = require('assert');
const strict = require('assert/strict');

assert.strictEqual(strict, assert.strict);
assert.strictEqual(strict.strict, strict);
assert.strictEqual(typeof strict, 'function');
assert.notStrictEqual(strict, assert);

// Aliases.
assert.strictEqual(strict.equal, strict.strictEqual);
assert.strictEqual(strict.notEqual, strict.notStrictEqual);
assert.strictEqual(strict.deepEqual, strict.deepStrictEqual);
assert.strictEqual(strict.notDeepEqual, strict.notDeepStrictEqual);
assert.strictEqual(strict.strictEqual, assert.strictEqual);
assert.strictEqual(strict.AssertionError, assert.AssertionError);
assert.strictEqual(strict.throws, assert.throws);
assert.strictEqual(strict.match, assert.match);

// Behaviour: strict.equal does not coerce.
strict.equal(1, 1);
assert.throws(() => strict.equal(1, '1'), {
  code: 'ERR_ASSERTION',
  operator: 'strictEqual',
  message: "Expected values to be strictly equal:\n\n1 !== '1'\n",
});
strict.notEqual(1, '1');
assert.throws(() => strict.deepEqual({ a: 1 }, { a: '1' }), { operator: 'deepStrictEqual' });
strict.notDeepEqual({ a: 1 }, { a: '1' });
assert.throws(() => strict.notDeepEqual([1], [1]), { operator: 'notDeepStrictEqual' });

// strict itself is ok().
strict(true);
assert.throws(() => strict(0), { operator: '==', actual: 0, expected: true });
assert.throws(() => strict(false, 'msg'), { message: 'msg' });

// The loose assert keeps loose semantics.
assert.equal(1, '1');
assert.deepEqual({ a: 1 }, { a: '1' });
assert.notStrictEqual(assert.equal, assert.strictEqual);
