'use strict';

// Node-compatible error machinery: the `codes` table of NodeError classes
// (ERR_*), the libuv errno table for Linux, and the helpers that build the
// system errors Node's net/dns/fs layers throw (`connect ECONNREFUSED
// 127.0.0.1:1`, `getaddrinfo ENOTFOUND host`, ...).
//
// Messages follow Node 20 exactly. Error classes are created lazily the first
// time a code is read from `codes`, which keeps module load cheap.

const kIsNodeError = Symbol('kIsNodeError');

const messages = new Map();

// ---------------------------------------------------------------------------
// Lazy access to util (written separately; it may itself require this file).

let utilModule;
function lazyUtil() {
  if (utilModule === undefined) utilModule = require('util');
  return utilModule;
}

const kStrNeedsEscape = /[\x00-\x1f\x27\x5c\x7f-\x9f]/;

// util.inspect for the values error messages show. Primitives are formatted
// here so the common messages don't depend on util; objects go to util.inspect.
function inspect(value, options) {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : `${value}`;
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return `${value}`;
    case 'string':
      if (!kStrNeedsEscape.test(value)) return `'${value}'`;
      break;
    case 'symbol':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      break;
  }
  return lazyUtil().inspect(value, options);
}

// %s in util.format for a primitive value.
function formatS(value) {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : `${value}`;
    case 'bigint':
      return `${value}n`;
    case 'string':
      return value;
    case 'boolean':
    case 'undefined':
      return `${value}`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `${value}`;
    case 'object':
      if (value === null) return 'null';
      break;
  }
  return lazyUtil().format('%s', value);
}

// A util.format work-alike for the placeholders error messages use.
function formatMessage(msg, args) {
  let i = 0;
  let out = '';
  let last = 0;
  for (let p = msg.indexOf('%'); p !== -1 && p + 1 < msg.length; p = msg.indexOf('%', p)) {
    const c = msg.charCodeAt(p + 1);
    let rep;
    if (c === 37) { // '%%'
      out += msg.slice(last, p) + '%';
      last = p = p + 2;
      continue;
    }
    if (i >= args.length) break;
    const a = args[i];
    switch (c) {
      case 115: rep = formatS(a); break; // s
      case 100: // d
      case 105: // i
        if (typeof a === 'bigint') rep = `${a}n`;
        else if (typeof a === 'symbol' || (typeof a === 'object' && a !== null)) rep = 'NaN';
        else {
          const n = c === 105 ? Math.trunc(Number(a)) : Number(a);
          rep = Object.is(n, -0) ? '-0' : `${n}`;
        }
        break;
      case 102: // f
        rep = typeof a === 'symbol' ? 'NaN' : `${Number.parseFloat(a)}`;
        break;
      case 106: // j
        try { rep = JSON.stringify(a); } catch { rep = '[Circular]'; }
        if (rep === undefined) rep = 'undefined';
        break;
      case 111: // o
      case 79: // O
        rep = inspect(a, c === 111 ? { showHidden: true, showProxy: true, depth: 4 } : undefined);
        break;
      default:
        p += 1;
        continue;
    }
    i++;
    out += msg.slice(last, p) + rep;
    last = p = p + 2;
  }
  // Arguments beyond the placeholders are ignored (Node asserts the count).
  return out + msg.slice(last);
}

// ---------------------------------------------------------------------------
// Stack handling. V8 renders `stack` lazily and Node prefixes NodeErrors with
// `Name [CODE]: message`. QuickJS-NG renders it at construction and, without
// Error.prepareStackTrace, stores only the frames. Either way, make the first
// line read `TypeError [ERR_X]: message` as in Node.

