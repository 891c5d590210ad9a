'use strict';

// util.types: brand checks built from engine getters and methods that throw on
// foreign receivers, so an object with a fake Symbol.toStringTag is not taken
// for a built-in. Natives from internalBinding('types') / ('util') are used when
// the runtime provides them.

let binding;
try {
  binding = internalBinding('types');
} catch {
  binding = undefined;
}
let utilBinding;
try {
  utilBinding = internalBinding('util');
} catch {
  utilBinding = undefined;
}

function nativeCheck(name) {
  if (binding && typeof binding[name] === 'function') return binding[name];
  if (utilBinding && typeof utilBinding[name] === 'function') return utilBinding[name];
  return undefined;
}

const objectToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const getProto = Object.getPrototypeOf;

function getter(proto, name) {
  if (proto == null) return undefined;
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  return desc !== undefined ? desc.get : undefined;
}

// Calls `fn` with receiver `value`; true when it did not throw.
function accepts(fn, value) {
  try {
    fn.call(value);
    return true;
  } catch {
    return false;
  }
}

function isObjectLike(value) {
  return value !== null && typeof value === 'object';
}

const TypedArray = getProto(Uint8Array);
const typedArrayTagGetter = getter(TypedArray.prototype, Symbol.toStringTag);

function typedArrayTag(value) {
  return typedArrayTagGetter.call(value);
}

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function makeTypedArrayCheck(name) {
  return function(value) {
    return typedArrayTag(value) === name;
  };
}

const isUint8Array = makeTypedArrayCheck('Uint8Array');
const isUint8ClampedArray = makeTypedArrayCheck('Uint8ClampedArray');
const isUint16Array = makeTypedArrayCheck('Uint16Array');
const isUint32Array = makeTypedArrayCheck('Uint32Array');
const isInt8Array = makeTypedArrayCheck('Int8Array');
const isInt16Array = makeTypedArrayCheck('Int16Array');
const isInt32Array = makeTypedArrayCheck('Int32Array');
const isFloat16Array = makeTypedArrayCheck('Float16Array');
const isFloat32Array = makeTypedArrayCheck('Float32Array');
const isFloat64Array = makeTypedArrayCheck('Float64Array');
const isBigInt64Array = makeTypedArrayCheck('BigInt64Array');
const isBigUint64Array = makeTypedArrayCheck('BigUint64Array');

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

const arrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const sharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;

function isArrayBuffer(value) {
  return isObjectLike(value) && accepts(arrayBufferByteLength, value);
}

function isSharedArrayBuffer(value) {
  return sharedArrayBufferByteLength !== undefined && isObjectLike(value) &&
    accepts(sharedArrayBufferByteLength, value);
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

const dataViewBuffer = getter(DataView.prototype, 'buffer');
function isDataView(value) {
  return isObjectLike(value) && accepts(dataViewBuffer, value);
}

const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
function isMap(value) {
  return isObjectLike(value) && accepts(mapSize, value);
}
function isSet(value) {
  return isObjectLike(value) && accepts(setSize, value);
}

const weakMapHas = WeakMap.prototype.has;
const weakSetHas = WeakSet.prototype.has;
const probeKey = {};
function isWeakMap(value) {
  if (!isObjectLike(value)) return false;
  try {
    weakMapHas.call(value, probeKey);
    return true;
  } catch {
    return false;
  }
}
function isWeakSet(value) {
  if (!isObjectLike(value)) return false;
  try {
    weakSetHas.call(value, probeKey);
    return true;
  } catch {
    return false;
  }
}

const dateGetTime = Date.prototype.getTime;
function isDate(value) {
  return isObjectLike(value) && accepts(dateGetTime, value);
}

// The `global` getter returns undefined for %RegExp.prototype% and throws for
// every non-RegExp object, so it is a side-effect free brand check.
const regExpGlobal = getter(RegExp.prototype, 'global');
function isRegExp(value) {
  if (!isObjectLike(value)) return false;
  try {
    return typeof regExpGlobal.call(value) === 'boolean';
  } catch {
    return false;
  }
}

// Object.prototype.toString reports the engine's builtin tag when no
// Symbol.toStringTag is reachable, so "no tag + [object X]" is an exact check.
function builtinTagIs(value, tag) {
  let hasTag;
  try {
    hasTag = Symbol.toStringTag in value;
  } catch {
    return false;
  }
  if (hasTag) return undefined;
  return objectToString.call(value) === `[object ${tag}]`;
}

const nativeIsNativeError = nativeCheck('isNativeError');
const errorIsError = typeof Error.isError === 'function' ? Error.isError : undefined;
function isNativeError(value) {
  if (nativeIsNativeError !== undefined) return nativeIsNativeError(value);
  if (errorIsError !== undefined) return errorIsError(value);
  if (!isObjectLike(value)) return false;
  const res = builtinTagIs(value, 'Error');
  if (res !== undefined) return res;
  return value instanceof Error;
}

function isArgumentsObject(value) {
  if (!isObjectLike(value)) return false;
  return builtinTagIs(value, 'Arguments') === true;
}

const nativeIsPromise = nativeCheck('isPromise');
function isPromise(value) {
  if (!isObjectLike(value)) return false;
  if (nativeIsPromise !== undefined) return nativeIsPromise(value);
  if (utilBinding && typeof utilBinding.getPromiseDetails === 'function') {
    try {
      const details = utilBinding.getPromiseDetails(value);
      if (details !== undefined) return Array.isArray(details);
      return false;
    } catch {
      return false;
    }
  }
  // Without a native there is no side-effect free brand check for promises
  // (then() and Promise.resolve() both observe or mark the value).
  return value instanceof Promise &&
    objectToString.call(value) === '[object Promise]';
}

function valueOfCheck(valueOf) {
  return function(value) {
    if (!isObjectLike(value)) return false;
    try {
      valueOf.call(value);
      return true;
    } catch {
      return false;
    }
  };
}

const isNumberObject = valueOfCheck(Number.prototype.valueOf);
const isStringObject = valueOfCheck(String.prototype.valueOf);
const isBooleanObject = valueOfCheck(Boolean.prototype.valueOf);
const isBigIntObject = valueOfCheck(BigInt.prototype.valueOf);
const isSymbolObject = valueOfCheck(Symbol.prototype.valueOf);

function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) ||
    isBooleanObject(value) || isBigIntObject(value) || isSymbolObject(value);
}

