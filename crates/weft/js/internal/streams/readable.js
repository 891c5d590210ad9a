'use strict';

// stream.Readable, following Node 20's semantics (buffering, flowing and
// paused modes, 'readable'/'data'/'end' ordering, pipe with backpressure).
//
// State lives in fields of ReadableState with Node's names; modules such as
// net.js and many npm packages read them directly. The boolean ones are
// bits of `state.bits` behind accessors, as in Node 22.
//
// Hot path: push() while flowing with an empty buffer emits 'data'
// directly without buffering.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/readable.js (MIT License,
// Copyright Node.js contributors).

module.exports = Readable;
Readable.ReadableState = ReadableState;

const EE = require('events');
const { queueTick } = require('internal/process/task_queues');
const { emitOne, emitNone, kShapeMode, builtinEmit, addCatch } = EE[Symbol.for('weft.events.internals')];
const { Stream, prependListener } = require('internal/streams/legacy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
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
  validateObject,
} = require('internal/streams/utils');
const {
  aggregateTwoErrors,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    ERR_UNKNOWN_ENCODING,
  },
  AbortError,
} = require('internal/errors');

const { errorOrDestroy } = destroyImpl;
const {
  kObjectMode,
  kEnded,
  kEndEmitted,
  kReading,
  kConstructed,
  kSync,
  kNeedReadable,
  kEmittedReadable,
  kReadableListening,
  kResumeScheduled,
  kPaused,
  kHasPaused,
  kDataListening,
  kErrorEmitted,
  kEmitClose,
  kAutoDestroy,
  kDestroyed,
  kClosed,
  kCloseEmitted,
  kMultiAwaitDrain,
  kReadingMore,
  kDataEmitted,
  kDecoder,
  kErrored,
  kEndScheduled,
} = require('internal/streams/bits').readable;

Object.setPrototypeOf(Readable.prototype, Stream.prototype);
// The constructor pre-creates _events, so listeners are kept in shape mode
// (see EventEmitter.init); as the inherited default it costs no own slot.
Readable.prototype[kShapeMode] = true;
Object.setPrototypeOf(Readable, Stream);

let StringDecoder;
function newDecoder(enc) {
  if (StringDecoder === undefined) {
    StringDecoder = require('string_decoder').StringDecoder;
  }
  return new StringDecoder(enc);
}

// Empty placeholders for state.buffer and state.pipes, so that a stream
// that never buffers or pipes allocates neither array.
const kNoChunks = Object.freeze([]);
const kNoPipes = Object.freeze([]);

function bufferChunk(state, chunk) {
  if (state.buffer === kNoChunks) state.buffer = [chunk];
  else state.buffer.push(chunk);
}

function ReadableState(options, stream, isDuplex) {
  let bits = kConstructed | kSync | kEmitClose | kAutoDestroy;
  if (options) {
    if (options.objectMode || (isDuplex && options.readableObjectMode)) bits |= kObjectMode;
    if (options.emitClose === false) bits &= ~kEmitClose;
    if (options.autoDestroy === false) bits &= ~kAutoDestroy;
  }
  this.bits = bits;

  // Stop calling _read() once this much is buffered. 0 means never read
  // ahead.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  // Buffered chunks live in buffer[bufferIndex..]; the head index avoids
  // shifting the array on every read. Until a chunk is buffered, `buffer`
  // is the shared, frozen kNoChunks (most sockets only ever flow).
  this.buffer = kNoChunks;
  this.bufferIndex = 0;
  this.length = 0;

  // null: no mechanism chosen yet; true: flowing; false: paused.
  this.flowing = null;

  // errored, defaultEncoding ('utf8'), awaitDrainWriters, decoder and
  // encoding start as the defaults on ReadableState.prototype (below) and
  // become own properties when set: one object per stream is what an idle
  // connection costs, so it holds only what differs.
  const defaultEncoding = options ? options.defaultEncoding : undefined;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    // The default.
  } else if (Buffer.isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw new ERR_UNKNOWN_ENCODING(defaultEncoding);
  }

  if (options && options.encoding) {
    this.decoder = newDecoder(options.encoding);
    this.encoding = options.encoding;
    this.bits |= kDecoder;
  }
}

