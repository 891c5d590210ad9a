'use strict';

// structuredClone(value, { transfer }) following the HTML structured
// serialize/deserialize algorithm, with V8's (Node's) error messages.
//
// Supported: primitives (symbols throw), plain objects and class instances
// (cloned as plain objects: own enumerable string keys), arrays (holes and
// extra keys kept), Date, RegExp, Map, Set, ArrayBuffer (resizable too),
// SharedArrayBuffer (the same object is returned: memory stays shared), typed
// arrays and DataView (views of one buffer keep sharing the cloned buffer),
// Error objects (standard name, message, stack, cause), boxed primitives,
// and cyclic or shared references.
//
// transfer: ArrayBuffers in the list are detached after cloning (when the
// engine has ArrayBuffer.prototype.transfer); the clone holds their data.
// No other transferable objects (MessagePort, ...) exist in Weft yet.

const {
  isArrayBuffer,
  isSharedArrayBuffer,
  isDataView,
  isDate,
  isRegExp,
  isMap,
  isSet,
  isNativeError,
  isNumberObject,
  isStringObject,
  isBooleanObject,
  isBigIntObject,
  isSymbolObject,
  isTypedArray,
  isPromise,
  isWeakMap,
  isWeakSet,
  isArgumentsObject,
  isGeneratorObject,
  isMapIterator,
  isSetIterator,
  isModuleNamespaceObject,
  isProxy,
  typedArrayTag,
} = require('internal/util/types');
const { DOMException } = require('internal/dom_exception');

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

const typedArrayConstructors = {
  __proto__: null,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};
if (typeof globalThis.Float16Array === 'function') {
  typedArrayConstructors.Float16Array = globalThis.Float16Array;
}

const errorConstructors = {
  __proto__: null,
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

const hasOwn = Object.prototype.hasOwnProperty;
const arrayBufferSlice = ArrayBuffer.prototype.slice;
const arrayBufferByteLength =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const arrayBufferResizable = (() => {
  const desc = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable');
  return desc !== undefined ? desc.get : undefined;
})();
const arrayBufferMaxByteLength = (() => {
  const desc = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'maxByteLength');
  return desc !== undefined ? desc.get : undefined;
})();
const arrayBufferTransfer = ArrayBuffer.prototype.transfer;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const taBuffer = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer').get;
const taByteOffset = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset').get;
const taLength = Object.getOwnPropertyDescriptor(typedArrayProto, 'length').get;
const dvBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const dvByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
const mapSet = Map.prototype.set;
const setAdd = Set.prototype.add;

function isDetached(buffer) {
  const desc = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached');
  if (desc !== undefined && typeof desc.get === 'function') {
    return desc.get.call(buffer) === true;
  }
  try {
    new Uint8Array(buffer); // eslint-disable-line no-new
    return false;
  } catch {
    return true;
  }
}

function constructorNameOf(obj) {
  let proto = obj;
  while (proto !== null && proto !== undefined) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name) {
      return desc.value.name;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return 'Object';
}

function cloneArrayBuffer(buffer) {
  if (isDetached(buffer)) {
    throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
  }
  const length = arrayBufferByteLength.call(buffer);
  if (arrayBufferResizable !== undefined && arrayBufferResizable.call(buffer)) {
    const copy = new ArrayBuffer(length, { maxByteLength: arrayBufferMaxByteLength.call(buffer) });
    new Uint8Array(copy).set(new Uint8Array(buffer, 0, length));
    return copy;
  }
  return arrayBufferSlice.call(buffer, 0, length);
}

