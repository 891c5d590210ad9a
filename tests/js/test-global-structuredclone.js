'use strict';
// structuredClone: supported types, identity and cycles, what is dropped,
// errors, transfer, and DataCloneError for uncloneable values.
const assert = require('assert');

function roundTrip(v) {
  const c = structuredClone(v);
  if (v !== null && typeof v === 'object') assert.notStrictEqual(c, v);
  return c;
}

// Primitives come back as themselves (including -0, NaN, bigint).
for (const p of [1, 'a', null, undefined, true, 1n, NaN, Infinity]) assert.ok(Object.is(structuredClone(p), p));
assert.ok(Object.is(structuredClone(-0), -0));

// Plain objects and arrays: deep copies; prototype becomes Object.prototype.
{
  const src = { a: 1, b: { c: [1, 2, { d: 'x' }] } };
  const c = roundTrip(src);
  assert.deepStrictEqual(c, src);
  assert.notStrictEqual(c.b, src.b);
  assert.notStrictEqual(c.b.c, src.b.c);
  class Foo { constructor() { this.x = 1; } method() {} }
  const foo = roundTrip(new Foo());
  assert.strictEqual(Object.getPrototypeOf(foo), Object.prototype);
  assert.deepStrictEqual(foo, { x: 1 });
  const npo = roundTrip(Object.assign(Object.create(null), { z: 1 }));
  assert.strictEqual(Object.getPrototypeOf(npo), Object.prototype);
  // Getters are read; non-enumerable and symbol keys are dropped.
  assert.deepStrictEqual(roundTrip({ get g() { return 'got'; } }), { g: 'got' });
  assert.deepStrictEqual(roundTrip(Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false })), { a: 1 });
  assert.deepStrictEqual(roundTrip({ [Symbol('s')]: 1, b: 2 }), { b: 2 });
  // Arrays keep holes and extra properties.
  const sparse = roundTrip([1, , 3]);
  assert.strictEqual(sparse.length, 3);
  assert.strictEqual(1 in sparse, false);
  const withProps = roundTrip(Object.assign([1, 2], { extra: 'x' }));
  assert.strictEqual(withProps.extra, 'x');
  assert.ok(Array.isArray(withProps));
}

// Date, RegExp (lastIndex is not kept), boxed primitives.
{
  const d = roundTrip(new Date(12345));
  assert.ok(d instanceof Date);
  assert.strictEqual(d.getTime(), 12345);
  assert.strictEqual(String(roundTrip(new Date(NaN))), 'Invalid Date');
  const re = /ab+c/gimsuy;
  re.lastIndex = 3;
  const r = roundTrip(re);
  assert.ok(r instanceof RegExp);
  assert.strictEqual(r.source, 'ab+c');
  assert.strictEqual(r.flags, re.flags);
  assert.strictEqual(r.lastIndex, 0);
  const boxed = roundTrip([new Number(3), new String('s'), new Boolean(false), Object(2n)]);
  assert.deepStrictEqual(boxed, [new Number(3), new String('s'), new Boolean(false), Object(2n)]);
}

// Map and Set, deep.
{
  const key = { k: 1 };
  const m = roundTrip(new Map([[1, { a: 1 }], [key, [1, 2]]]));
  assert.ok(m instanceof Map);
  assert.strictEqual(m.size, 2);
  assert.deepStrictEqual(m.get(1), { a: 1 });
  assert.strictEqual(m.get(key), undefined);  // The key object was cloned too.
  const [, [clonedKey, val]] = [...m];
  assert.deepStrictEqual(clonedKey, { k: 1 });
  assert.deepStrictEqual(val, [1, 2]);
  const s = roundTrip(new Set([1, 'x', { y: 2 }]));
  assert.ok(s instanceof Set);
  assert.deepStrictEqual([...s], [1, 'x', { y: 2 }]);
}

