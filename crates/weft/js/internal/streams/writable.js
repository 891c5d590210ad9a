'use strict';

// stream.Writable, following Node 20's semantics: buffering while a write is
// in flight, cork/uncork with _writev, 'drain'/'finish'/'close' ordering,
// _final, and write-after-end/destroyed errors delivered through the
// callback and 'error' on the next tick.
//
// Hot path: write() while idle calls _write() directly; completion
// callbacks of synchronous writes are batched into a single nextTick
// (afterWriteTickInfo).
//
// Behaviour modelled on Node.js v20 lib/internal/streams/writable.js (MIT License,
// Copyright Node.js contributors).

module.exports = Writable;
Writable.WritableState = WritableState;

const EE = require('events');
const { queueTick } = require('internal/process/task_queues');
const { emitNone, kShapeMode } = EE[Symbol.for('weft.events.internals')];
const { Stream } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const {
  defineBitAccessors,
  getHighWaterMark,
  getDefaultHighWaterMark,
} = require('internal/streams/state');
const {
  kOnConstructed,
  SymbolAsyncDispose,
  nop,
  isArrayBufferView,
  uint8ArrayToBuffer,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const { errorOrDestroy } = destroyImpl;
const {
  kObjectMode,
  kFinalCalled,
  kNeedDrain,
  kEnding,
  kEnded,
  kFinished,
  kDestroyed,
  kDecodeStrings,
  kWriting,
  kSync,
  kBufferProcessing,
  kAfterWritePending,
  kAllBuffers,
  kAllNoop,
  kConstructed,
  kPrefinished,
  kErrorEmitted,
  kEmitClose,
  kAutoDestroy,
  kClosed,
  kCloseEmitted,
  kErrored,
} = require('internal/streams/bits').writable;
const {
  kErrored: kReadableErrored,
  kAutoDestroy: kReadableAutoDestroy,
  kEndEmitted: kReadableEndEmitted,
} = require('internal/streams/bits').readable;

Object.setPrototypeOf(Writable.prototype, Stream.prototype);
// The constructor pre-creates _events (see Readable.prototype[kShapeMode]).
Writable.prototype[kShapeMode] = true;
Object.setPrototypeOf(Writable, Stream);

// state.buffered while nothing was ever queued: most streams never queue.
const kNoWrites = Object.freeze([]);

function WritableState(options, stream, isDuplex) {
  let bits = kDecodeStrings | kSync | kAllBuffers | kAllNoop | kConstructed |
    kEmitClose | kAutoDestroy;
  if (options) {
    if (options.objectMode || (isDuplex && options.writableObjectMode)) bits |= kObjectMode;
    if (options.decodeStrings === false) bits &= ~kDecodeStrings;
    if (options.emitClose === false) bits &= ~kEmitClose;
    if (options.autoDestroy === false) bits &= ~kAutoDestroy;
  }
  this.bits = bits;

  // write() returns false once this much is pending. 0 means always false
  // unless the write completed synchronously.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  // defaultEncoding ('utf8'), writecb, writelen, afterWriteTickInfo,
  // errored, onFinished and onwrite start as the defaults on
  // WritableState.prototype (below) and become own properties when set.
  const defaultEncoding = options ? options.defaultEncoding : null;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    // The default.
  } else if (Buffer.isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw new ERR_UNKNOWN_ENCODING(defaultEncoding);
  }

  // Bytes (or objects) written but not yet acknowledged by _write().
  this.length = 0;
  // cork() depth; writes are buffered while non-zero.
  this.corked = 0;


  // Pending user callbacks; must reach 0 before 'finish'.
  this.pendingcb = 0;
}

// Queued writes: buffered[bufferedIndex..] of { chunk, encoding, callback };
// the shared, frozen kNoWrites until a write is queued.
WritableState.prototype.buffered = kNoWrites;
WritableState.prototype.bufferedIndex = 0;
WritableState.prototype.defaultEncoding = 'utf8';
// The user's callback for the write in flight (nop when none); null when
// no _write() callback is expected.
WritableState.prototype.writecb = null;
// Length of the write in flight.
WritableState.prototype.writelen = 0;
// Batched completion info for synchronous writes sharing one callback.
WritableState.prototype.afterWriteTickInfo = null;
WritableState.prototype.errored = null;
// Callbacks passed to end().
WritableState.prototype.onFinished = null;