function errorToStringHeader(name, message) {
  name = name === undefined ? 'Error' : `${name}`;
  message = message === undefined ? '' : `${message}`;
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

function setStackHeader(err, header, plainHeader) {
  let stack;
  try {
    stack = err.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  let rest;
  if (stack.startsWith(plainHeader) &&
      (stack.length === plainHeader.length || stack.charCodeAt(plainHeader.length) === 10)) {
    rest = stack.slice(plainHeader.length);
  } else if (stack === '' || stack.startsWith('    at ')) {
    // QuickJS-NG without Error.prepareStackTrace: frames only.
    if (stack.endsWith('\n')) stack = stack.slice(0, -1);
    rest = stack === '' ? '' : `\n${stack}`;
  } else {
    // A header rendered before name/message were final.
    const idx = stack.indexOf('\n    at ');
    rest = idx === -1 ? '' : stack.slice(idx);
  }
  try {
    Object.defineProperty(err, 'stack', {
      __proto__: null,
      value: header + rest,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  } catch {
    // Non-configurable stack: leave it.
  }
}

const kNoCapture = Symbol('kNoCapture');

// Before `super()`: stop the engine from rendering a stack we would replace.
// Returns the previous Error.stackTraceLimit, or kNoCapture.
function suspendStackTrace() {
  if (typeof Error.captureStackTrace !== 'function' || !isErrorStackTraceLimitWritable()) {
    return kNoCapture;
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return limit;
}

// After `super()`: restore the limit and capture the stack from the caller
// of `fn` (the error constructor), so construction frames don't show.
function resumeStackTrace(limit, err, fn) {
  if (limit === kNoCapture) return;
  Error.stackTraceLimit = limit;
  Error.captureStackTrace(err, fn);
}

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

// ---------------------------------------------------------------------------
// NodeError classes.

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return msg.apply(self, args);
  if (args.length === 0) return msg;
  return formatMessage(msg, args);
}

function makeNodeErrorWithCode(Base, key) {
  const msg = messages.get(key);
  let NodeError;
  if (typeof msg === 'function') {
    NodeError = class NodeError extends Base {
      constructor(...args) {
        const limit = suspendStackTrace();
        super();
        if (limit !== kNoCapture) Error.stackTraceLimit = limit;
        this.code = key;
        Object.defineProperty(this, 'message', {
          __proto__: null,
          value: msg.apply(this, args),
          enumerable: false,
          writable: true,
          configurable: true,
        });
        if (limit !== kNoCapture) Error.captureStackTrace(this, new.target);
        setStackHeader(this, `${this.name} [${key}]: ${this.message}`,
                       errorToStringHeader(this.name, this.message));
      }
    };
  } else {
    NodeError = class NodeError extends Base {
      constructor(...args) {
        const message = args.length === 0 ? msg : formatMessage(msg, args);
        const limit = suspendStackTrace();
        super(message);
        resumeStackTrace(limit, this, new.target);
        this.code = key;
        setStackHeader(this, `${this.name} [${key}]: ${this.message}`,
                       errorToStringHeader(this.name, this.message));
      }
    };
  }
  Object.defineProperties(NodeError.prototype, {
    constructor: {
      __proto__: null,
      get() { return Base; },
      set(v) {
        Object.defineProperty(this, 'constructor', {
          __proto__: null, value: v, writable: true, enumerable: false, configurable: true,
        });
      },
      enumerable: false,
      configurable: true,
    },
    [kIsNodeError]: {
      __proto__: null,
      get() { return true; },
      enumerable: false,
      configurable: true,
    },
    toString: {
      __proto__: null,
      value: function toString() { return `${this.name} [${key}]: ${this.message}`; },
      writable: true,
      enumerable: false,
      configurable: true,
    },
  });
  // Node's validators use `ERR_X.HideStackFramesError`; stacks are not
  // trimmed here, so it is the same class.
  NodeError.HideStackFramesError = NodeError;
  return NodeError;
}

// A specialized Error that carries the uv error context in `info`.
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;

    this.code = key;
    Object.defineProperties(this, {
      [kIsNodeError]: { __proto__: null, value: true, enumerable: false, writable: false, configurable: true },
      name: { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      info: { __proto__: null, value: context, enumerable: true, configurable: true, writable: false },
      errno: {
        __proto__: null,
        get() { return context.errno; },
        set: (value) => { context.errno = value; },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        __proto__: null,
        get() { return context.syscall; },
        set: (value) => { context.syscall = value; },
        enumerable: true,
        configurable: true,
      },
    });
    if (context.path !== undefined) {
      Object.defineProperty(this, 'path', {
        __proto__: null,
        get() { return context.path != null ? context.path.toString() : context.path; },
        set: (value) => {
          context.path = value ? Buffer.from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    if (context.dest !== undefined) {
      Object.defineProperty(this, 'dest', {
        __proto__: null,
        get() { return context.dest != null ? context.dest.toString() : context.dest; },
        set: (value) => {
          context.dest = value ? Buffer.from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, new.target);
    setStackHeader(this, `SystemError [${key}]: ${message}`, errorToStringHeader('Error', message));
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyUtil().inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

// Register an error code. `def` is the base class; additional base classes
// become `codes.ERR_X.RangeError` etc. A code's classes are built when it is
// first used: registering is a table entry.
function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  pending[sym] = def;
  if (otherClasses.length > 0) pendingOthers[sym] = otherClasses;
}

// Codes registered but not built yet: code -> base class (and the extra
// base classes).
const pending = { __proto__: null };
const pendingOthers = { __proto__: null };

function build(key) {
  const def = pending[key];
  delete pending[key];
  const C = def === SystemError ? makeSystemErrorWithCode(key) : makeNodeErrorWithCode(def, key);
  const others = pendingOthers[key];
  if (others !== undefined) {
    delete pendingOthers[key];
    for (let i = 0; i < others.length; i++) {
      C[others[i].name] = makeNodeErrorWithCode(others[i], key);
    }
  }
  Object.defineProperty(codesTarget, key, {
    __proto__: null, value: C, writable: true, enumerable: true, configurable: true,
  });
}

// The codes start-up code uses are registered below; the rest of Node's table
// (internal/errors/codes) is read when a code outside that set is first
// looked up. Writes to `codes` load it first so it cannot undo them later.
let tableLoaded = false;
function loadTable() {
  if (tableLoaded) return;
  tableLoaded = true;
  require('internal/errors/codes');
}

// True when `key` is registered but its classes are not built yet.
function lookup(key) {
  if (pending[key] !== undefined) return true;
  if (tableLoaded || key in codesTarget) return false;
  loadTable();
  return pending[key] !== undefined;
}

function forget(key) {
  delete pending[key];
  delete pendingOthers[key];
}

// `codes` behaves as a plain object holding every registered class.
const codesTarget = {};
const codes = new Proxy(codesTarget, {
  __proto__: null,
  get(target, key) {
    if (typeof key === 'string' && lookup(key)) build(key);
    return target[key];
  },
  has(target, key) {
    return (typeof key === 'string' && lookup(key)) || key in target;
  },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key === 'string' && lookup(key)) build(key);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  ownKeys(target) {
    loadTable();
    for (const key in pending) build(key);
    return Reflect.ownKeys(target);
  },
  set(target, key, value) {
    loadTable();
    if (typeof key === 'string') forget(key);
    target[key] = value;
    return true;
  },
  defineProperty(target, key, desc) {
    loadTable();
    if (typeof key === 'string') forget(key);
    return Reflect.defineProperty(target, key, desc);
  },
  deleteProperty(target, key) {
    loadTable();
    if (typeof key === 'string') forget(key);
    return delete target[key];
  },
});

// ---------------------------------------------------------------------------
// Message helpers.

const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;
const kTypes = [
  'string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol',
];

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

// Describe a value for "Received ..." in type-mismatch messages.
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${inspect(value, { depth: -1 })}`;
    case 'string':
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      if (value.indexOf("'") === -1) return `type string ('${value}')`;
      return `type string (${JSON.stringify(value)})`;
    default: {
      let s = inspect(value, { colors: false });
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${type} (${s})`;
    }
  }
}

// Only for integers: 1234567 -> '1_234_567'.
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${val.slice(i - 3, i)}${res}`;
  }
  return `${val.slice(0, i)}${res}`;
}

// ---------------------------------------------------------------------------
// libuv errors (Linux numbering).

// [errno, code, message] rows, read on first use (internal/errors/uv).
let uvErrors;
function uvTable() {
  if (uvErrors === undefined) uvErrors = require('internal/errors/uv');
  return uvErrors;
}

let uvErrmap;
function getUvErrorMap() {
  if (uvErrmap === undefined) {
    uvErrmap = new Map();
    const rows = uvTable();
    for (let i = 0; i < rows.length; i++) {
      const e = rows[i];
      uvErrmap.set(e[0], [e[1], e[2]]);
    }
  }
  return uvErrmap;
}

// A fresh copy of the map, as util.getSystemErrorMap() returns.
function getSystemErrorMap() {
  const m = new Map();
  const rows = uvTable();
  for (let i = 0; i < rows.length; i++) {
    const e = rows[i];
    m.set(e[0], [e[1], e[2]]);
  }
  return m;
}

// errno (negative, Linux numbering) -> [code, message] or undefined.
function uvErrmapGet(errno) {
  return getUvErrorMap().get(errno);
}

// errno -> 'ECONNREFUSED'; unknown numbers as util.getSystemErrorName does.
function uvErrName(errno) {
  const entry = getUvErrorMap().get(errno);
  return entry !== undefined ? entry[0] : `Unknown system error ${errno}`;
}

// { UV_E2BIG: -7, ... } as internalBinding('uv') exposes.
let uvConstants;
function getUvConstants() {
  if (uvConstants === undefined) {
    uvConstants = { __proto__: null };
    const rows = uvTable();
    for (let i = 0; i < rows.length; i++) uvConstants[`UV_${rows[i][1]}`] = rows[i][0];
  }
  return uvConstants;
}

const uvUnmappedError = ['UNKNOWN', 'unknown error'];

// Build a plain Error the way the C++ side of Node does: no extra frames.
function newPlainError(message, hideFn) {
  const limit = suspendStackTrace();
  const err = new Error(message);
  resumeStackTrace(limit, err, hideFn);
  return err;
}

// Node's UVException: `ENOENT: no such file or directory, open '/x'`.
function uvException(ctx) {
  const entry = uvErrmapGet(ctx.errno) || uvUnmappedError;
  const code = entry[0];
  let message = `${code}: ${ctx.message || entry[1]}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = ctx.path.toString();
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    message += ` -> '${dest}'`;
  }
  const err = newPlainError(message, uvException);
  for (const prop of Object.keys(ctx)) {
    if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return err;
}

// `listen EADDRINUSE: address already in use :::8080`
function uvExceptionWithHostPort(err, syscall, address, port) {
  const entry = uvErrmapGet(err) || uvUnmappedError;
  const code = entry[0];
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  const ex = newPlainError(`${syscall} ${code}: ${entry[1]}${details}`, uvExceptionWithHostPort);
  ex.code = code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// `read ECONNRESET`, `write EPIPE` (was util._errnoException).
function errnoException(err, syscall, original) {
  const code = uvErrName(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = newPlainError(message, errnoException);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// `connect ECONNREFUSED 127.0.0.1:1`
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = uvErrName(err);
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  if (additional) details += ` - Local (${additional})`;
  const ex = newPlainError(`${syscall} ${code}${details}`, exceptionWithHostPort);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// `getaddrinfo ENOTFOUND nonexistent.invalid`. `code` is a libuv errno
// (number) or a c-ares code string ('ENOTFOUND', 'ESERVFAIL', ...).
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    // EAI_NODATA / EAI_NONAME are reported as the fabricated ENOTFOUND.
    if (code === -3007 || code === -3008) {
      code = 'ENOTFOUND';
    } else {
      code = uvErrName(code);
    }
  }
  const ex = newPlainError(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`, dnsException);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  return ex;
}

// Constructor forms, as Node 20 exports them (`new UVException(ctx)` etc.).
// Each returns a plain Error instance, so `err.constructor === Error`.
function UVException(ctx) { return uvException(ctx); }
function UVExceptionWithHostPort(err, syscall, address, port) {
  return uvExceptionWithHostPort(err, syscall, address, port);
}
function ErrnoException(err, syscall, original) { return errnoException(err, syscall, original); }
function ExceptionWithHostPort(err, syscall, address, port, additional) {
  return exceptionWithHostPort(err, syscall, address, port, additional);
}
function DNSException(code, syscall, hostname) { return dnsException(code, syscall, hostname); }
function ConnResetException(msg) {
  const err = newPlainError(msg, ConnResetException);
  err.code = 'ECONNRESET';
  return err;
}
function connResetException(msg) { return ConnResetException(msg); }

// ---------------------------------------------------------------------------
// Other helpers.

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
    setStackHeader(this, errorToStringHeader('AbortError', this.message),
                   errorToStringHeader('Error', this.message));
  }
}

function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
}

// Node wraps validators to trim their frames from stacks; here the function
// is returned as is.
function hideStackFrames(fn) {
  fn.withoutStackTrace = fn;
  return fn;
}

function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(errors, message);
    this.code = errors[0]?.code;
  }

  get [kIsNodeError]() {
    return true;
  }

  get ['constructor']() {
    return AggregateError;
  }
}

let maxStackErrorName;
let maxStackErrorMessage;
function isStackOverflowError(err) {
  if (maxStackErrorMessage === undefined) {
    try {
      const overflowStack = () => { overflowStack(); };
      overflowStack();
    } catch (e) {
      maxStackErrorMessage = e.message;
      maxStackErrorName = e.name;
    }
  }
  return err && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
}

function isError(e) {
  if (typeof Error.isError === 'function' && Error.isError(e)) return true;
  return e instanceof Error || Object.prototype.toString.call(e) === '[object Error]';
}

// ---------------------------------------------------------------------------
// The codes start-up code needs (events, validators, process); the others
// are in internal/errors/codes. Messages match Node 20.

E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (`${name}`.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = `${name}`.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // Mention "Object" among instances when other classes are accepted too.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = `${name}`.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) {
      received = addNumericalSeparator(received);
    }
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);

module.exports = {
  AbortError,
  aggregateTwoErrors,
  NodeAggregateError,
  codes,
  ConnResetException,
  connResetException,
  DNSException,
  dnsException,
  determineSpecificType,
  E,
  ErrnoException,
  errnoException,
  ExceptionWithHostPort,
  exceptionWithHostPort,
  formatList,
  genericNodeError,
  getMessage,
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  isError,
  kIsNodeError,
  SystemError,
  UVException,
  uvException,
  UVExceptionWithHostPort,
  uvExceptionWithHostPort,
  uvErrmapGet,
  uvErrName,
  getSystemErrorName: uvErrName,
  getSystemErrorMap,
  getUvConstants,
  addNumericalSeparator,
  setStackHeader,
  // Used by util-like code to render values the way error messages do.
  inspectForMessage: inspect,
  formatMessage,
};