// Piped destinations; the shared, frozen kNoPipes until pipe().
ReadableState.prototype.pipes = kNoPipes;
ReadableState.prototype.errored = null;
ReadableState.prototype.defaultEncoding = 'utf8';
// Piped destinations we are waiting on for 'drain':
// null | Writable | Set<Writable> (when multiAwaitDrain).
ReadableState.prototype.awaitDrainWriters = null;
ReadableState.prototype.decoder = null;
ReadableState.prototype.encoding = null;

defineBitAccessors(ReadableState.prototype, {
  objectMode: kObjectMode,
  ended: kEnded,
  endEmitted: kEndEmitted,
  reading: kReading,
  constructed: kConstructed,
  sync: kSync,
  needReadable: kNeedReadable,
  emittedReadable: kEmittedReadable,
  readableListening: kReadableListening,
  resumeScheduled: kResumeScheduled,
  paused: kPaused,
  hasPaused: kHasPaused,
  dataListening: kDataListening,
  errorEmitted: kErrorEmitted,
  emitClose: kEmitClose,
  autoDestroy: kAutoDestroy,
  destroyed: kDestroyed,
  closed: kClosed,
  closeEmitted: kCloseEmitted,
  multiAwaitDrain: kMultiAwaitDrain,
  readingMore: kReadingMore,
  dataEmitted: kDataEmitted,
});

Object.defineProperty(ReadableState.prototype, 'pipesCount', {
  __proto__: null,
  configurable: true,
  get() {
    return this.pipes.length;
  },
});

ReadableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if (this.needReadable) {
    maybeReadMore(stream, this);
  }
};

function Readable(options) {
  if (!(this instanceof Readable)) {
    return new Readable(options);
  }

  // Pre-create the common event slots (also fixes eventNames() order).
  this._events ??= {
    __proto__: null,
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new ReadableState(options, this, false);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
    });
  }
}

// For net.js's onread, which pushes the chunks a handle reads (and tests
// flowsStraight() inline, with the mask).
const kFlowsStraightMask = kObjectMode | kSync | kDataListening | kEnded | kDestroyed |
  kDecoder | kErrored;

Object.defineProperty(Readable, Symbol.for('weft.streams.internals'), {
  __proto__: null,
  value: { kFlowsStraightMask, pushFlowing },
});

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

if (EE.captureRejectionSymbol) {
  Readable.prototype[EE.captureRejectionSymbol] = function(err) {
    this.destroy(err);
  };
}

if (SymbolAsyncDispose) {
  Readable.prototype[SymbolAsyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : new AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => {
      eos(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
    });
  };
}

// Add data to the read buffer. Returns true while below highWaterMark, like
// Writable.write().
Readable.prototype.push = function push(chunk, encoding) {
  const state = this._readableState;
  // Fast path (every received network chunk): a non-empty Buffer while
  // flowing, outside _read(), with nothing buffered and no decoder.
  if (flowsStraight(state) && chunk instanceof Buffer && chunk.length > 0) {
    return pushFlowing(this, state, chunk, true);
  }
  if ((state.bits & kObjectMode) !== 0) {
    return pushObjectMode(this, state, chunk, encoding);
  }
  return pushByteMode(this, state, chunk, encoding);
};

// Whether a pushed non-empty Buffer can go straight to 'data': the stream
// flows with a 'data' listener, in byte mode, outside _read(), with nothing
// buffered, no decoder, not ended, destroyed or errored.
function flowsStraight(state) {
  return (state.bits & kFlowsStraightMask) === kDataListening && state.flowing === true &&
    state.length === 0;
}

// push(chunk) of a non-empty Buffer when flowsStraight(state): the chunk
// goes straight to 'data'. Same effect as
// pushByteMode() + addChunk(), without the calls. A source that keeps
// reading on its own (net's handles) passes readMore = false: the
// maybeReadMore() tick would find nothing to do.
function pushFlowing(stream, state, chunk, readMore) {
  const bits = state.bits;
  state.bits = (bits & ~kReading) | kDataEmitted;
  if ((bits & kMultiAwaitDrain) !== 0) {
    state.awaitDrainWriters.clear();
  } else if (state.awaitDrainWriters !== null) {
    // Only when set: the prototype's null stays shared.
    state.awaitDrainWriters = null;
  }
  // emitOne(stream, 'data', chunk), inlined: a call costs QuickJS ~400
  // instructions, and this runs once per chunk.
  const events = stream._events;
  const handler = stream.emit === builtinEmit && events !== undefined ? events.data : undefined;
  if (typeof handler === 'function') {
    const result = handler.call(stream, chunk);
    if (result !== undefined && result !== null) addCatch(stream, result, 'data', [chunk]);
  } else {
    stream.emit('data', chunk);
  }
  if (readMore && (state.bits & (kReadingMore | kConstructed)) === kConstructed) {
    state.bits |= kReadingMore;
    queueTick(2, maybeReadMore_, stream, state);
  }
  return (state.bits & kEnded) === 0 &&
    (state.length < state.highWaterMark || state.length === 0);
}

