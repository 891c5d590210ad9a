'use strict';
// util.types.isXxx: a positive and several negative cases for each, including
// look-alikes (objects faking Symbol.toStringTag, subclasses, boxed values).
const assert = require('assert');
const util = require('util');
const { types } = util;

const fakeDate = { [Symbol.toStringTag]: 'Date' };
const fakeMap = Object.create(Map.prototype);
class MyMap extends Map {}
class MyPromise extends Promise {}
class MyErr extends TypeError {}

const table = {
  isDate: [[new Date(), new Date(NaN)], [fakeDate, Date.now(), Object.create(Date.prototype)]],
  isRegExp: [[/a/, new RegExp('b')], [{ [Symbol.toStringTag]: 'RegExp' }, '/a/', Object.create(RegExp.prototype)]],
  isMap: [[new Map(), new MyMap()], [fakeMap, new WeakMap(), new Set()]],
  isSet: [[new Set()], [new WeakSet(), new Map(), []]],
  isWeakMap: [[new WeakMap()], [new Map()]],
  isWeakSet: [[new WeakSet()], [new Set()]],
  isPromise: [[Promise.resolve(), new MyPromise(() => {})], [{ then() {} }, Object.create(Promise.prototype)]],
  isNativeError: [[new Error(), new TypeError(), new MyErr()], [{ name: 'Error', message: '' }, Object.create(Error.prototype)]],
  isArrayBuffer: [[new ArrayBuffer(1)], [new SharedArrayBuffer(1), new Uint8Array(1), Buffer.alloc(1)]],
  isSharedArrayBuffer: [[new SharedArrayBuffer(1)], [new ArrayBuffer(1)]],
  isAnyArrayBuffer: [[new ArrayBuffer(1), new SharedArrayBuffer(1)], [new Uint8Array(1)]],
  isArrayBufferView: [[new Uint8Array(1), new DataView(new ArrayBuffer(1)), Buffer.alloc(1)], [new ArrayBuffer(1), []]],
  isTypedArray: [[new Uint8Array(1), new Float64Array(1), new BigInt64Array(1), Buffer.alloc(1)], [new DataView(new ArrayBuffer(1)), [1]]],
  isUint8Array: [[new Uint8Array(1), Buffer.alloc(1)], [new Uint8ClampedArray(1), new Int8Array(1)]],
  isUint8ClampedArray: [[new Uint8ClampedArray(1)], [new Uint8Array(1)]],
  isInt32Array: [[new Int32Array(1)], [new Uint32Array(1)]],
  isFloat32Array: [[new Float32Array(1)], [new Float64Array(1)]],
  isBigInt64Array: [[new BigInt64Array(1)], [new BigUint64Array(1)]],
  isBigUint64Array: [[new BigUint64Array(1)], [new BigInt64Array(1)]],
  isDataView: [[new DataView(new ArrayBuffer(1))], [new Uint8Array(1)]],
  isAsyncFunction: [[async () => {}, async function() {}, async function* () {}], [() => {}, function* () {}, () => Promise.resolve()]],
  isGeneratorFunction: [[function* () {}, async function* () {}], [function() {}, async () => {}]],
  isGeneratorObject: [[(function* () {})()], [function* () {}, {}]],
  isBoxedPrimitive: [[new Number(1), new String(''), new Boolean(false), Object(Symbol()), Object(1n)], [1, 'a', {}]],
  isNumberObject: [[new Number(1)], [1, new String('1')]],
  isStringObject: [[new String('')], ['', new Number(0)]],
  isBooleanObject: [[new Boolean(false)], [false]],
  isSymbolObject: [[Object(Symbol())], [Symbol()]],
  isBigIntObject: [[Object(1n)], [1n]],
  isMapIterator: [[new Map().keys(), new Map()[Symbol.iterator]()], [new Set().values(), [][Symbol.iterator]()]],
  isSetIterator: [[new Set().values(), new Set().entries()], [new Map().values()]],
  isArgumentsObject: [[(function() { return arguments; })()], [[], { length: 0 }]],
  isProxy: [[new Proxy({}, {})], [{}]],
  isModuleNamespaceObject: [[], [{}, Object.create(null)]],
  isExternal: [[], [{}, 1]],
};

for (const [name, [yes, no]] of Object.entries(table)) {
  assert.strictEqual(typeof types[name], 'function', `types.${name} missing`);
  for (const v of yes) assert.strictEqual(types[name](v), true, `types.${name}(${util.inspect(v)}) should be true`);
  for (const v of no) assert.strictEqual(types[name](v), false, `types.${name}(${util.inspect(v)}) should be false`);
  // Primitives are never any of these.
  for (const p of [undefined, null, 0, 'x', true, Symbol('p'), 1n]) {
    assert.strictEqual(types[name](p), false, `types.${name}(${String(p)})`);
  }
}

// isKeyObject / isCryptoKey exist (false for plain objects).
assert.strictEqual(types.isKeyObject({}), false);
assert.strictEqual(types.isCryptoKey({}), false);

// Deprecated-but-present util.isXxx helpers behave the same way.
assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isArray({ length: 0 }), false);
