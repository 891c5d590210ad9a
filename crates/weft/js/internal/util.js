'use strict';

// Shared helpers for built-in modules (the subset of Node's lib/internal/util.js
// that Weft's modules use).

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kEmptyObject = Object.freeze(Object.create(null));
const kEnumerableProperty = Object.create(null);
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);

const colorRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex

let errorCodes;
function lazyCodes() {
  if (errorCodes === undefined) errorCodes = require('internal/errors').codes;
  return errorCodes;
}

// Builds a Node-style error through internal/errors when the code exists there,
// and a plain error carrying `code` otherwise.
function makeNodeError(code, Base, fallbackMessage, ...args) {
  let codes;
  try { codes = lazyCodes(); } catch { codes = undefined; }
  if (codes !== undefined && typeof codes[code] === 'function') {
    return new codes[code](...args);
  }
  const err = new Base(fallbackMessage);
  err.code = code;
  return err;
}

function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') {
    return ` Received function ${value.name}`;
  }
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return ` Received an instance of ${value.constructor.name}`;
    }
    return ' Received [object]';
  }
  let shown = String(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  if (typeof value === 'string') shown = `'${shown}'`;
  return ` Received type ${typeof value} (${shown})`;
}

function invalidArgType(name, expected, actual) {
  return makeNodeError('ERR_INVALID_ARG_TYPE', TypeError,
                       `The "${name}" argument must be of type ${String(expected).toLowerCase()}.${describeReceived(actual)}`,
                       name, expected, actual);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

function removeColors(str) {
  return String.prototype.replace.call(str, colorRegExp, '');
}

let lazyTypes;
function isError(e) {
  if (lazyTypes === undefined) lazyTypes = require('internal/util/types');
  return lazyTypes.isNativeError(e) || e instanceof Error;
}

// Deprecation codes that already produced a warning.
const codesWarned = new Set();

function emitDeprecationWarningOnce(state, msg, code, deprecated) {
  if (state.warned) return;
  state.warned = true;
  if (typeof process === 'undefined' || process.noDeprecation) return;
  if (code !== undefined) {
    if (codesWarned.has(code)) return;
    codesWarned.add(code);
    if (typeof process.emitWarning === 'function') {
      process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
    }
  } else if (typeof process.emitWarning === 'function') {
    process.emitWarning(msg, 'DeprecationWarning', deprecated);
  }
}

// Returns a wrapper of `fn` that emits a DeprecationWarning on its first call.
function deprecate(fn, msg, code) {
  if (code !== undefined) validateString(code, 'code');
  const state = { warned: false };

  function deprecated(...args) {
    if (typeof process === 'undefined' || !process.noDeprecation) {
      emitDeprecationWarningOnce(state, msg, code, deprecated);
    }
    if (new.target) {
      return Reflect.construct(fn, args, new.target);
    }
    return Reflect.apply(fn, this, args);
  }

  // Keep the prototype chain of fn so statics stay reachable.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

function promisify(original) {
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  // Names of the callback values for callbacks that receive several values.
  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) {
            obj[argumentNames[i]] = values[i];
          }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn, enumerable: false, writable: false, configurable: true,
  });

  const descriptors = Object.getOwnPropertyDescriptors(original);
  const keys = Reflect.ownKeys(descriptors);
  for (let i = 0; i < keys.length; i++) {
    Object.setPrototypeOf(descriptors[keys[i]], null);
  }
  return Object.defineProperties(fn, descriptors);
}

promisify.custom = kCustomPromisifiedSymbol;

// Concatenates strings of `output` with `separator`.
function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function once(callback, options = kEmptyObject) {
  const preserveReturnValue = options != null && options.preserveReturnValue === true;
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

// util.getSystemErrorMap() / getSystemErrorName(): internal/errors owns the
// libuv table (internal/errors/uv). As in Node, each getSystemErrorMap()
// call returns a new Map.
function getSystemErrorMap() {
  return require('internal/errors').getSystemErrorMap();
}

function getSystemErrorName(err) {
  return require('internal/errors').uvErrName(err);
}

// Defines getters on `target` that load `keys` from built-in `id` on first use.
function defineLazyProperties(target, id, keys, enumerable = true) {
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let value;
    let set = false;
    Object.defineProperty(target, key, {
      __proto__: null,
      enumerable,
      configurable: true,
      get() {
        if (!set) {
          if (mod === undefined) mod = require(id);
          value = mod[key];
          set = true;
        }
        return value;
      },
      set(v) {
        value = v;
        set = true;
      },
    });
  }
}

let DOMExceptionClass;
function lazyDOMExceptionClass() {
  if (DOMExceptionClass === undefined) {
    DOMExceptionClass = require('internal/dom_exception').DOMException;
  }
  return DOMExceptionClass;
}

function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  return new DOMException(message, name);
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value,
    writable: true,
  });
}

function filterOwnProperties(source, keys) {
  const filtered = Object.create(null);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (Object.prototype.hasOwnProperty.call(source, key)) {
      filtered[key] = source[key];
    }
  }
  return filtered;
}

function isArrayBufferDetached(value) {
  const desc = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached');
  if (desc !== undefined && typeof desc.get === 'function') {
    try {
      return desc.get.call(value) === true;
    } catch {
      return false;
    }
  }
  try {
    new Uint8Array(value); // eslint-disable-line no-new
    return false;
  } catch {
    return true;
  }
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(
      `${feature} is an experimental feature and might change at any time`,
      'ExperimentalWarning');
  }
}

function toUSVString(str) {
  str = `${str}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
                     '\ufffd');
}

module.exports = {
  cachedResult,
  createDeferredPromise,
  customInspectSymbol,
  defineLazyProperties,
  deprecate,
  emitExperimentalWarning,
  filterOwnProperties,
  getConstructorOf,
  getLazy,
  getSystemErrorMap,
  getSystemErrorName,
  isArrayBufferDetached,
  isError,
  join,
  kCustomPromisifiedSymbol,
  kCustomPromisifyArgsSymbol,
  kEmptyObject,
  kEnumerableProperty,
  lazyDOMException,
  lazyDOMExceptionClass,
  makeNodeError,
  normalizeEncoding,
  once,
  promisify,
  removeColors,
  setOwnProperty,
  spliceOne,
  toUSVString,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
};
