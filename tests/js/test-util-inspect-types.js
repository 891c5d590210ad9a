'use strict';
// util.inspect output for the common value types, as Node 20 prints them.
const assert = require('assert');
const util = require('util');
const { inspect } = util;

function check(value, expected) {
  assert.strictEqual(inspect(value), expected);
}

// Primitives.
check(1, '1');
check(-0, '-0');
check(NaN, 'NaN');
check(Infinity, 'Infinity');
check(12n, '12n');
check(undefined, 'undefined');
check(null, 'null');
check(true, 'true');
check(Symbol('x'), 'Symbol(x)');
check(Symbol(), 'Symbol()');
check(Symbol.iterator, 'Symbol(Symbol.iterator)');

// String quoting: single quotes, then double, then backtick; escapes.
check('abc', "'abc'");
check("a'b", `"a'b"`);
check('it\'s "q"', '`it\'s "q"`');
check('a`b\'c"d', "'a`b\\'c\"d'");
check('a\nb\tc', "'a\\nb\\tc'");
check('\u0000\u001f\u007f', "'\\x00\\x1F\\x7F'");
check('', "''");

// Arrays: holes, nesting depth 2, long arrays grouped and truncated at 100.
check([], '[]');
check([1, 'a', [2, [3, [4, [5]]]]], "[ 1, 'a', [ 2, [ 3, [Array] ] ] ]");
check([1, , 3, , , ], '[ 1, <1 empty item>, 3, <2 empty items> ]');
check([-1, -0, 0], '[ -1, -0, 0 ]');
check(Array.from({ length: 120 }, (_, k) => k),
      '[\n' +
      '   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n' +
      '  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n' +
      '  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n' +
      '  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n' +
      '  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n' +
      '  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n' +
      '  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n' +
      '  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n' +
      '  96, 97, 98, 99,\n' +
      '  ... 20 more items\n' +
      ']');
{
  const a = [1, 2];
  a.extra = 'x';
  check(a, "[ 1, 2, extra: 'x' ]");
}

// Objects: nesting, key quoting, symbol keys, getters/setters.
check({}, '{}');
check({ a: { b: { c: { d: { e: 1 } } } } }, '{ a: { b: { c: [Object] } } }');
check({ 'a-b': 1, valid_id: 2, '1a': 3, 'ünicode': 4 }, "{ 'a-b': 1, valid_id: 2, '1a': 3, 'ünicode': 4 }");
check({ [Symbol('s')]: 1, a: 2 }, '{ a: 2, [Symbol(s)]: 1 }');
check({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} },
      '{ a: [Getter], b: [Setter], c: [Getter/Setter] }');
