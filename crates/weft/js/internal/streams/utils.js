'use strict';

// Shared helpers for the stream implementation: duck-typed stream
// classification, well-known symbols shared with readable-stream, and small
// validation helpers with fallbacks.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/utils.js (MIT License,
// Copyright Node.js contributors).

// Symbol.for() so that userland copies of the stream library (readable-stream)
// and the built-in one can see each other's private markers.
const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsWritable = Symbol.for('nodejs.stream.writable');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

const kOnConstructed = Symbol('kOnConstructed');

// Node 20 provides Symbol.dispose/asyncDispose (polyfilled at bootstrap);
// define them the same way when the engine lacks them, unless something
// else already did.
function wellKnownSymbol(name) {
  if (typeof Symbol[name] !== 'symbol') {
    try {
      Object.defineProperty(Symbol, name, {
        __proto__: null,
        value: Symbol(`Symbol.${name}`),
        enumerable: false,
        configurable: false,
        writable: false,
      });
    } catch {
      return undefined;
    }
  }
  return Symbol[name];
}
const SymbolAsyncDispose = wellKnownSymbol('asyncDispose');
const SymbolDispose = wellKnownSymbol('dispose');

function nop() {}

function isReadableNodeStream(obj, strict) {
  return !!(
    obj &&
    typeof obj.pipe === 'function' &&
    typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState)
  );
}

function isWritableNodeStream(obj) {
  return !!(
    obj &&
    typeof obj.write === 'function' &&
    typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false))
  );
}

function isDuplexNodeStream(obj) {
  return !!(
    obj &&
    typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' &&
    typeof obj.write === 'function'
  );
}

function isNodeStream(obj) {
  return !!(
    obj &&
    (
      obj._readableState ||
      obj._writableState ||
      (typeof obj.write === 'function' && typeof obj.on === 'function') ||
      (typeof obj.pipe === 'function' && typeof obj.on === 'function')
    )
  );
}

function isReadableStream(obj) {
  return !!(
    obj &&
    !isNodeStream(obj) &&
    typeof obj.pipeThrough === 'function' &&
    typeof obj.getReader === 'function' &&
    typeof obj.cancel === 'function'
  );
}

function isWritableStream(obj) {
  return !!(
    obj &&
    !isNodeStream(obj) &&
    typeof obj.getWriter === 'function' &&
    typeof obj.abort === 'function'
  );
}

function isTransformStream(obj) {
  return !!(
    obj &&
    !isNodeStream(obj) &&
    typeof obj.readable === 'object' &&
    typeof obj.writable === 'object'
  );
}

function isWebStream(obj) {
  return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
}

// end() has been called.
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}

// 'finish' has been emitted.
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

// push(null) has been called.
function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const r = stream._readableState;
  if (!r || r.errored) return false;
  if (typeof r.ended !== 'boolean') return null;
  return r.ended;
}

// 'end' has been emitted.
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) ?? null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) ?? null;
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
    return (w && w.closed) || (r && r.closed);
  }
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) {
    return stream._closed;
  }
  return null;
}

function isOutgoingMessage(stream) {
  return (
    typeof stream._closed === 'boolean' &&
    typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' &&
    typeof stream._removedContLen === 'boolean'
  );
}

function isServerResponse(stream) {
  return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
}

function isServerRequest(stream) {
  return (
    typeof stream._consuming === 'boolean' &&
    typeof stream._dumped === 'boolean' &&
    (stream.req == null || stream.req.upgradeOrConnect === undefined)
  );
}

function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return (!state && isServerResponse(stream)) || !!(
    state &&
    state.autoDestroy &&
    state.emitClose &&
    state.closed === false
  );
}

function isDisturbed(stream) {
  return !!(stream && (
    stream[kIsDisturbed] ??
    (stream.readableDidRead || stream.readableAborted)
  ));
}