/* eslint-disable no-empty-function */
const AsyncFunctionPrototype = getProto(async function() {});
const GeneratorFunctionPrototype = getProto(function*() {});
const AsyncGeneratorFunctionPrototype = getProto(async function*() {});
const GeneratorPrototype = GeneratorFunctionPrototype.prototype;
const AsyncGeneratorPrototype = AsyncGeneratorFunctionPrototype.prototype;
/* eslint-enable no-empty-function */
const functionToString = Function.prototype.toString;

function protoChainHas(value, target) {
  let proto = getProto(value);
  while (proto !== null) {
    if (proto === target) return true;
    proto = getProto(proto);
  }
  return false;
}

function sourceOf(fn) {
  try {
    return functionToString.call(fn);
  } catch {
    return '';
  }
}

const nativeIsAsyncFunction = nativeCheck('isAsyncFunction');
function isAsyncFunction(value) {
  if (typeof value !== 'function') return false;
  if (nativeIsAsyncFunction !== undefined) return nativeIsAsyncFunction(value);
  if (protoChainHas(value, AsyncFunctionPrototype) ||
      protoChainHas(value, AsyncGeneratorFunctionPrototype)) {
    return true;
  }
  // The prototype may have been replaced: fall back on the source text.
  return /^async[\s(*]/.test(sourceOf(value));
}

const nativeIsGeneratorFunction = nativeCheck('isGeneratorFunction');
function isGeneratorFunction(value) {
  if (typeof value !== 'function') return false;
  if (nativeIsGeneratorFunction !== undefined) return nativeIsGeneratorFunction(value);
  if (protoChainHas(value, GeneratorFunctionPrototype) ||
      protoChainHas(value, AsyncGeneratorFunctionPrototype)) {
    return true;
  }
  return /^(?:async\s*)?function\s*\*|^(?:async\s*)?\*/.test(sourceOf(value));
}

const nativeIsGeneratorObject = nativeCheck('isGeneratorObject');
function isGeneratorObject(value) {
  if (!isObjectLike(value)) return false;
  if (nativeIsGeneratorObject !== undefined) return nativeIsGeneratorObject(value);
  return protoChainHas(value, GeneratorPrototype) ||
    protoChainHas(value, AsyncGeneratorPrototype);
}

const MapIteratorPrototype = getProto(new Map().entries());
const SetIteratorPrototype = getProto(new Set().values());
const nativeIsMapIterator = nativeCheck('isMapIterator');
const nativeIsSetIterator = nativeCheck('isSetIterator');
function isMapIterator(value) {
  if (!isObjectLike(value)) return false;
  if (nativeIsMapIterator !== undefined) return nativeIsMapIterator(value);
  return getProto(value) === MapIteratorPrototype;
}
function isSetIterator(value) {
  if (!isObjectLike(value)) return false;
  if (nativeIsSetIterator !== undefined) return nativeIsSetIterator(value);
  return getProto(value) === SetIteratorPrototype;
}

const nativeIsModuleNamespaceObject = nativeCheck('isModuleNamespaceObject');
function isModuleNamespaceObject(value) {
  if (!isObjectLike(value)) return false;
  if (nativeIsModuleNamespaceObject !== undefined) {
    return nativeIsModuleNamespaceObject(value);
  }
  // Namespace objects: null prototype, not extensible, and a non-writable,
  // non-configurable own @@toStringTag of 'Module'.
  if (getProto(value) !== null || Object.isExtensible(value)) return false;
  const desc = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
  return desc !== undefined && desc.value === 'Module' &&
    desc.writable === false && desc.enumerable === false &&
    desc.configurable === false;
}

function isProxy(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return false;
  }
  const native = nativeCheck('isProxy');
  if (native !== undefined) return native(value);
  if (utilBinding && typeof utilBinding.getProxyDetails === 'function') {
    return utilBinding.getProxyDetails(value, false) !== undefined;
  }
  return false;
}

function isExternal() {
  return false;
}

// No KeyObject / CryptoKey classes exist in Weft yet.
function isKeyObject() {
  return false;
}

function isCryptoKey() {
  return false;
}

function isWeakRef(value) {
  if (!isObjectLike(value) || typeof WeakRef !== 'function') return false;
  try {
    WeakRef.prototype.deref.call(value);
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  isExternal,
  isDate,
  isArgumentsObject,
  isBigIntObject,
  isBooleanObject,
  isNumberObject,
  isStringObject,
  isSymbolObject,
  isNativeError,
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise,
  isMap,
  isSet,
  isMapIterator,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy,
  isModuleNamespaceObject,
  isAnyArrayBuffer,
  isBoxedPrimitive,
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
  isKeyObject,
  isCryptoKey,
};

// Weft-internal extras (not part of Node's util.types surface).
Object.defineProperties(module.exports, {
  isFloat16Array: { __proto__: null, value: isFloat16Array, enumerable: false },
  isWeakRef: { __proto__: null, value: isWeakRef, enumerable: false },
  typedArrayTag: { __proto__: null, value: typedArrayTag, enumerable: false },
});