// Put data back at the front of the buffer (normally something that just
// came out of read()).
Readable.prototype.unshift = function unshift(chunk, encoding) {
  const state = this._readableState;
  return state.objectMode ?
    unshiftObjectMode(this, state, chunk) :
    unshiftByteMode(this, state, chunk, encoding);
};

function invalidChunk(stream, chunk) {
  errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE(
    'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk));
}

function unshiftByteMode(stream, state, chunk, encoding) {
  if (chunk === null) {
    state.bits &= ~kReading;
    onEofChunk(stream, state);
    return false;
  }

  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding !== encoding) {
      if (state.encoding) {
        // Buffered strings must be in the decoder's encoding.
        chunk = Buffer.from(chunk, encoding).toString(state.encoding);
      } else {
        chunk = Buffer.from(chunk, encoding);
      }
    }
  } else if (chunk instanceof Buffer) {
    // As is.
  } else if (isArrayBufferView(chunk)) {
    chunk = uint8ArrayToBuffer(chunk);
  } else if (chunk !== undefined) {
    invalidChunk(stream, chunk);
    return false;
  }

  if (!(chunk && chunk.length > 0)) {
    return canPushMore(state);
  }

  return unshiftValue(stream, state, chunk);
}

function unshiftObjectMode(stream, state, chunk) {
  if (chunk === null) {
    state.bits &= ~kReading;
    onEofChunk(stream, state);
    return false;
  }
  return unshiftValue(stream, state, chunk);
}

function unshiftValue(stream, state, chunk) {
  if (state.endEmitted) {
    errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
  } else if (state.destroyed || state.errored) {
    return false;
  } else {
    addChunk(stream, state, chunk, true);
  }
  return canPushMore(state);
}

function pushByteMode(stream, state, chunk, encoding) {
  if (chunk === null) {
    state.bits &= ~kReading;
    onEofChunk(stream, state);
    return false;
  }

  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding !== encoding) {
      chunk = Buffer.from(chunk, encoding);
      encoding = '';
    }
  } else if (chunk instanceof Buffer) {
    encoding = '';
  } else if (isArrayBufferView(chunk)) {
    chunk = uint8ArrayToBuffer(chunk);
    encoding = '';
  } else if (chunk !== undefined) {
    invalidChunk(stream, chunk);
    return false;
  }

  if (!chunk || chunk.length <= 0) {
    // Empty chunk: not EOF, just a finished _read() call.
    state.reading = false;
    maybeReadMore(stream, state);
    return canPushMore(state);
  }

  if (state.ended) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  }

  if (state.destroyed || state.errored) {
    return false;
  }

  state.reading = false;
  if (state.decoder !== null && !encoding) {
    chunk = state.decoder.write(chunk);
    if (chunk.length === 0) {
      maybeReadMore(stream, state);
      return canPushMore(state);
    }
  }

  addChunk(stream, state, chunk, false);
  return canPushMore(state);
}

function pushObjectMode(stream, state, chunk, encoding) {
  if (chunk === null) {
    state.bits &= ~kReading;
    onEofChunk(stream, state);
    return false;
  }

  if (state.ended) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  }

  if (state.destroyed || state.errored) {
    return false;
  }

  state.reading = false;
  if (state.decoder !== null && !encoding) {
    chunk = state.decoder.write(chunk);
  }

  addChunk(stream, state, chunk, false);
  return canPushMore(state);
}

