'use strict';
// deepEqual (loose) and deepStrictEqual: primitives, NaN, -0, prototypes,
// Maps, Sets, typed arrays, Dates, RegExps, boxed primitives, errors,
// symbol keys, cycles, and the not* variants.
const assert = require('assert');
const util = require('util');

function same(a, b) {
  assert.deepStrictEqual(a, b);
  assert.deepEqual(a, b);
  assert.ok(util.isDeepStrictEqual(a, b));
  assert.throws(() => assert.notDeepStrictEqual(a, b), { code: 'ERR_ASSERTION', operator: 'notDeepStrictEqual' });
}
function differStrict(a, b) {
  assert.throws(() => assert.deepStrictEqual(a, b), { code: 'ERR_ASSERTION', operator: 'deepStrictEqual' });
  assert.notDeepStrictEqual(a, b);
  assert.ok(!util.isDeepStrictEqual(a, b));
}
function differLoose(a, b) {
  differStrict(a, b);
  assert.throws(() => assert.deepEqual(a, b), { code: 'ERR_ASSERTION', operator: 'deepEqual' });
  assert.notDeepEqual(a, b);
}
function looseOnly(a, b) {
  assert.deepEqual(a, b);
  assert.throws(() => assert.notDeepEqual(a, b), { operator: 'notDeepEqual' });
  differStrict(a, b);
}

// Primitives.
same(1, 1);
same('a', 'a');
same(NaN, NaN);
same(null, null);
same(undefined, undefined);
looseOnly(1, '1');
looseOnly(0, -0);
looseOnly(null, undefined);
differLoose(1, 2);
differLoose(0, 'x');
same([NaN], [NaN]);
looseOnly([0], [-0]);

// Arrays and objects.
same([1, [2, [3]]], [1, [2, [3]]]);
same({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 });
differLoose({ a: 1 }, { a: 1, b: 2 });
differLoose([1, 2], [1, 2, 3]);
differLoose({ a: undefined }, {});   // Own key count differs.
differLoose([1, , 3], [1, undefined, 3]);  // Holes are distinct under strict.
looseOnly({ a: 1 }, { a: '1' });
// Sparse arrays: a hole vs an explicit undefined.
assert.notDeepStrictEqual([, 1], [undefined, 1]);
// Array vs array-like object.
differLoose([1], { 0: 1, length: 1 });

// Prototypes matter only for strict.
{
  class A { constructor() { this.x = 1; } }
  class B { constructor() { this.x = 1; } }
  looseOnly(new A(), new B());
  looseOnly(new A(), { x: 1 });
  looseOnly(Object.create(null), {});
  same(Object.assign(Object.create(null), { a: 1 }), Object.assign(Object.create(null), { a: 1 }));
}

// Symbol keys: strict compares enumerable own symbol properties.
{
  const s = Symbol('k');
  same({ [s]: 1 }, { [s]: 1 });
  differStrict({ [s]: 1 }, { [s]: 2 });
  assert.deepEqual({ [s]: 1 }, { [s]: 2 });  // Loose ignores symbols.
  // Non-enumerable properties are ignored.
  const o = {};
  Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
  same(o, {});
}

// Dates.
same(new Date(2020, 1, 1), new Date(2020, 1, 1));
differLoose(new Date(2020, 1, 1), new Date(2020, 1, 2));
// Node 20 compares getTime() with !==, so two invalid dates differ.
differLoose(new Date(NaN), new Date(NaN));
{
  const d1 = new Date(0);
  const d2 = new Date(0);
  d2.extra = 1;
  differLoose(d1, d2);
  differStrict(new Date(0), { getTime() { return 0; } });
}

// RegExps: source, flags and lastIndex.
same(/a/g, /a/g);
differLoose(/a/g, /a/i);
differLoose(/a/, /b/);
{
  const r1 = /a/g;
  const r2 = /a/g;
  r2.lastIndex = 3;
  differStrict(r1, r2);
}

// Boxed primitives.
same(new Number(1), new Number(1));
differLoose(new Number(1), new Number(2));
differLoose(new String('a'), new String('b'));
differStrict(new Number(1), 1);
differStrict(Object(Symbol.iterator), Object(Symbol('x')));
same(new Boolean(false), new Boolean(false));

