'use strict';

// The 'util' module (Node 20 API).

const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  deprecate,
  getSystemErrorMap,
  getSystemErrorName: internalErrorName,
  promisify,
  makeNodeError,
  toUSVString,
} = require('internal/util');
const types = require('internal/util/types');

function invalidArgType(name, expected, actual) {
  return makeNodeError('ERR_INVALID_ARG_TYPE', TypeError,
                       `The "${name}" argument must be of type ${expected}`,
                       name, expected, actual);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null ||
         (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(arg) {
  const B = globalThis.Buffer;
  if (B !== undefined && typeof B.isBuffer === 'function') return B.isBuffer(arg);
  return false;
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
                'Oct', 'Nov', 'Dec'];

// "26 Feb 16:19:34"
function timestamp() {
  const d = new Date();
  const t = [
    pad(d.getHours()),
    pad(d.getMinutes()),
    pad(d.getSeconds()),
  ].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

// Logs with a timestamp prefix (deprecated in Node).
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

/**
 * Makes ctor.prototype inherit from superCtor.prototype and sets ctor.super_.
 */
function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null)
    throw invalidArgType('ctor', 'Function', ctor);

  if (superCtor === undefined || superCtor === null)
    throw invalidArgType('superCtor', 'Function', superCtor);

  if (superCtor.prototype === undefined) {
    throw invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;

  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason is wrapped so the callback can tell it apart from
  // success.
  if (!reason) {
    const err = makeNodeError('ERR_FALSY_VALUE_REJECTION', Error,
                              'Promise was rejected with falsy value', reason);
    if (err.reason === undefined || err.code !== 'ERR_FALSY_VALUE_REJECTION') {
      err.reason = reason;
    }
    reason = err;
  }
  return cb(reason);
}

/**
 * Turns an async function (or one returning a promise) into a function taking
 * a Node-style callback as its last argument.
 */
function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    // Call back on nextTick, as Node does.
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
            (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  // `length` and `name` may have been redefined with other types.
  if (typeof descriptors.length.value === 'number') {
    descriptors.length.value++;
  }
  if (typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  const keys = Reflect.ownKeys(descriptors);
  for (let i = 0; i < keys.length; i++) {
    Object.setPrototypeOf(descriptors[keys[i]], null);
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throw invalidArgType('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw makeNodeError('ERR_OUT_OF_RANGE', RangeError,
                        `The value of "err" is out of range. It must be a negative integer. Received ${err}`,
                        'err', 'a negative integer', err);
  }
  return internalErrorName(err);
}

function escapeStyleCode(code) {
  return `\u001b[${code}m`;
}

// util.styleText(format, text): wraps text in the SGR codes of format (a name
// from inspect.colors or an array of them).
function styleText(format, text, options) {
  if (typeof text !== 'string') throw invalidArgType('text', 'string', text);
  let validateStream = true;
  let stream;
  if (options !== undefined && options !== null) {
    if (options.validateStream !== undefined) validateStream = options.validateStream;
    stream = options.stream;
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const codes = inspect.colors[key];
    if (codes == null) {
      const allowed = Object.keys(inspect.colors).map((k) => `'${k}'`).join(', ');
      throw makeNodeError('ERR_INVALID_ARG_VALUE', TypeError,
                          `The argument 'format' must be one of: ${allowed}. Received ${inspect(key)}`,
                          'format', key, `must be one of: ${allowed}`);
    }
    left += escapeStyleCode(codes[0]);
    right = `${escapeStyleCode(codes[1])}${right}`;
  }
  if (validateStream) {
    if (stream === undefined && typeof process !== 'undefined') stream = process.stdout;
    if (!shouldColorize(stream)) return text;
  }
  return `${left}${text}${right}`;
}

function shouldColorize(stream) {
  if (typeof process === 'undefined') return false;
  const env = process.env || {};
  if (env.FORCE_COLOR !== undefined) {
    return env.FORCE_COLOR === '' || env.FORCE_COLOR === 'true' ||
      (Number.parseInt(env.FORCE_COLOR, 10) > 0);
  }
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined ||
      env.TERM === 'dumb') {
    return false;
  }
  if (stream == null || !stream.isTTY) return false;
  if (typeof stream.getColorDepth === 'function') return stream.getColorDepth() > 2;
  return true;
}

let internalDeepEqual;
function isDeepStrictEqual(a, b) {
  if (internalDeepEqual === undefined) {
    internalDeepEqual = require('internal/util/comparisons').isDeepStrictEqual;
  }
  return internalDeepEqual(a, b);
}

let abortController;
function lazyAbortController() {
  if (abortController === undefined) abortController = require('internal/abort_controller');
  return abortController;
}

// util.aborted(signal, resource): resolves once signal aborts.
function aborted(signal, resource) {
  const ac = lazyAbortController();
  if (typeof ac.aborted === 'function') return ac.aborted(signal, resource);
  throw new Error('util.aborted is not supported');
}

// debuglog lives in internal/util/debuglog when the runtime has it; otherwise
// a minimal NODE_DEBUG-driven logger is used.
function fallbackDebuglog(set, cb) {
  let enabled;
  let logger;
  function init() {
    const env = (typeof process !== 'undefined' && process.env && process.env.NODE_DEBUG) || '';
    const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*').replace(/,/g, '$|^');
    enabled = env !== '' && new RegExp(`^${pattern}$`, 'i').test(set);
    const pid = typeof process !== 'undefined' ? process.pid : 0;
    const upper = String(set).toUpperCase();
    logger = enabled ?
      (...args) => {
        process.stderr.write(`${upper} ${pid}: ${format(...args)}\n`);
      } :
      () => {};
    if (typeof cb === 'function') cb(logger);
  }
  const debug = (...args) => {
    if (logger === undefined) init();
    logger(...args);
  };
  Object.defineProperty(debug, 'enabled', {
    __proto__: null,
    get() {
      if (enabled === undefined) init();
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return debug;
}

function resolveDebuglog() {
  try {
    const mod = require('internal/util/debuglog');
    if (mod && typeof mod.debuglog === 'function') return mod.debuglog;
  } catch {
    // Not available.
  }
  return fallbackDebuglog;
}

let debuglogImpl;
function debuglog(set, cb) {
  if (debuglogImpl === undefined) debuglogImpl = resolveDebuglog();
  return debuglogImpl(set, cb);
}
module.exports = {
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  aborted,
  types,
};


// TextEncoder / TextDecoder come from the globals, read on first use.
for (const name of ['TextEncoder', 'TextDecoder']) {
  let value;
  let set = false;
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      if (!set) {
        value = globalThis[name];
        if (value === undefined) {
          try {
            value = require('internal/encoding')[name];
          } catch {
            value = undefined;
          }
        }
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