// Below highWaterMark, or nothing buffered at all (so that hwm=0 streams can
// still make progress).
function canPushMore(state) {
  return !state.ended &&
    (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing === true && !state.sync && state.dataListening &&
      state.length === 0) {
    // Fast path: hand the chunk straight to the consumer.
    if (state.multiAwaitDrain) {
      state.awaitDrainWriters.clear();
    } else if (state.awaitDrainWriters !== null) {
      state.awaitDrainWriters = null;
    }
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront && state.bufferIndex > 0) {
      state.buffer[--state.bufferIndex] = chunk;
    } else if (addToFront && state.buffer !== kNoChunks) {
      state.buffer.unshift(chunk);
    } else {
      bufferChunk(state, chunk);
    }

    if (state.needReadable) {
      emitReadable(stream);
    }
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function() {
  const state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function(enc) {
  const state = this._readableState;
  const decoder = newDecoder(enc);
  state.decoder = decoder;
  state.bits |= kDecoder;
  // setEncoding(null) gives utf8.
  state.encoding = decoder.encoding;

  // Convert what is already buffered.
  const buffer = state.buffer;
  if (buffer === kNoChunks) return this;
  let content = '';
  for (let i = state.bufferIndex; i < buffer.length; i++) {
    content += decoder.write(buffer[i]);
  }
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') {
    buffer.push(content);
  }
  state.length = content.length;
  return this;
};

// Largest highWaterMark read(n) may raise it to.
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) {
    throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  }
  // Round up to the next power of 2 to avoid raising it in tiny steps.
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

// How many bytes (or objects) read(n) should return right now.
function howMuchToRead(n, state) {
  const bits = state.bits;
  if (n <= 0 || (state.length === 0 && (bits & kEnded) !== 0)) return 0;
  if ((bits & kObjectMode) !== 0) return 1;
  if (n !== n) { // NaN: read() without argument.
    // While flowing, hand out one buffered chunk at a time.
    if (state.flowing === true && state.length) {
      return state.buffer[state.bufferIndex].length;
    }
    return state.length;
  }
  if (n <= state.length) return n;
  return (bits & kEnded) !== 0 ? state.length : 0;
}

Readable.prototype.read = function(n) {
  if (n === undefined) {
    n = NaN;
  } else if (!Number.isInteger(n)) {
    n = Number.parseInt(n, 10);
  }
  const state = this._readableState;
  const nOrig = n;

  // Asking for more than highWaterMark raises it.
  if (n > state.highWaterMark) {
    state.highWaterMark = computeNewHighWaterMark(n);
  }

  // The flags are read and written as bits here (not through the
  // accessors): read() runs several times for every connection.
  if (n !== 0) {
    state.bits &= ~kEmittedReadable;
  }

  // read(0) with enough buffered (or at EOF) just triggers 'readable'.
  if (n === 0 &&
      (state.bits & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ?
        state.length >= state.highWaterMark :
        state.length > 0) ||
       (state.bits & kEnded) !== 0)) {
    if (state.length === 0 && (state.bits & kEnded) !== 0) {
      endReadable(this);
    } else {
      emitReadable(this);
    }
    return null;
  }

  n = howMuchToRead(n, state);

  // At EOF with nothing left: finish up.
  if (n === 0 && (state.bits & kEnded) !== 0) {
    if (state.length === 0) {
      endReadable(this);
    }
    return null;
  }

  // Decide whether to call _read() before taking data out of the buffer:
  // _read() may push synchronously (e.g. PassThrough) and change how much
  // we can return.
  let doRead = (state.bits & kNeedReadable) !== 0;

  // Below highWaterMark after this read: read more.
  if (state.length === 0 || state.length - n < state.highWaterMark) {
    doRead = true;
  }

  // Not when ended, already reading, still constructing, destroyed or
  // errored.
  if ((state.bits & (kEnded | kReading | kDestroyed | kErrored | kConstructed)) !== kConstructed) {
    doRead = false;
  } else if (doRead) {
    state.bits |= kReading | kSync;
    // Nothing buffered: we will need a 'readable' event.
    if (state.length === 0) {
      state.bits |= kNeedReadable;
    }

    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.bits &= ~kSync;

    // A synchronous push() cleared `reading`: recompute.
    if ((state.bits & kReading) === 0) {
      n = howMuchToRead(nOrig, state);
    }
  }

  let ret;
  if (n > 0) {
    ret = fromList(n, state);
  } else {
    ret = null;
  }

  if (ret === null) {
    if (state.length <= state.highWaterMark) state.bits |= kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((state.bits & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.clear();
    } else if (state.awaitDrainWriters !== null) {
      state.awaitDrainWriters = null;
    }
  }

  if (state.length === 0) {
    // Empty: want to know as soon as something arrives.
    if ((state.bits & kEnded) === 0) {
      state.bits |= kNeedReadable;
    }

    // Tried to read past EOF: emit 'end' on the next tick.
    if (nOrig !== n && (state.bits & kEnded) !== 0) {
      endReadable(this);
    }
  }

  if (ret !== null && (state.bits & (kErrorEmitted | kCloseEmitted)) === 0) {
    state.bits |= kDataEmitted;
    this.emit('data', ret);
  }

  return ret;
};

