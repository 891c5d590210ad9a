'use strict';
// util.inspect options (depth, compact, breakLength, showHidden, sorted,
// maxArrayLength, maxStringLength, getters, numericSeparator, colors),
// inspect.defaultOptions, and util.inspect.custom.
const assert = require('assert');
const util = require('util');
const { inspect } = util;

const deep = { a: { b: { c: { d: 1 } } } };
assert.strictEqual(inspect(deep, { depth: 0 }), '{ a: [Object] }');
assert.strictEqual(inspect(deep, { depth: 1 }), '{ a: { b: [Object] } }');
assert.strictEqual(inspect(deep, { depth: Infinity }), '{\n  a: { b: { c: { d: 1 } } }\n}');
assert.strictEqual(inspect(deep, { depth: null }), '{\n  a: { b: { c: { d: 1 } } }\n}');
assert.strictEqual(inspect([[[[[1]]]]], { depth: 1 }), '[ [ [Array] ] ]');
assert.strictEqual(inspect(new Map([[1, { a: { b: 1 } }]]), { depth: 0 }), 'Map(1) { 1 => [Object] }');
assert.strictEqual(inspect({ m: new Map([[1, 2]]) }, { depth: 0 }), '{ m: [Map] }');
// Legacy signature: inspect(obj, showHidden, depth, colors).
assert.strictEqual(inspect(deep, false, 0), '{ a: [Object] }');

// compact.
assert.strictEqual(inspect({ a: 1, b: 'two', c: [1, 2, 3] }, { compact: false }),
                   "{\n  a: 1,\n  b: 'two',\n  c: [\n    1,\n    2,\n    3\n  ]\n}");
assert.strictEqual(inspect({ a: 1, b: { c: 2 } }, { compact: 1 }), '{\n  a: 1,\n  b: { c: 2 }\n}');
assert.strictEqual(inspect({ a: 1, b: { c: 2 } }, { compact: true }), '{ a: 1, b: { c: 2 } }');
assert.strictEqual(inspect([], { compact: false }), '[]');

// breakLength.
const wide = { aaaaaaa: 1, bbbbbbbb: 2, cccccccc: 3, dddddddd: 4 };
assert.strictEqual(inspect(wide, { breakLength: 20 }), '{\n  aaaaaaa: 1,\n  bbbbbbbb: 2,\n  cccccccc: 3,\n  dddddddd: 4\n}');
assert.strictEqual(inspect(wide, { breakLength: Infinity }), '{ aaaaaaa: 1, bbbbbbbb: 2, cccccccc: 3, dddddddd: 4 }');
assert.strictEqual(inspect({ a: Array.from({ length: 28 }, (_, i) => i + 1) }, { breakLength: 40 }),
                   '{\n  a: [\n' +
                   '     1,  2,  3,  4,  5,  6,  7,  8,\n' +
                   '     9, 10, 11, 12, 13, 14, 15, 16,\n' +
                   '    17, 18, 19, 20, 21, 22, 23, 24,\n' +
                   '    25, 26, 27, 28\n' +
                   '  ]\n}');

// showHidden.
assert.strictEqual(inspect([1, 2, 3], { showHidden: true }), '[ 1, 2, 3, [length]: 3 ]');
{
  const o = {};
  Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
  assert.strictEqual(inspect(o, { showHidden: true }), '{ [hidden]: 2 }');
  assert.strictEqual(inspect(o), '{}');
}

// sorted.
assert.strictEqual(inspect({ c: 1, a: 2, b: 3 }, { sorted: true }), '{ a: 2, b: 3, c: 1 }');
assert.strictEqual(inspect({ c: 1, a: 2, b: 3 }, { sorted: (a, b) => (a < b ? 1 : -1) }), '{ c: 1, b: 3, a: 2 }');
assert.strictEqual(inspect(new Set([3, 1, 2]), { sorted: true }), 'Set(3) { 1, 2, 3 }');
assert.strictEqual(inspect(new Map([['b', 1], ['a', 2]]), { sorted: true }), "Map(2) { 'a' => 2, 'b' => 1 }");

// maxArrayLength / maxStringLength.
assert.strictEqual(inspect('x'.repeat(30), { maxStringLength: 10 }), "'xxxxxxxxxx'... 20 more characters");
assert.strictEqual(inspect(Array.from({ length: 10 }, (_, k) => k), { maxArrayLength: 3 }), '[ 0, 1, 2, ... 7 more items ]');
assert.strictEqual(inspect([1, 2], { maxArrayLength: 1 }), '[ 1, ... 1 more item ]');
assert.strictEqual(inspect(new Set([1, 2, 3]), { maxArrayLength: 1 }), 'Set(3) { 1, ... 2 more items }');
assert.strictEqual(inspect(new Map([[1, 1], [2, 2]]), { maxArrayLength: 0 }), 'Map(2) { ... 2 more items }');
assert.strictEqual(inspect(new Uint8Array(5), { maxArrayLength: 2 }), 'Uint8Array(5) [ 0, 0, ... 3 more items ]');