check({ [Symbol.toStringTag]: 'Tagged', a: 1 }, "{ a: 1, [Symbol(Symbol.toStringTag)]: 'Tagged' }");
{
  const o = { visible: 1 };
  Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
  check(o, '{ visible: 1 }');
}
// A long object breaks onto several lines.
check({ alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccc', delta: 1 },
      "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccc',\n  delta: 1\n}");

// Circular references.
{
  const circ = { name: 'c' };
  circ.self = circ;
  circ.arr = [circ];
  check(circ, "<ref *1> { name: 'c', self: [Circular *1], arr: [ [Circular *1] ] }");
  const a = { name: 'a' };
  const b = { name: 'b', a };
  a.b = b;
  check({ a }, "{ a: <ref *1> { name: 'a', b: { name: 'b', a: [Circular *1] } } }");
}

// Map and Set.
check(new Map([['a', 1], [{ k: 1 }, [2]]]), "Map(2) { 'a' => 1, { k: 1 } => [ 2 ] }");
check(new Map(), 'Map(0) {}');
check(new Set([1, 'two', { three: 3 }]), "Set(3) { 1, 'two', { three: 3 } }");
check(new Set(), 'Set(0) {}');
check(new WeakMap(), 'WeakMap { <items unknown> }');
check(new WeakSet(), 'WeakSet { <items unknown> }');
{
  const m = new Map([[1, 2]]);
  m.extra = true;
  check(m, 'Map(1) { 1 => 2, extra: true }');
}

// Class instances, subclasses, null prototype, toStringTag on a class.
{
  class Foo { constructor() { this.a = 1; } }
  class Bar extends Foo { get g() { return 1; } }
  check(new Foo(), 'Foo { a: 1 }');
  check(new Bar(), 'Bar { a: 1 }');
  const npo = Object.create(null);
  npo.x = 1;
  check(npo, '[Object: null prototype] { x: 1 }');
  check(Object.create(null), '[Object: null prototype] {}');
  check(new (class Q { get [Symbol.toStringTag]() { return 'Z'; } })(), 'Q [Z] {}');
  check(Object.create({}), '{}');
  class Empty {}
  check(new Empty(), 'Empty {}');
  check(Object.create(Empty.prototype), 'Empty {}');
}

// Functions and classes.
{
  function named() {}
  const anon = (() => function() {})();
  const arrow = () => {};
  class Foo {}
  class Bar extends Foo {}
  check(named, '[Function: named]');
  check(anon, '[Function (anonymous)]');
  check(arrow, '[Function: arrow]');
  check(async function af() {}, '[AsyncFunction: af]');
  check(function* g() {}, '[GeneratorFunction: g]');
  check(async function* ag() {}, '[AsyncGeneratorFunction: ag]');
  check(Foo, '[class Foo]');
  check(Bar, '[class Bar extends Foo]');
  check(class {}, '[class (anonymous)]');
  check(Object.assign(function withProps() {}, { x: 1 }), '[Function: withProps] { x: 1 }');
  check(Math.max, '[Function: max]');
  const nullProtoFn = function np() {};
  Object.setPrototypeOf(nullProtoFn, null);
  check(nullProtoFn, '[Function (null prototype): np]');
}

// Errors: stack, extra own properties, subclasses, name mismatch.
{
  const err = new Error('boom');
  err.code = 'E1';
  err.extra = { a: 1 };
  err.stack = 'Error: boom\n    at x (file.js:1:1)';
  check(err, "Error: boom\n    at x (file.js:1:1) {\n  code: 'E1',\n  extra: { a: 1 }\n}");
  const terr = new TypeError('tt');
  terr.stack = 'TypeError: tt\n    at y';
  check(terr, 'TypeError: tt\n    at y');
  const nostack = new RangeError('ns');
  nostack.stack = '';
  check(nostack, '[RangeError: ns]');
  class MyErr extends Error {}
  const mine = new MyErr('m');
  mine.stack = 'Error: m\n    at z';
  check(mine, 'MyErr [Error]: m\n    at z');
  // An error nested in an object is indented.
  const inner = new Error('in');
  inner.stack = 'Error: in\n    at q';
  check({ e: inner }, '{\n  e: Error: in\n      at q\n}');
  // Error cause (own, non-enumerable) is shown.
  const withCause = new Error('outer', { cause: 'why' });
  withCause.stack = 'Error: outer\n    at w';
  check(withCause, "Error: outer\n    at w {\n  [cause]: 'why'\n}");
}

// Date and RegExp.
check(new Date(0), '1970-01-01T00:00:00.000Z');
check(new Date(NaN), 'Invalid Date');
check(/ab+c/gi, '/ab+c/gi');
{
  const re = /x/;
  re.prop = 1;
  check(re, '/x/ { prop: 1 }');
  const d = new Date(0);
  d.prop = 1;
  check(d, '1970-01-01T00:00:00.000Z { prop: 1 }');
}

// Typed arrays, ArrayBuffer, DataView, Buffer.
check(new Uint8Array([1, 2, 3]), 'Uint8Array(3) [ 1, 2, 3 ]');
check(new Float32Array([1.5, -0]), 'Float32Array(2) [ 1.5, -0 ]');
check(new BigUint64Array([1n]), 'BigUint64Array(1) [ 1n ]');
check(new Uint8Array(0), 'Uint8Array(0) []');
check(new ArrayBuffer(3), 'ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 }');
check(new DataView(new ArrayBuffer(2)),
      'DataView {\n  byteLength: 2,\n  byteOffset: 0,\n  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n}');
check(Buffer.from('hi'), '<Buffer 68 69>');
check(Buffer.alloc(0), '<Buffer >');
check(Buffer.alloc(60, 1), `<Buffer ${'01 '.repeat(50)}... 10 more bytes>`);

// Promises in each state.
check(Promise.resolve(42), 'Promise { 42 }');
check(new Promise(() => {}), 'Promise { <pending> }');
{
  const p = Promise.reject(3);
  p.catch(() => {});
  check(p, 'Promise { <rejected> 3 }');
  check(Promise.resolve({ a: [1] }), 'Promise { { a: [ 1 ] } }');
}

// Boxed primitives, arguments, iterators.
check([new Number(3), new String('ab'), new Boolean(false), Object(Symbol('bx')), Object(5n)],
      "[\n  [Number: 3],\n  [String: 'ab'],\n  [Boolean: false],\n  [Symbol: Symbol(bx)],\n  [BigInt: 5n]\n]");
check(new Number(-0), '[Number: -0]');
check((function() { return arguments; })(1, 2), "[Arguments] { '0': 1, '1': 2 }");
check([1, 2][Symbol.iterator](), 'Object [Array Iterator] {}');

// Proxies show the target without triggering traps, or [target, handler]
// with showProxy.
{
  const trap = () => { throw new Error('trap ran'); };
  const p = new Proxy({ a: 1 }, { get: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });
  check(p, '{ a: 1 }');
  assert.match(inspect(p, { showProxy: true }), /^Proxy \[\s+\{ a: 1 \},\s+\{/);
  check(new Proxy([1, 2], {}), '[ 1, 2 ]');
  check(new Proxy(function f() {}, {}), '[Function: f]');
  assert.strictEqual(inspect(new Proxy({ b: 2 }, {}), { showProxy: true }), 'Proxy [ { b: 2 }, {} ]');
  assert.strictEqual(util.format('%s', new Proxy({ a: 1 }, {})), '{ a: 1 }');
}

// globalThis-ish objects do not throw.
assert.strictEqual(typeof inspect(globalThis), 'string');
assert.strictEqual(typeof inspect(process.env), 'string');