function onEofChunk(stream, state) {
  if ((state.bits & kEnded) !== 0) return;
  const decoder = state.decoder;
  if (decoder !== null) {
    const chunk = decoder.end();
    if (chunk && chunk.length) {
      bufferChunk(state, chunk);
      state.length += (state.bits & kObjectMode) !== 0 ? 1 : chunk.length;
    }
  }
  state.bits |= kEnded;

  if ((state.bits & kSync) !== 0) {
    // Inside _read(): defer, or flow() could emit data re-entrantly.
    emitReadable(stream);
  } else {
    // Emit 'readable' synchronously (some modules depend on it).
    state.bits = (state.bits & ~kNeedReadable) | kEmittedReadable;
    emitReadable_(stream);
  }
}

// 'readable' is always emitted on a later tick: emitting synchronously could
// re-enter read() and recurse.
function emitReadable(stream) {
  const state = stream._readableState;
  state.bits &= ~kNeedReadable;
  if ((state.bits & kEmittedReadable) === 0) {
    state.bits |= kEmittedReadable;
    queueTick(1, emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if ((state.bits & (kDestroyed | kErrored)) === 0 &&
      (state.length || (state.bits & kEnded) !== 0)) {
    emitNone(stream, 'readable');
    state.bits &= ~kEmittedReadable;
  }

  // Another 'readable' is owed unless flowing (flow() handles it), ended,
  // or over highWaterMark.
  if (!state.flowing && (state.bits & kEnded) === 0 && state.length <= state.highWaterMark) {
    state.bits |= kNeedReadable;
  }
  flow(stream);
}

// After the consumer read some data, fill the buffer back up to
// highWaterMark in the background, once per tick.
function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    queueTick(2, maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  // Keep calling read(0) while below highWaterMark (or flowing with an
  // empty buffer), not ended and no _read() pending; stop as soon as a call
  // produces nothing.
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark ||
          (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) {
      break;
    }
  }
  state.readingMore = false;
}

// Implementations override this (or pass options.read).
Readable.prototype._read = function(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  if (state.pipes.length === 1) {
    if (!state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(
        state.awaitDrainWriters ? [state.awaitDrainWriters] : [],
      );
    }
  }

  if (state.pipes === kNoPipes) state.pipes = [dest];
  else state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout &&
    dest !== process.stderr;

  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) {
    queueTick(0, endFn);
  } else {
    src.once('end', endFn);
  }

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src) {
      if (unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) {
      dest.removeListener('drain', ondrain);
    }
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);

    cleanedUp = true;

    // If we were waiting for 'drain' from this destination we would never
    // flow again; act as if it drained (assume it was awaited when we
    // cannot tell).
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) {
      ondrain();
    }
  }

  function pause() {
    // dest.write() may have unpiped us; only pause for a live pipe.
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      // One persistent 'drain' listener rather than once() per pause.
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) {
      pause();
    }
  }

  // Stop piping on destination errors, but keep the throwing behaviour
  // when nobody else handles them.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) {
        // 'error' was emitted by hand rather than through destroy().
        errorOrDestroy(dest, er);
      } else {
        dest.emit('error', er);
      }
    }
  }

  // Our error handler must run before userland ones.
  prependListener(dest, 'error', onerror);

  // 'close' and 'finish' both unpipe, but only once.
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) {
    pause();
  } else if (!state.flowing) {
    src.resume();
  }

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;

    // May be invoked directly from cleanup(), so use dest rather than this.
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if (state.multiAwaitDrain) {
      state.awaitDrainWriters.delete(dest);
    }

    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        state.dataListening) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };

  if (state.pipes.length === 0) {
    return this;
  }

  if (!dest) {
    // Remove all destinations.
    const dests = state.pipes;
    state.pipes = kNoPipes;
    this.pause();

    for (let i = 0; i < dests.length; i++) {
      dests[i].emit('unpipe', this, { hasUnpiped: false });
    }
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) {
    return this;
  }

  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) {
    this.pause();
  }

  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