// Typed arrays, ArrayBuffer, DataView; subarrays keep offset and length
// over a copy of the whole buffer; Buffer becomes a plain Uint8Array.
{
  const u8 = roundTrip(new Uint8Array([1, 2, 3]));
  assert.ok(u8 instanceof Uint8Array);
  assert.deepStrictEqual([...u8], [1, 2, 3]);
  const f64 = roundTrip(new Float64Array([1.5, NaN]));
  assert.ok(f64 instanceof Float64Array);
  assert.ok(Number.isNaN(f64[1]));
  const sub = roundTrip(new Uint8Array([1, 2, 3, 4]).subarray(1, 3));
  assert.deepStrictEqual([...sub], [2, 3]);
  assert.strictEqual(sub.byteOffset, 1);
  assert.strictEqual(sub.buffer.byteLength, 4);
  const ab = roundTrip(new Uint8Array([9, 8]).buffer);
  assert.ok(ab instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(ab)], [9, 8]);
  const dv = roundTrip(new DataView(new Uint8Array([5, 6, 7]).buffer, 1));
  assert.ok(dv instanceof DataView);
  assert.strictEqual(dv.byteOffset, 1);
  assert.strictEqual(dv.getUint8(0), 6);
  const buf = roundTrip(Buffer.from('hi'));
  assert.strictEqual(Object.getPrototypeOf(buf), Uint8Array.prototype);
  assert.deepStrictEqual([...buf], [104, 105]);
  assert.deepStrictEqual(roundTrip(new BigInt64Array([1n, -1n])), new BigInt64Array([1n, -1n]));
  // Two views of one buffer still share one (cloned) buffer.
  const shared = new ArrayBuffer(4);
  const two = roundTrip({ x: new Uint8Array(shared), y: new Uint16Array(shared) });
  assert.strictEqual(two.x.buffer, two.y.buffer);
  assert.notStrictEqual(two.x.buffer, shared);
}

// Identity: cycles and shared references are preserved.
{
  const cyc = { name: 'c' };
  cyc.self = cyc;
  cyc.list = [cyc, { back: cyc }];
  const c = roundTrip(cyc);
  assert.strictEqual(c.self, c);
  assert.strictEqual(c.list[0], c);
  assert.strictEqual(c.list[1].back, c);
  const s = { s: 1 };
  const sh = roundTrip({ a: s, b: s });
  assert.strictEqual(sh.a, sh.b);
  const m = new Map();
  m.set('me', m);
  const mc = roundTrip(m);
  assert.strictEqual(mc.get('me'), mc);
}

// Errors: the standard types keep their class, message, cause and stack;
// other own properties are dropped; other names become Error.
{
  const err = Object.assign(new TypeError('tt'), { extra: 1, code: 'X' });
  const e = roundTrip(err);
  assert.ok(e instanceof TypeError);
  assert.strictEqual(e.name, 'TypeError');
  assert.strictEqual(e.message, 'tt');
  assert.strictEqual(e.stack, err.stack);
  assert.strictEqual(e.extra, undefined);
  assert.strictEqual(e.code, undefined);
  assert.deepStrictEqual(Object.keys(e), []);
  const withCause = roundTrip(new RangeError('rr', { cause: 'because' }));
  assert.ok(withCause instanceof RangeError);
  assert.strictEqual(withCause.cause, 'because');
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(withCause, 'message'),
                         { value: 'rr', writable: true, enumerable: false, configurable: true });
  for (const Ctor of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) {
    const c = roundTrip(new Ctor('m'));
    assert.strictEqual(Object.getPrototypeOf(c), Ctor.prototype, Ctor.name);
    assert.strictEqual(c.message, 'm');
  }
  class MyErr extends Error {}
  const mine = new MyErr('m');
  mine.name = 'MyErr';
  const mc = roundTrip(mine);
  assert.strictEqual(Object.getPrototypeOf(mc), Error.prototype);
  assert.strictEqual(mc.name, 'Error');
  assert.strictEqual(Object.hasOwn(mc, 'name'), false);
  const agg = roundTrip(new AggregateError([new Error('a')], 'agg'));
  assert.strictEqual(Object.getPrototypeOf(agg), Error.prototype);
}

// Uncloneable values throw a DataCloneError DOMException.
{
  const check = (value, message) => {
    assert.throws(() => structuredClone(value), (e) => {
      assert.ok(e instanceof DOMException);
      assert.strictEqual(e.name, 'DataCloneError');
      assert.strictEqual(e.code, 25);
      assert.strictEqual(e.message, message);
      return true;
    });
  };
  check(() => {}, '() => {} could not be cloned.');
  check(Symbol('s'), 'Symbol(s) could not be cloned.');
  check({ f() {} }, 'f() {} could not be cloned.');
  check(new WeakMap(), '#<WeakMap> could not be cloned.');
  check(Promise.resolve(), '#<Promise> could not be cloned.');
  check({ p: new Proxy({}, {}) }, '#<Object> could not be cloned.');
}

// Arguments and options.
assert.throws(() => structuredClone(), {
  name: 'TypeError',
  code: 'ERR_MISSING_ARGS',
  message: 'The value argument must be specified',
});
assert.strictEqual(structuredClone(1, null), 1);
assert.throws(() => structuredClone(1, { transfer: 'x' }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional transferList argument must be an iterable',
});
{
  // Transfer detaches the source ArrayBuffer.
  const t = new Uint8Array([1, 2, 3]).buffer;
  const moved = structuredClone(t, { transfer: [t] });
  assert.strictEqual(t.byteLength, 0);
  assert.strictEqual(moved.byteLength, 3);
  assert.strictEqual(new Uint8Array(moved)[2], 3);
}