// Typed arrays and buffers.
same(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]));
differLoose(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]));
differStrict(new Uint8Array([1, 2]), new Int8Array([1, 2]));
differStrict(new Uint8Array([1]), Buffer.from([1]));
same(Buffer.from('abc'), Buffer.from('abc'));
// Float arrays: strict compares bytes (NaN equals NaN), loose compares with
// == per element (NaN differs).
assert.deepStrictEqual(new Float64Array([NaN]), new Float64Array([NaN]));
assert.notDeepEqual(new Float64Array([NaN]), new Float64Array([NaN]));
// Strict: -0 and 0 differ in float arrays; loose: they are equal.
looseOnly(new Float32Array([0]), new Float32Array([-0]));
same(new ArrayBuffer(4), new ArrayBuffer(4));
{
  const a = new ArrayBuffer(2);
  new Uint8Array(a)[0] = 1;
  differLoose(a, new ArrayBuffer(2));
  differLoose(new DataView(a), new DataView(new ArrayBuffer(2)));
}
same(new BigInt64Array([1n, 2n]), new BigInt64Array([1n, 2n]));

// Maps.
same(new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b'], [1, 'a']]));
differLoose(new Map([[1, 'a']]), new Map([[1, 'b']]));
differLoose(new Map([[1, 'a']]), new Map([[2, 'a']]));
same(new Map([[{ a: 1 }, 'x']]), new Map([[{ a: 1 }, 'x']]));  // Object keys compared deeply.
differLoose(new Map([[{ a: 1 }, 'x']]), new Map([[{ a: 2 }, 'x']]));
same(new Map([[NaN, 1]]), new Map([[NaN, 1]]));
looseOnly(new Map([[1, 1]]), new Map([['1', 1]]));
differLoose(new Map(), new Set());

// Sets.
same(new Set([1, 2, 3]), new Set([3, 2, 1]));
differLoose(new Set([1, 2]), new Set([1, 3]));
same(new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }]));
differLoose(new Set([{ a: 1 }]), new Set([{ a: 2 }]));
looseOnly(new Set([1]), new Set(['1']));
same(new Set([NaN]), new Set([NaN]));
differLoose(new Set([1]), [1]);

// Errors: name and message are compared even though not enumerable.
same(new Error('a'), new Error('a'));
differLoose(new Error('a'), new Error('b'));
differStrict(new Error('a'), new TypeError('a'));
{
  const e1 = new Error('x');
  const e2 = new Error('x');
  e2.code = 'E';
  differLoose(e1, e2);
}

// Functions compare by reference.
{
  const f = () => {};
  same(f, f);
  differLoose(() => {}, () => {});
}

// Cycles.
{
  const a = { name: 'a' };
  a.self = a;
  const b = { name: 'a' };
  b.self = b;
  same(a, b);
  const c = [1];
  c.push(c);
  const d = [1];
  d.push(d);
  same(c, d);
  const m1 = new Map();
  m1.set('me', m1);
  const m2 = new Map();
  m2.set('me', m2);
  same(m1, m2);
  const x = { name: 'a' };
  x.self = { name: 'a', self: x };
  const y = { name: 'b' };
  y.self = y;
  differLoose(x, y);
}

// Node 20: WeakMaps and Promises have no comparable contents, so two of
// them with the same (empty) own properties are equal.
same(new WeakMap(), new WeakMap());
same(Promise.resolve(1), Promise.resolve(2));

// Messages.
assert.throws(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }',
  actual: { a: 1 },
  expected: { a: 2 },
  generatedMessage: true,
});
assert.throws(() => assert.deepEqual(1, 2), {
  message: 'Expected values to be loosely deep-equal:\n\n1\n\nshould loosely deep-equal\n\n2',
});
assert.throws(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }), {
  message: 'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n',
});
assert.throws(() => assert.deepStrictEqual(1, 2, 'custom'), {
  message: 'custom\n\n1 !== 2\n',
  generatedMessage: false,
});