// Adding 'data' listeners starts the flow; adding 'readable' switches to
// paused mode and makes sure a 'readable' event eventually comes.
Readable.prototype.on = function(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    state.bits |= kDataListening;

    // Lets resume() below be a no-op when someone also listens for
    // 'readable' (supports once('readable')).
    if (this.listenerCount('readable') > 0) {
      state.readableListening = true;
    }

    // Start flowing unless explicitly paused.
    if (state.flowing !== false) {
      this.resume();
    }
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) {
        emitReadable(this);
      } else if (!state.reading) {
        queueTick(1, nReadingNextTick, this);
      }
    }
  }

  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function(ev, fn) {
  const state = this._readableState;
  const res = Stream.prototype.removeListener.call(this, ev, fn);

  if (ev === 'readable') {
    // Re-evaluate after 'readable' handlers ran but before I/O, so that
    // once('readable') cycles work; resume() in the same tick has no effect.
    queueTick(1, updateReadableListening, this);
  } else if (ev === 'data' && this.listenerCount('data') === 0) {
    state.dataListening = false;
  }

  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  const res = arguments.length === 0 ?
    Stream.prototype.removeAllListeners.call(this) :
    Stream.prototype.removeAllListeners.call(this, ev);

  if (ev === 'readable' || ev === undefined) {
    queueTick(1, updateReadableListening, this);
  }

  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;

  if (state.resumeScheduled && state.hasPaused && !state.paused) {
    // resume() was called: flowing must be true now or the scheduled
    // resume will not flow.
    state.flowing = true;
  } else if (state.dataListening) {
    self.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

function nReadingNextTick(self) {
  self.read(0);
}

// Switch to flowing mode (unless someone listens for 'readable').
Readable.prototype.resume = function() {
  const state = this._readableState;
  if (!state.flowing) {
    // With 'readable' listeners we still go through resume() but do not
    // flow.
    state.flowing = (state.bits & kReadableListening) === 0;
    resume(this, state);
  }
  state.bits = (state.bits | kHasPaused) & ~kPaused;
  return this;
};

function resume(stream, state) {
  if ((state.bits & kResumeScheduled) === 0) {
    state.bits |= kResumeScheduled;
    queueTick(2, resume_, stream, state);
  }
}

function resume_(stream, state) {
  if ((state.bits & kReading) === 0) {
    stream.read(0);
  }

  state.bits &= ~kResumeScheduled;
  emitNone(stream, 'resume');
  flow(stream);
  if (state.flowing && (state.bits & kReading) === 0) {
    stream.read(0);
  }
}

Readable.prototype.pause = function() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.hasPaused = true;
  state.paused = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

// Wrap an old-style (streams1) stream as the data source.
Readable.prototype.wrap = function(stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });

  stream.on('end', () => {
    this.push(null);
  });

  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });

  stream.on('close', () => {
    this.destroy();
  });

  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // Proxy the wrapped stream's methods (matters for filters and duplexes).
  const streamKeys = Object.keys(stream);
  for (let j = 1; j < streamKeys.length; j++) {
    const i = streamKeys[j];
    if (this[i] === undefined && typeof stream[i] === 'function') {
      this[i] = stream[i].bind(stream);
    }
  }

  return this;
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function(options) {
  if (options !== undefined) {
    validateObject(options, 'options');
  }
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') {
    stream = Readable.wrap(stream, { objectMode: true });
  }

  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  let callback = nop;

  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }

  stream.on('readable', next);

  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if (
      (error || (options == null || options.destroyOnReturn !== false)) &&
      (error === undefined || stream._readableState.autoDestroy)
    ) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

// Non-enumerable accessors (enumerable ones break some userland prototype
// manipulation).
Object.defineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    configurable: true,
    get() {
      const r = this._readableState;
      // r.readable === false: readable side of a Duplex disabled at
      // construction (or via the legacy setter).
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted &&
        !r.endEmitted;
    },
    set(val) {
      if (this._readableState) {
        this._readableState.readable = !!val;
      }
    },
  },

  readableDidRead: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState.dataEmitted;
    },
  },

  readableAborted: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      const r = this._readableState;
      return !!(
        r.readable !== false &&
        (r.destroyed || r.errored) &&
        !r.endEmitted
      );
    },
  },

  readableHighWaterMark: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState.highWaterMark;
    },
  },

  readableBuffer: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState && this._readableState.buffer;
    },
  },

  readableFlowing: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState.flowing;
    },
    set(state) {
      if (this._readableState) {
        this._readableState.flowing = state;
      }
    },
  },

  readableLength: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState.length;
    },
  },

  readableObjectMode: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },

  readableEncoding: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },

  errored: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },

  closed: {
    __proto__: null,
    configurable: true,
    get() {
      return this._readableState ? this._readableState.closed : false;
    },
  },

  destroyed: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.destroyed : false;
    },
    set(value) {
      // Ignored until the state exists; otherwise the user is managing
      // `destroyed` by hand (backwards compatibility).
      if (!this._readableState) {
        return;
      }
      this._readableState.destroyed = value;
    },
  },

  readableEnded: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },
});

