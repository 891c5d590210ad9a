'use strict';
// util.deprecate: the wrapper works like the original, and the
// DeprecationWarning is emitted once per code (once per function without one).
const common = require('../common');
const assert = require('assert');
const util = require('util');

const warnings = [];
process.on('warning', (w) => warnings.push(w));

function original(a, b) {
  return [this && this.tag, a + b];
}
const dep = util.deprecate(original, 'original() is deprecated. Use other().', 'DEP_WEFT_TEST1');
assert.strictEqual(typeof dep, 'function');
assert.notStrictEqual(dep, original);
// Works, passes `this` and arguments, returns the value.
assert.deepStrictEqual(dep.call({ tag: 't' }, 1, 2), ['t', 3]);
assert.deepStrictEqual(dep(3, 4), [undefined, 7]);
dep(0, 0);

// A second function with the same code does not warn again.
const dep2 = util.deprecate(() => 'two', 'second message', 'DEP_WEFT_TEST1');
assert.strictEqual(dep2(), 'two');

// Without a code, each wrapper warns once.
const noCode = util.deprecate(() => 'nc', 'no code here');
noCode();
noCode();

// Works as a constructor, with new.target preserved.
class Old {
  constructor(x) { this.x = x; }
}
const DepOld = util.deprecate(Old, 'Old is deprecated', 'DEP_WEFT_TEST2');
const inst = new DepOld(5);
assert.strictEqual(inst.x, 5);
assert.ok(inst instanceof Old);

// Validation.
// Node 20 does not validate fn; the TypeError comes from the engine.
assert.throws(() => util.deprecate('nope', 'msg'), TypeError);
assert.throws(() => util.deprecate(() => {}, 'msg', 123), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "code" argument must be of type string. Received type number (123)',
});

// Warnings are emitted asynchronously (process.emitWarning uses nextTick).
assert.strictEqual(warnings.length, 0);

setImmediate(common.mustCall(() => {
  assert.strictEqual(warnings.length, 3);
  const [w1, w2, w3] = warnings;
  assert.strictEqual(w1.name, 'DeprecationWarning');
  assert.strictEqual(w1.code, 'DEP_WEFT_TEST1');
  assert.strictEqual(w1.message, 'original() is deprecated. Use other().');
  assert.ok(w1 instanceof Error);
  assert.strictEqual(w2.name, 'DeprecationWarning');
  assert.strictEqual(w2.message, 'no code here');
  assert.strictEqual(w2.code, undefined);
  assert.strictEqual(w3.code, 'DEP_WEFT_TEST2');
  assert.strictEqual(w3.message, 'Old is deprecated');
}));