defineBitAccessors(WritableState.prototype, {
  objectMode: kObjectMode,
  finalCalled: kFinalCalled,
  needDrain: kNeedDrain,
  ending: kEnding,
  ended: kEnded,
  finished: kFinished,
  destroyed: kDestroyed,
  decodeStrings: kDecodeStrings,
  writing: kWriting,
  sync: kSync,
  bufferProcessing: kBufferProcessing,
  afterWritePending: kAfterWritePending,
  allBuffers: kAllBuffers,
  allNoop: kAllNoop,
  constructed: kConstructed,
  prefinished: kPrefinished,
  errorEmitted: kErrorEmitted,
  emitClose: kEmitClose,
  autoDestroy: kAutoDestroy,
  closed: kClosed,
  closeEmitted: kCloseEmitted,
});

// The callback passed to _write(), bound to its stream on the stream's first
// write (until then the prototype's null): idle streams never make one.
WritableState.prototype.onwrite = null;
function bindOnwrite(stream, state) {
  return (state.onwrite = onwrite.bind(undefined, stream));
}

function resetBuffer(state) {
  state.buffered = kNoWrites;
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  configurable: true,
  get() {
    return this.buffered.length - this.bufferedIndex;
  },
});

WritableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if (!this.writing) {
    clearBuffer(stream, this);
  }
  if (this.ending) {
    finishMaybe(stream, this);
  }
};

// Streams built on Writable without inheriting from it (Duplex copies the
// prototype methods) still pass `instanceof Writable`.
function writableHasInstance(object) {
  if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
  if (this !== Writable) return false;
  return !!(object && object._writableState instanceof WritableState);
}

Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  configurable: true,
  value: writableHasInstance,
});

function Writable(options) {
  // Duplex (and subclasses) are Writable through the hasInstance hook but
  // do not inherit from it; they must not be re-wrapped.
  if (!(this instanceof Writable)) {
    return new Writable(options);
  }

  // Pre-create the common event slots (also fixes eventNames() order).
  this._events ??= {
    __proto__: null,
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
  };

  this._writableState = new WritableState(options, this, false);

  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._writableState[kOnConstructed](this);
    });
  }
}

// Piping out of a Writable makes no sense.
Writable.prototype.pipe = function() {
  errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
};