// Exposed for tests.
Readable._fromList = fromList;

// Take n bytes (or one object, or everything when n is 0/NaN-resolved to
// the full length) off the front of the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;

  const buf = state.buffer;
  const len = buf.length;
  let idx = state.bufferIndex;
  let ret;

  if (state.objectMode) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    // Everything.
    if (state.decoder !== null) {
      ret = '';
      while (idx < len) {
        ret += buf[idx];
        buf[idx++] = null;
      }
    } else if (len - idx === 0) {
      ret = Buffer.alloc(0);
    } else if (len - idx === 1) {
      ret = buf[idx];
      buf[idx++] = null;
    } else {
      ret = Buffer.allocUnsafe(state.length);
      let i = 0;
      while (idx < len) {
        const data = buf[idx];
        ret.set(data, i);
        i += data.length;
        buf[idx++] = null;
      }
    }
  } else if (n < buf[idx].length) {
    // Part of the first chunk (slice works for strings and Buffers).
    const first = buf[idx];
    ret = first.slice(0, n);
    buf[idx] = first.slice(n);
  } else if (n === buf[idx].length) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (state.decoder !== null) {
    ret = '';
    while (idx < len) {
      const str = buf[idx];
      if (n > str.length) {
        ret += str;
        n -= str.length;
        buf[idx++] = null;
      } else {
        if (n === str.length) {
          ret += str;
          buf[idx++] = null;
        } else {
          ret += str.slice(0, n);
          buf[idx] = str.slice(n);
        }
        break;
      }
    }
  } else {
    ret = Buffer.allocUnsafe(n);
    const retLen = n;
    while (idx < len) {
      const data = buf[idx];
      if (n > data.length) {
        ret.set(data, retLen - n);
        n -= data.length;
        buf[idx++] = null;
      } else {
        if (n === data.length) {
          ret.set(data, retLen - n);
          buf[idx++] = null;
        } else {
          ret.set(new Uint8Array(data.buffer, data.byteOffset, n), retLen - n);
          buf[idx] = data.slice(n);
        }
        break;
      }
    }
  }

  if (idx === len) {
    buf.length = 0;
    state.bufferIndex = 0;
  } else if (idx > 1024) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }

  return ret;
}

function endReadable(stream) {
  const state = stream._readableState;
  const bits = state.bits;
  if ((bits & kEndEmitted) === 0) {
    state.bits = bits | kEnded | kEndScheduled;
    if ((bits & kEndScheduled) === 0) queueTick(2, endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  state.bits &= ~kEndScheduled;
  // An unshift() may have sneaked in.
  if ((state.bits & (kErrored | kCloseEmitted | kEndEmitted)) === 0 &&
      state.length === 0) {
    state.bits |= kEndEmitted;
    emitNone(stream, 'end');

    if (stream.writable && stream.allowHalfOpen === false) {
      queueTick(1, endWritableNT, stream);
    } else if ((state.bits & kAutoDestroy) !== 0) {
      // Duplex: also wait for the writable side before auto-destroying.
      const wState = stream._writableState;
      const autoDestroy = !wState || (
        wState.autoDestroy &&
        // A writable side disabled at construction will never 'finish'.
        (wState.finished || wState.writable === false)
      );

      if (autoDestroy) {
        stream.destroy();
      }
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) {
    stream.end();
  }
}

Readable.from = function(iterable, opts) {
  return require('internal/streams/from')(Readable, iterable, opts);
};

// Web streams interop, provided by internal/webstreams/adapters when the
// runtime has it.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Readable.fromWeb = function(readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(readableStream, options);
};

Readable.toWeb = function(streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(streamReadable, options);
};

Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};