function isErrored(stream) {
  if (!stream) return false;
  const r = stream._readableState;
  const w = stream._writableState;
  return !!(
    stream[kIsErrored] ??
    stream.readableErrored ??
    stream.writableErrored ??
    (r ? r.errorEmitted : undefined) ??
    (w ? w.errorEmitted : undefined) ??
    (r ? r.errored : undefined) ??
    (w ? w.errored : undefined)
  );
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

// Wrap any ArrayBufferView as a Buffer over the same memory (no copy).
function uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

// Call `fn` at most once.
function once(fn) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

// Adds an 'abort' listener to an AbortSignal; returns a function that
// removes it.
function addAbortListener(signal, listener) {
  if (signal.aborted) {
    queueMicrotask(() => listener());
    return nop;
  }
  if (typeof signal.addEventListener === 'function') {
    signal.addEventListener('abort', listener, { __proto__: null, once: true });
    return () => signal.removeEventListener('abort', listener);
  }
  if (typeof signal.once === 'function') {
    signal.once('abort', listener);
    return () => signal.removeListener('abort', listener);
  }
  return nop;
}

let AbortControllerImpl;
// The global AbortController when the runtime has one; otherwise a minimal
// stand-in sufficient for the stream helpers (signal.aborted, reason,
// addEventListener/removeEventListener('abort')).
function getAbortController() {
  if (AbortControllerImpl) return AbortControllerImpl;
  if (typeof globalThis.AbortController === 'function') {
    AbortControllerImpl = globalThis.AbortController;
    return AbortControllerImpl;
  }
  class MiniAbortSignal {
    constructor() {
      this.aborted = false;
      this.reason = undefined;
      this.onabort = null;
      this._listeners = [];
    }
    addEventListener(type, fn) {
      if (type === 'abort' && typeof fn === 'function') this._listeners.push(fn);
    }
    removeEventListener(type, fn) {
      if (type !== 'abort') return;
      const i = this._listeners.indexOf(fn);
      if (i !== -1) this._listeners.splice(i, 1);
    }
    throwIfAborted() {
      if (this.aborted) throw this.reason;
    }
  }
  class MiniAbortController {
    constructor() {
      this.signal = new MiniAbortSignal();
    }
    abort(reason) {
      const signal = this.signal;
      if (signal.aborted) return;
      signal.aborted = true;
      if (reason === undefined) {
        const { AbortError } = require('internal/errors');
        reason = new AbortError();
      }
      signal.reason = reason;
      const event = { type: 'abort', target: signal };
      if (typeof signal.onabort === 'function') signal.onabort(event);
      const listeners = signal._listeners.slice();
      signal._listeners.length = 0;
      for (let i = 0; i < listeners.length; i++) listeners[i].call(signal, event);
    }
  }
  AbortControllerImpl = MiniAbortController;
  return AbortControllerImpl;
}

// Validators: prefer the shared internal/validators module, fall back to
// local versions when it lacks a function.
let validatorsModule;
function validators() {
  if (validatorsModule === undefined) {
    try {
      validatorsModule = require('internal/validators');
    } catch {
      validatorsModule = null;
    }
  }
  return validatorsModule;
}

function errors() {
  return require('internal/errors');
}

function validateObject(value, name, options) {
  const v = validators();
  if (v && typeof v.validateObject === 'function') return v.validateObject(value, name, options);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

function validateFunction(value, name) {
  const v = validators();
  if (v && typeof v.validateFunction === 'function') return v.validateFunction(value, name);
  if (typeof value !== 'function') {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'Function', value);
  }
}

function validateBoolean(value, name) {
  const v = validators();
  if (v && typeof v.validateBoolean === 'function') return v.validateBoolean(value, name);
  if (typeof value !== 'boolean') {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'boolean', value);
  }
}

function validateAbortSignal(signal, name) {
  const v = validators();
  if (v && typeof v.validateAbortSignal === 'function') return v.validateAbortSignal(signal, name);
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'AbortSignal', signal);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  const v = validators();
  if (v && typeof v.validateInteger === 'function') return v.validateInteger(value, name, min, max);
  const codes = errors().codes;
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

module.exports = {
  kOnConstructed,
  kIsDestroyed,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsWritable,
  kIsClosedPromise,
  kControllerErrorFunction,
  SymbolAsyncDispose,
  SymbolDispose,
  nop,
  once,
  isDestroyed,
  isDisturbed,
  isErrored,
  isReadable,
  isWritable,
  isClosed,
  isDuplexNodeStream,
  isFinished,
  isIterable,
  isReadableNodeStream,
  isReadableStream,
  isReadableEnded,
  isReadableFinished,
  isReadableErrored,
  isNodeStream,
  isWebStream,
  isWritableNodeStream,
  isWritableStream,
  isWritableEnded,
  isWritableFinished,
  isWritableErrored,
  isServerRequest,
  isServerResponse,
  isOutgoingMessage,
  willEmitClose,
  isTransformStream,
  isArrayBufferView,
  isUint8Array,
  uint8ArrayToBuffer,
  addAbortListener,
  getAbortController,
  validateObject,
  validateFunction,
  validateBoolean,
  validateAbortSignal,
  validateInteger,
};