// Shared by write() and end(): validates and converts the chunk, then
// writes or buffers it. Returns true/false like write(), or the Error when
// the stream is ended/destroyed.
function _write(stream, chunk, encoding, cb) {
  const state = stream._writableState;

  if (typeof cb !== 'function') {
    cb = nop;
  }

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (!state.objectMode) {
    if (!encoding) {
      encoding = state.defaultEncoding;
    } else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }

    if (typeof chunk === 'string') {
      if (state.decodeStrings) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (isArrayBufferView(chunk)) {
      chunk = uint8ArrayToBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE(
        'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }

  let err;
  if (state.ending) {
    err = new ERR_STREAM_WRITE_AFTER_END();
  } else if (state.destroyed) {
    err = new ERR_STREAM_DESTROYED('write');
  }

  if (err) {
    queueTick(1, cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }

  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const state = this._writableState;
  // Fast path: a Buffer in byte mode without explicit encoding, stream
  // idle and healthy. Same effect as _write() + writeOrBuffer().
  const bits = state.bits;
  if ((bits & (kObjectMode | kWriting | kConstructed | kEnding | kDestroyed | kErrored)) ===
      kConstructed && !encoding && state.corked === 0 && chunk instanceof Buffer) {
    const len = chunk.length;
    state.pendingcb++;
    state.length += len;
    state.writelen = len;
    state.writecb = typeof cb === 'function' ? cb : nop;
    state.bits = bits | kWriting | kSync;
    this._write(chunk, 'buffer', state.onwrite ?? bindOnwrite(this, state));
    state.bits &= ~kSync;
    return writeResult(state);
  }
  return _write(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) {
      clearBuffer(this, state);
    }
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') {
    encoding = encoding.toLowerCase();
  }
  if (!Buffer.isEncoding(encoding)) {
    throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  this._writableState.defaultEncoding = encoding;
  return this;
};

// Write now when idle, otherwise queue. Sets needDrain when over
// highWaterMark.
function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;

  state.length += len;

  if (state.writing || state.corked || state.errored || !state.constructed) {
    const entry = { chunk, encoding, callback };
    if (state.buffered === kNoWrites) state.buffered = [entry];
    else state.buffered.push(entry);
    if (state.allBuffers && encoding !== 'buffer') {
      state.allBuffers = false;
    }
    if (state.allNoop && callback !== nop) {
      state.allNoop = false;
    }
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite ?? bindOnwrite(stream, state));
    state.sync = false;
  }

  return writeResult(state);
}

// What write() returns once its chunk is written or queued: false, with a
// 'drain' owed, at highWaterMark; also false when errored or destroyed, to
// break synchronous while (stream.write(data)) loops.
function writeResult(state) {
  if (state.length < state.highWaterMark || state.length === 0) {
    return !state.errored && (state.bits & kDestroyed) === 0;
  }
  state.bits |= kNeedDrain;
  return false;
}

// For net.js's Socket.prototype.write, which writes idle sockets itself.
Object.defineProperty(Writable, Symbol.for('weft.streams.internals'), {
  __proto__: null,
  value: { writeResult, bindOnwrite },
});

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  const onwriteCb = state.onwrite ?? bindOnwrite(stream, state);
  if (state.destroyed) {
    onwriteCb(new ERR_STREAM_DESTROYED('write'));
  } else if (writev) {
    stream._writev(chunk, onwriteCb);
  } else {
    stream._write(chunk, encoding, onwriteCb);
  }
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;

  cb(er);
  // Fail the queued writes too, even without autoDestroy.
  errorBuffer(state);
  // May emit 'error', which must come after the callback.
  errorOrDestroy(stream, er);
}

// The callback handed to _write()/_writev().
function onwrite(stream, er) {
  const state = stream._writableState;
  const cb = state.writecb;

  if (typeof cb !== 'function') {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }

  const bits = state.bits;
  const sync = (bits & kSync) !== 0;

  state.bits = bits & ~kWriting;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;

  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions

    if (!state.errored) {
      state.errored = er;
      state.bits |= kErrored;
    }

    // Duplex: the readable side sees the error too.
    const rState = stream._readableState;
    if (rState && !rState.errored) {
      rState.errored = er;
      rState.bits |= kReadableErrored;
    }

    if (sync) {
      process.nextTick(onwriteError, stream, state, er, cb);
    } else {
      onwriteError(stream, state, er, cb);
    }
  } else {
    if (state.buffered.length > state.bufferedIndex) {
      clearBuffer(stream, state);
    }

    if (sync) {
      // Node 20 tests `kState & kDestroyed !== 0`, which (by precedence)
      // is the objectMode bit; kept for identical tick ordering.
      const needTick = cb !== nop || (bits & kObjectMode) !== 0 ||
        ((bits & kNeedDrain) !== 0 && state.length === 0);

      // Synchronous completions are batched: writes sharing one callback
      // bump a counter instead of scheduling a tick each.
      if (cb === nop) {
        if ((state.bits & kAfterWritePending) === 0 && needTick) {
          process.nextTick(afterWrite, stream, state, 1, cb);
          state.bits |= kAfterWritePending;
        } else {
          state.pendingcb--;
          if ((state.bits & kEnding) !== 0) {
            finishMaybe(stream, state, true);
          }
        }
      } else if (state.afterWriteTickInfo !== null &&
                 state.afterWriteTickInfo.cb === cb) {
        state.afterWriteTickInfo.count++;
      } else if (needTick) {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        queueTick(1, afterWriteTick, state.afterWriteTickInfo);
        state.bits |= kAfterWritePending;
      } else {
        state.pendingcb--;
        if ((state.bits & kEnding) !== 0) {
          finishMaybe(stream, state, true);
        }
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick(info) {
  const state = info.state;
  state.afterWriteTickInfo = null;
  return afterWrite(info.stream, state, info.count, info.cb);
}

function afterWrite(stream, state, count, cb) {
  state.afterWritePending = false;

  const needDrain = state.needDrain && !state.ending && !state.destroyed &&
    state.length === 0;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }

  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }

  if (state.destroyed) {
    errorBuffer(state);
  }

  if (state.ending) {
    finishMaybe(stream, state, true);
  }
}

// Fail every queued write (after destroy or a write error).
function errorBuffer(state) {
  if (state.writing) {
    return;
  }

  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored ?? new ERR_STREAM_DESTROYED('write'));
  }

  callFinishedCallbacks(state, state.errored ?? new ERR_STREAM_DESTROYED('end'));

  resetBuffer(state);
}