// getters.
assert.strictEqual(inspect({ a: 1, get b() { return { x: 1 }; } }, { getters: true }), '{ a: 1, b: [Getter] { x: 1 } }');
assert.strictEqual(inspect({ get b() { return 'v'; }, set b(x) {} }, { getters: 'get' }), '{ b: [Getter/Setter] }');
assert.strictEqual(inspect({ get b() { return 'v'; } }, { getters: 'get' }), "{ b: [Getter: 'v'] }");
assert.strictEqual(inspect({ get b() { return 'v'; }, set b(x) {} }, { getters: 'set' }), "{ b: [Getter/Setter: 'v'] }");
assert.strictEqual(inspect({ get b() { throw new Error('gx'); } }, { getters: true }), '{ b: [Getter: <Inspection threw (gx)>] }');

// numericSeparator.
assert.strictEqual(inspect(12345678, { numericSeparator: true }), '12_345_678');
assert.strictEqual(inspect(1234.5678, { numericSeparator: true }), '1_234.567_8');
assert.strictEqual(inspect(123456789n, { numericSeparator: true }), '123_456_789n');
assert.strictEqual(inspect(-1234, { numericSeparator: true }), '-1_234');

// colors.
assert.strictEqual(inspect({ a: 1 }, { colors: true }), '{ a: \u001b[33m1\u001b[39m }');
assert.strictEqual(inspect('s', { colors: true }), "\u001b[32m's'\u001b[39m");
assert.strictEqual(inspect(null, { colors: true }), '\u001b[1mnull\u001b[22m');
assert.strictEqual(inspect([undefined, true, 1n, Symbol('c')], { colors: true }),
                   '[ \u001b[90mundefined\u001b[39m, \u001b[33mtrue\u001b[39m, \u001b[33m1n\u001b[39m, \u001b[32mSymbol(c)\u001b[39m ]');
assert.strictEqual(inspect.colors.red[0], 31);
assert.strictEqual(inspect.styles.string, 'green');

// A non-object second argument is the legacy showHidden flag, not an error.
assert.strictEqual(inspect({}, 'bad'), '{}');

// defaultOptions.
{
  const saved = { ...inspect.defaultOptions };
  assert.strictEqual(saved.depth, 2);
  assert.strictEqual(saved.breakLength, 80);
  assert.strictEqual(saved.compact, 3);
  assert.strictEqual(saved.maxArrayLength, 100);
  assert.strictEqual(saved.maxStringLength, 10000);
  inspect.defaultOptions.depth = 0;
  assert.strictEqual(inspect(deep), '{ a: [Object] }');
  inspect.defaultOptions = { depth: 1 };
  assert.strictEqual(inspect(deep), '{ a: { b: [Object] } }');
  inspect.defaultOptions = saved;
  assert.strictEqual(inspect(deep), '{ a: { b: { c: [Object] } } }');
  assert.throws(() => { inspect.defaultOptions = null; }, {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received null',
  });
}

// util.inspect.custom.
{
  assert.strictEqual(inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
  assert.strictEqual(util.inspect.custom, inspect.custom);
  assert.strictEqual(inspect({ inner: { [inspect.custom]: () => 'CUSTOM' } }), '{ inner: CUSTOM }');
  // A non-string return value is inspected in turn.
  assert.strictEqual(inspect({ [inspect.custom]: () => ({ replaced: [1] }) }), '{ replaced: [ 1 ] }');
  // Arguments: depth, options (with stylize), inspect; `this` is the object.
  const obj = {
    [inspect.custom](depth, options, inspectFn) {
      assert.strictEqual(this, obj);
      assert.strictEqual(depth, 2);
      assert.strictEqual(typeof options.stylize, 'function');
      assert.strictEqual(options.depth, 2);
      assert.strictEqual(inspectFn, inspect);
      return options.stylize('styled', 'special');
    },
  };
  assert.strictEqual(inspect(obj), 'styled');
  assert.strictEqual(inspect(obj, { colors: true }).replace(/\u001b\[\d+m/g, ''), 'styled');
  // Depth decreases for nested objects.
  const depths = [];
  const rec = { [inspect.custom](d) { depths.push(d); return 'R'; } };
  inspect({ a: { b: rec } });
  assert.deepStrictEqual(depths, [0]);
  // customInspect: false disables it.
  assert.strictEqual(inspect({ [inspect.custom]: () => 'CUSTOM' }, { customInspect: false }),
                     '{\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}');
  // A custom inspect returning the object itself does not recurse forever.
  const selfRet = { x: 1, [inspect.custom]() { return this; } };
  assert.strictEqual(typeof inspect(selfRet), 'string');
  // util.format %s and %O use it too.
  class WithCustom {
    [inspect.custom]() { return 'WC!'; }
  }
  assert.strictEqual(util.format('%s', new WithCustom()), 'WC!');
  assert.strictEqual(util.format('%O', new WithCustom()), 'WC!');
}