function cloneValue(value, memory) {
  const type = typeof value;
  if (type === 'symbol') {
    throw dataCloneError(`${String(value)} could not be cloned.`);
  }
  if (type === 'function') {
    let source;
    try {
      source = Function.prototype.toString.call(value);
    } catch {
      source = 'function';
    }
    throw dataCloneError(`${source} could not be cloned.`);
  }
  if (type !== 'object' || value === null) {
    return value;
  }

  const seen = memory.get(value);
  if (seen !== undefined) return seen;

  if (isProxy(value)) {
    throw dataCloneError('#<Object> could not be cloned.');
  }

  let clone;
  if (Array.isArray(value)) {
    clone = new Array(value.length);
    memory.set(value, clone);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (hasOwn.call(value, key)) {
        clone[key] = cloneValue(value[key], memory);
      }
    }
    return clone;
  }

  if (isDate(value)) {
    clone = new Date(Date.prototype.getTime.call(value));
    memory.set(value, clone);
    return clone;
  }

  if (isRegExp(value)) {
    const source = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(value);
    const flags = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(value);
    clone = new RegExp(source, flags);
    memory.set(value, clone);
    return clone;
  }

  if (isArrayBuffer(value)) {
    clone = cloneArrayBuffer(value);
    memory.set(value, clone);
    return clone;
  }

  if (isSharedArrayBuffer(value)) {
    // A new SharedArrayBuffer over the same memory cannot be made from JS:
    // the same object is returned, which shares the memory too.
    memory.set(value, value);
    return value;
  }

  if (isTypedArray(value)) {
    const buffer = taBuffer.call(value);
    if (isArrayBuffer(buffer) && isDetached(buffer)) {
      throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const clonedBuffer = cloneValue(buffer, memory);
    const Ctor = typedArrayConstructors[typedArrayTag(value)];
    clone = new Ctor(clonedBuffer, taByteOffset.call(value), taLength.call(value));
    memory.set(value, clone);
    return clone;
  }

  if (isDataView(value)) {
    const buffer = dvBuffer.call(value);
    if (isArrayBuffer(buffer) && isDetached(buffer)) {
      throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const clonedBuffer = cloneValue(buffer, memory);
    clone = new DataView(clonedBuffer, dvByteOffset.call(value), dvByteLength.call(value));
    memory.set(value, clone);
    return clone;
  }

  if (isMap(value)) {
    clone = new Map();
    memory.set(value, clone);
    // Copy the entries first: cloning may run user getters that mutate the map.
    const entries = Array.from(mapEntries.call(value));
    for (let i = 0; i < entries.length; i++) {
      const k = cloneValue(entries[i][0], memory);
      const v = cloneValue(entries[i][1], memory);
      mapSet.call(clone, k, v);
    }
    return clone;
  }

  if (isSet(value)) {
    clone = new Set();
    memory.set(value, clone);
    const values = Array.from(setValues.call(value));
    for (let i = 0; i < values.length; i++) {
      setAdd.call(clone, cloneValue(values[i], memory));
    }
    return clone;
  }

  if (isNativeError(value)) {
    return cloneError(value, memory);
  }

  if (isNumberObject(value)) {
    clone = Object(Number.prototype.valueOf.call(value));
    memory.set(value, clone);
    return clone;
  }
  if (isStringObject(value)) {
    clone = Object(String.prototype.valueOf.call(value));
    memory.set(value, clone);
    return clone;
  }
  if (isBooleanObject(value)) {
    clone = Object(Boolean.prototype.valueOf.call(value));
    memory.set(value, clone);
    return clone;
  }
  if (isBigIntObject(value)) {
    clone = Object(BigInt.prototype.valueOf.call(value));
    memory.set(value, clone);
    return clone;
  }
  if (isSymbolObject(value)) {
    throw dataCloneError('[object Symbol] could not be cloned.');
  }

  if (isGeneratorObject(value)) {
    throw dataCloneError('[object Generator] could not be cloned.');
  }
  if (isPromise(value) || isWeakMap(value) || isWeakSet(value) ||
      isWeakRefLike(value) || isModuleNamespaceObject(value)) {
    throw dataCloneError(`#<${constructorNameOf(value)}> could not be cloned.`);
  }
  if (isArgumentsObject(value) || isMapIterator(value) || isSetIterator(value)) {
    throw dataCloneError('#<Object> could not be cloned.');
  }

  // Any other object, class instances included: a plain object with the
  // own enumerable string-keyed properties.
  clone = {};
  memory.set(value, clone);
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (hasOwn.call(value, key)) {
      const v = cloneValue(value[key], memory);
      Object.defineProperty(clone, key, {
        __proto__: null,
        value: v,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  return clone;
}

function isWeakRefLike(value) {
  if (typeof WeakRef === 'function') {
    try {
      WeakRef.prototype.deref.call(value);
      return true;
    } catch {
      // Not a WeakRef.
    }
  }
  if (typeof FinalizationRegistry === 'function') {
    try {
      FinalizationRegistry.prototype.unregister.call(value, {});
      return true;
    } catch {
      // Not a FinalizationRegistry.
    }
  }
  return false;
}

function cloneError(value, memory) {
  // The standard constructor matching `name` (read through the chain), else
  // Error, as V8 does.
  let name;
  try {
    name = value.name;
  } catch {
    name = undefined;
  }
  const Ctor = (typeof name === 'string' && errorConstructors[name]) || Error;
  const clone = new Ctor();
  memory.set(value, clone);

  const messageDesc = Object.getOwnPropertyDescriptor(value, 'message');
  if (messageDesc !== undefined && 'value' in messageDesc) {
    Object.defineProperty(clone, 'message', {
      __proto__: null,
      value: `${messageDesc.value}`,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  } else if (hasOwn.call(clone, 'message')) {
    delete clone.message;
  }

  let stack;
  try {
    stack = value.stack;
  } catch {
    stack = undefined;
  }
  if (typeof stack === 'string') {
    Object.defineProperty(clone, 'stack', {
      __proto__: null,
      value: stack,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  if (hasOwn.call(value, 'cause')) {
    let cause;
    const causeDesc = Object.getOwnPropertyDescriptor(value, 'cause');
    if ('value' in causeDesc) {
      cause = causeDesc.value;
    } else {
      cause = value.cause;
    }
    Object.defineProperty(clone, 'cause', {
      __proto__: null,
      value: cloneValue(cause, memory),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  return clone;
}

function collectTransferList(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' && typeof options !== 'function') {
    const err = new TypeError('The options argument must be either an object or undefined');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const transfer = options.transfer;
  if (transfer === undefined) return undefined;
  if (transfer === null || typeof transfer[Symbol.iterator] !== 'function' ||
      typeof transfer === 'string') {
    const err = new TypeError('Optional transferList argument must be an iterable');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const list = [];
  for (const item of transfer) {
    if (!isArrayBuffer(item)) {
      const err = new TypeError('Found invalid object in transferList');
      err.code = 'ERR_INVALID_TRANSFER_OBJECT';
      throw err;
    }
    if (list.includes(item)) {
      throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    }
    list.push(item);
  }
  return list;
}

/**
 * @param {any} value
 * @param {{ transfer?: Iterable<ArrayBuffer> }} [options]
 * @returns {any} a deep copy of value.
 */
function structuredClone(value, options) {
  if (arguments.length === 0) {
    // Node's message here comes from C++ and has no quotes around the name.
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  const transferList = collectTransferList(options);
  const memory = new Map();
  if (transferList !== undefined) {
    for (let i = 0; i < transferList.length; i++) {
      const buffer = transferList[i];
      if (isDetached(buffer)) {
        throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      }
      memory.set(buffer, cloneArrayBuffer(buffer));
    }
  }
  const result = cloneValue(value, memory);
  if (transferList !== undefined && typeof arrayBufferTransfer === 'function') {
    // Detach the transferred buffers now that the clone holds their data.
    for (let i = 0; i < transferList.length; i++) {
      arrayBufferTransfer.call(transferList[i]);
    }
  }
  return result;
}

module.exports = { structuredClone };
