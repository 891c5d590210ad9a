'use strict';
// util.format: every placeholder, argument coercions, extra arguments, %%.
const assert = require('assert');
const util = require('util');

const f = util.format;
const cases = [
  // %s: strings as-is, numbers/bigint/-0/symbols formatted, objects inspected
  // at depth 1 without a custom toString, with toString used when defined.
  [['%s', 'str'], 'str'],
  [['%s', 42], '42'],
  [['%s', 42n], '42n'],
  [['%s', -0], '-0'],
  [['%s', Symbol('s')], 'Symbol(s)'],
  [['%s', null], 'null'],
  [['%s', undefined], 'undefined'],
  [['%s', { a: { b: { c: 1 } } }], '{ a: [Object] }'],
  [['%s', [1, [2, [3]]]], '[ 1, [Array] ]'],
  [['%s', function foo() {}], 'function foo() {}'],
  [['%s', { toString() { return 'custom'; } }], 'custom'],
  [['%s', new Date(0)], '1970-01-01T00:00:00.000Z'],
  [['%s', Object.create(null)], '[Object: null prototype] {}'],
  [['%s', new Map([[1, 2]])], 'Map(1) { 1 => 2 }'],
  [['%s', { [Symbol('k')]: 1, a: [1, 2, 3] }], '{ a: [Array], [Symbol(k)]: 1 }'],
  // %d: Number(), bigint keeps n, symbols and objects give NaN.
  [['%d', 42], '42'],
  [['%d', '42'], '42'],
  [['%d', 1.5], '1.5'],
  [['%d', -0], '-0'],
  [['%d', 10n], '10n'],
  [['%d', 'abc'], 'NaN'],
  [['%d', {}], 'NaN'],
  [['%d', Symbol('x')], 'NaN'],
  [['%d', new Number(5)], '5'],
  [['%d%%', 50], '50%'],
  // %i: parseInt.
  [['%i', 42.9], '42'],
  [['%i', '-3.7'], '-3'],
  [['%i', 10n], '10n'],
  [['%i', 'x'], 'NaN'],
  // %f: parseFloat.
  [['%f', '1.5'], '1.5'],
  [['%f', 'abc'], 'NaN'],
  [['%f', 2], '2'],
  [['%f', Symbol('x')], 'NaN'],
  // %j: JSON.stringify.
  [['%j', { a: 1, b: 'x' }], '{"a":1,"b":"x"}'],
  [['%j', 'str'], '"str"'],
  [['%j', undefined], 'undefined'],
  // %o: inspect with showHidden and depth 4; %O: plain inspect.
  [['%o', { a: 1 }], '{ a: 1 }'],
  [['%o', [1, 2]], '[ 1, 2, [length]: 2 ]'],
  [['%o', function f(a) {}],
   "<ref *1> [Function: f] {\n  [length]: 1,\n  [name]: 'f',\n  [prototype]: { [constructor]: [Circular *1] }\n}"],
  [['%O', { a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }'],
  [['%O', 'str'], "'str'"],
  // %c consumes its argument and prints nothing.
  [['%c', 'color: red'], ''],
  [['a%cb', 'css'], 'ab'],
  // %%: an escaped percent, but only when there are arguments to format.
  [['%%'], '%%'],
  [['%% %s', 'x'], '% x'],
  [['100%'], '100%'],
  [['%', 1], '% 1'],
  // Missing arguments leave the placeholder; unknown ones are kept.
  [['%s'], '%s'],
  [['%s %s', 'a'], 'a %s'],
  [['%x', 1], '%x 1'],
  [['%5d', 3], '%5d 3'],
  [['%-s', 'a'], '%-s a'],
  // Extra arguments are appended with spaces; strings unquoted, others inspected.
  [['%s', 'a', 'b', { c: 1 }], 'a b { c: 1 }'],
  [['%s:%s', 'a', 'b', 'c'], 'a:b c'],
  [[1, 2, '3'], '1 2 3'],
  [['a', 'b'], 'a b'],
  [[{ a: 1 }, 'x'], '{ a: 1 } x'],
  [[Symbol('q'), 1], 'Symbol(q) 1'],
  [['x', 'a\nb', "it's"], "x a\nb it's"],
  [[], ''],
];
for (const [args, expected] of cases) {
  assert.strictEqual(f(...args), expected, `util.format(${args.map((a) => typeof a === 'symbol' ? a.toString() : typeof a === 'bigint' ? `${a}n` : JSON.stringify(a)).join(', ')})`);
}

// %j with a circular structure.
{
  const circ = {};
  circ.me = circ;
  assert.strictEqual(f('%j', circ), '[Circular]');
  // Other JSON errors propagate.
  assert.throws(() => f('%j', { toJSON() { throw new Error('toJSON failed'); } }), /toJSON failed/);
}

// %s with an Error uses its stack.
{
  const err = new Error('e');
  assert.strictEqual(f('%s', err), err.stack);
  assert.strictEqual(f(err), err.stack);
}

// formatWithOptions passes inspect options through (colors here).
assert.strictEqual(util.formatWithOptions({ colors: true }, '%s %O', 'a', { b: 1 }), 'a { b: \u001b[33m1\u001b[39m }');
assert.strictEqual(util.formatWithOptions({ compact: false }, { a: 1 }), '{\n  a: 1\n}');
assert.throws(() => util.formatWithOptions('x', 'y'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "inspectOptions" argument must be of type object. Received type string (\'x\')',
});