// Write out queued chunks: all at once through _writev() when available,
// otherwise one by one until a write goes async.
function clearBuffer(stream, state) {
  if (state.corked ||
      state.bufferProcessing ||
      state.destroyed ||
      !state.constructed) {
    return;
  }

  const { buffered, bufferedIndex, objectMode } = state;
  const bufferedLength = buffered.length - bufferedIndex;

  if (!bufferedLength) {
    return;
  }

  let i = bufferedIndex;

  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;

    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) {
        buffered[n].callback(err);
      }
    };
    // resetBuffer() replaces state.buffered, so the array itself can be
    // handed to _writev() when nothing else references it.
    const chunks = state.allNoop && i === 0 ?
      buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;

    doWrite(stream, state, true, state.length, chunks, '', callback);

    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);

    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function(chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
  }
};

Writable.prototype._writev = null;

Writable.prototype.end = function(chunk, encoding, cb) {
  const state = this._writableState;

  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let err;

  if (chunk !== null && chunk !== undefined) {
    const ret = _write(this, chunk, encoding);
    if (ret instanceof Error) {
      err = ret;
    }
  }

  // end() uncorks completely.
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }

  if (err) {
    // Already reported by _write().
  } else if ((state.bits & (kErrored | kEnding)) === 0) {
    // Extra end() calls are tolerated: failing hard on them tends to be
    // more destructive than the logic errors it would reveal.
    state.bits |= kEnding;
    finishMaybe(this, state, true);
    state.bits |= kEnded;
  } else if ((state.bits & kFinished) !== 0) {
    err = new ERR_STREAM_ALREADY_FINISHED('end');
  } else if ((state.bits & kDestroyed) !== 0) {
    err = new ERR_STREAM_DESTROYED('end');
  }

  if (typeof cb === 'function') {
    if (err) {
      queueTick(1, cb, err);
    } else if (state.errored) {
      queueTick(1, cb, state.errored);
    } else if ((state.bits & kFinished) !== 0) {
      queueTick(1, cb, null);
    } else {
      if (state.onFinished === null) state.onFinished = [];
      state.onFinished.push(cb);
    }
  }

  return this;
};

// Ending, constructed, nothing pending, and none of the others: the flags
// as bits, since this runs several times for every stream that ends.
const kNeedFinishMask = kEnding | kDestroyed | kConstructed | kErrored | kFinished | kWriting |
  kErrorEmitted | kCloseEmitted;
function needFinish(state) {
  return (state.bits & kNeedFinishMask) === (kEnding | kConstructed) &&
    state.length === 0 &&
    state.buffered.length === 0;
}

// Completion callback of _final().
function onFinal(stream, state, err) {
  if ((state.bits & kPrefinished) !== 0) {
    errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
    return;
  }
  state.pendingcb--;
  if (err) {
    callFinishedCallbacks(state, err);
    errorOrDestroy(stream, err, state.sync);
  } else if (needFinish(state)) {
    state.bits |= kPrefinished;
    emitNone(stream, 'prefinish');
    // 'finish' stays asynchronous relative to the _final() callback (some
    // streams rely on it).
    state.pendingcb++;
    queueTick(2, finish, stream, state);
  }
}

