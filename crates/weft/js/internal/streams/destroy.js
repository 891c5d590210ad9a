'use strict';

// destroy()/_destroy() plumbing shared by Readable, Writable and Duplex,
// plus errorOrDestroy(), async construction (_construct) and the generic
// destroyer() used by pipeline/finished helpers.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/destroy.js (MIT License,
// Copyright Node.js contributors).

const {
  aggregateTwoErrors,
  codes: {
    ERR_MULTIPLE_CALLBACK,
  },
  AbortError,
} = require('internal/errors');
const {
  kIsDestroyed,
  isDestroyed,
  isFinished,
  isServerRequest,
} = require('internal/streams/utils');

const { readable: R, writable: W } = require('internal/streams/bits');
const { queueTick } = require('internal/process/task_queues');

const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

function checkError(err, w, r) {
  if (err) {
    // Touch the stack so it is captured now (matches Node, avoids leaks).
    err.stack; // eslint-disable-line no-unused-expressions

    if (w && !w.errored) {
      w.errored = err;
      w.bits |= W.kErrored;
    }
    if (r && !r.errored) {
      r.errored = err;
      r.bits |= R.kErrored;
    }
  }
}

// stream.destroy([err][, cb]). The callback is an undocumented legacy
// extension that some modules still use.
function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  // Duplex streams keep the authoritative state on the writable side.
  const s = w || r;

  // The flags as bits in this file's per-stream paths (destroy, close):
  // the accessors cost a call each.
  if ((w && (w.bits & W.kDestroyed) !== 0) || (r && (r.bits & R.kDestroyed) !== 0)) {
    if (typeof cb === 'function') {
      cb();
    }
    return this;
  }

  // Mark destroyed before anything else so re-entrant destroy() calls from
  // callbacks are no-ops.
  checkError(err, w, r);

  if (w) {
    w.bits |= W.kDestroyed;
  }
  if (r) {
    r.bits |= R.kDestroyed;
  }

  if ((s.bits & (s === w ? W.kConstructed : R.kConstructed)) === 0) {
    // Wait for _construct() to finish before calling _destroy().
    this.once(kDestroy, function(er) {
      _destroy(this, aggregateTwoErrors(er, err), cb);
    });
  } else {
    _destroy(this, err, cb);
  }

  return this;
}

function _destroy(self, err, cb) {
  let called = false;

  function onDestroy(err) {
    if (called) {
      return;
    }
    called = true;

    const r = self._readableState;
    const w = self._writableState;

    checkError(err, w, r);

    if (w) {
      w.bits |= W.kClosed;
    }
    if (r) {
      r.bits |= R.kClosed;
    }

    if (typeof cb === 'function') {
      cb(err);
    }

    if (err) {
      queueTick(2, emitErrorCloseNT, self, err);
    } else {
      queueTick(1, emitCloseNT, self);
    }
  }

  try {
    self._destroy(err || null, onDestroy);
  } catch (err) {
    onDestroy(err);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;

  if (w) {
    w.bits |= W.kCloseEmitted;
  }
  if (r) {
    r.bits |= R.kCloseEmitted;
  }

  if ((w && (w.bits & W.kEmitClose) !== 0) || (r && (r.bits & R.kEmitClose) !== 0)) {
    self.emit('close');
  }
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;

  if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
    return;
  }

  if (w) {
    w.errorEmitted = true;
  }
  if (r) {
    r.errorEmitted = true;
  }

  self.emit('error', err);
}

// The flags undestroy() clears. It runs for every new net.Socket, so it
// writes each state's bits once instead of a dozen accessors.
const kReadableUndestroyClear = R.kClosed | R.kCloseEmitted | R.kDestroyed | R.kErrorEmitted |
  R.kReading | R.kEnded | R.kEndEmitted | R.kErrored;
const kWritableUndestroyClear = W.kDestroyed | W.kClosed | W.kCloseEmitted | W.kErrorEmitted |
  W.kFinalCalled | W.kPrefinished | W.kEnded | W.kEnding | W.kFinished | W.kErrored;

function undestroy() {
  const r = this._readableState;
  const w = this._writableState;

  if (r) {
    let bits = (r.bits & ~kReadableUndestroyClear) | R.kConstructed;
    // As Node: `readable` is not a state field, so this is normally false.
    if (r.readable === false) bits |= R.kEnded | R.kEndEmitted;
    r.bits = bits;
    if (r.errored !== null) r.errored = null;
  }

  if (w) {
    let bits = (w.bits & ~kWritableUndestroyClear) | W.kConstructed;
    if (w.writable === false) bits |= W.kEnded | W.kEnding | W.kFinished;
    w.bits = bits;
    if (w.errored !== null) w.errored = null;
  }
}

// Report an error on a stream: destroy it when autoDestroy is on, otherwise
// record it and emit 'error' (now, or on the next tick when `sync`).
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;

  if ((w && w.destroyed) || (r && r.destroyed)) {
    return this;
  }

  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions

    if (w && !w.errored) {
      w.errored = err;
      w.bits |= W.kErrored;
    }
    if (r && !r.errored) {
      r.errored = err;
      r.bits |= R.kErrored;
    }
    if (sync) {
      queueTick(2, emitErrorNT, stream, err);
    } else {
      emitErrorNT(stream, err);
    }
  }
}

function construct(stream, cb) {
  if (typeof stream._construct !== 'function') {
    return;
  }

  const r = stream._readableState;
  const w = stream._writableState;

  if (r) {
    r.constructed = false;
  }
  if (w) {
    w.constructed = false;
  }

  stream.once(kConstruct, cb);

  if (stream.listenerCount(kConstruct) > 1) {
    // Duplex: construction already scheduled by the other side.
    return;
  }

  queueTick(1, constructNT, stream);
}

function constructNT(stream) {
  let called = false;

  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;

    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;

    if (r) {
      r.constructed = true;
    }
    if (w) {
      w.constructed = true;
    }

    if (s.destroyed) {
      stream.emit(kDestroy, err);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      stream.emit(kConstruct);
    }
  }

  try {
    stream._construct((err) => {
      queueTick(1, onConstruct, err);
    });
  } catch (err) {
    queueTick(1, onConstruct, err);
  }
}

function isRequest(stream) {
  return stream && stream.setHeader && typeof stream.abort === 'function';
}

function emitCloseLegacy(stream) {
  stream.emit('close');
}

function emitErrorCloseLegacy(stream, err) {
  stream.emit('error', err);
  queueTick(1, emitCloseLegacy, stream);
}

// Destroy any kind of stream-like object (streams, http requests, legacy
// emitters), used by pipeline(), Readable.wrap and stream.destroy().
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) {
    return;
  }

  if (!err && !isFinished(stream)) {
    err = new AbortError();
  }

  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    queueTick(2, emitErrorCloseLegacy, stream, err);
  } else {
    queueTick(1, emitCloseLegacy, stream);
  }

  if (!stream.destroyed) {
    stream[kIsDestroyed] = true;
  }
}

module.exports = {
  construct,
  destroyer,
  destroy,
  undestroy,
  errorOrDestroy,
  kDestroy,
  kConstruct,
};