function prefinish(stream, state) {
  if ((state.bits & (kPrefinished | kFinalCalled)) !== 0) {
    return;
  }

  if (typeof stream._final === 'function' && (state.bits & kDestroyed) === 0) {
    state.bits |= kFinalCalled | kSync;
    state.pendingcb++;

    try {
      stream._final((err) => onFinal(stream, state, err));
    } catch (err) {
      onFinal(stream, state, err);
    }

    state.bits &= ~kSync;
  } else {
    state.bits |= kFinalCalled | kPrefinished;
    emitNone(stream, 'prefinish');
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        queueTick(2, finishMaybeNT, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finishMaybeNT(stream, state) {
  if (needFinish(state)) {
    finish(stream, state);
  } else {
    state.pendingcb--;
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.bits |= kFinished;

  callFinishedCallbacks(state, null);

  emitNone(stream, 'finish');

  if ((state.bits & kAutoDestroy) !== 0) {
    // Duplex: also wait for the readable side before auto-destroying.
    const rState = stream._readableState;
    const autoDestroy = !rState || (
      (rState.bits & kReadableAutoDestroy) !== 0 &&
      // A readable side disabled at construction will never 'end'.
      ((rState.bits & kReadableEndEmitted) !== 0 || rState.readable === false)
    );
    if (autoDestroy) {
      stream.destroy();
    }
  }
}

function callFinishedCallbacks(state, err) {
  const callbacks = state.onFinished;
  if (callbacks === null) {
    return;
  }
  state.onFinished = null;
  for (let i = 0; i < callbacks.length; i++) {
    callbacks[i](err);
  }
}

Object.defineProperties(Writable.prototype, {
  closed: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? this._writableState.closed : false;
    },
  },

  destroyed: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? this._writableState.destroyed : false;
    },
    set(value) {
      // The user is managing `destroyed` by hand (backwards compatibility).
      if (this._writableState) {
        this._writableState.destroyed = value;
      }
    },
  },

  writable: {
    __proto__: null,
    configurable: true,
    get() {
      const w = this._writableState;
      // w.writable === false: writable side of a Duplex disabled at
      // construction (or via the legacy setter).
      return !!w && w.writable !== false && (w.bits & (kDestroyed | kEnding | kEnded)) === 0 &&
        !w.errored;
    },
    set(val) {
      if (this._writableState) {
        this._writableState.writable = !!val;
      }
    },
  },

  writableFinished: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? this._writableState.finished : false;
    },
  },

  writableObjectMode: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? this._writableState.objectMode : false;
    },
  },

  writableBuffer: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState && this._writableState.getBuffer();
    },
  },

  writableEnded: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? (this._writableState.bits & kEnding) !== 0 : false;
    },
  },

  writableNeedDrain: {
    __proto__: null,
    configurable: true,
    get() {
      const wState = this._writableState;
      if (!wState) return false;
      return !wState.destroyed && !wState.ending && wState.needDrain;
    },
  },

  writableHighWaterMark: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState && this._writableState.highWaterMark;
    },
  },

  writableCorked: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState ? this._writableState.corked : 0;
    },
  },

  writableLength: {
    __proto__: null,
    configurable: true,
    get() {
      return this._writableState && this._writableState.length;
    },
  },

  errored: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._writableState ? this._writableState.errored : null;
    },
  },

  writableAborted: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      const w = this._writableState;
      return !!(
        w.writable !== false &&
        (w.destroyed || w.errored) &&
        !w.finished
      );
    },
  },
});

const destroy = destroyImpl.destroy;
Writable.prototype.destroy = function(err, cb) {
  const state = this._writableState;

  // Fail pending writes and end() callbacks on the next tick.
  if ((state.bits & kDestroyed) === 0 &&
      (state.bufferedIndex < state.buffered.length || state.onFinished !== null)) {
    queueTick(1, errorBuffer, state);
  }

  destroy.call(this, err, cb);
  return this;
};

// Web streams interop, provided by internal/webstreams/adapters when the
// runtime has it.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Writable.fromWeb = function(writableStream, options) {
  return lazyWebStreams().newStreamWritableFromWritableStream(writableStream, options);
};

Writable.toWeb = function(streamWritable) {
  return lazyWebStreams().newWritableStreamFromStreamWritable(streamWritable);
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function(err, cb) {
  cb(err);
};

if (EE.captureRejectionSymbol) {
  Writable.prototype[EE.captureRejectionSymbol] = function(err) {
    this.destroy(err);
  };
}

if (SymbolAsyncDispose) {
  Writable.prototype[SymbolAsyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.writableFinished ? null : new AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => {
      eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null)));
    });
  };
}
