'use strict';

// stream.Duplex: a Readable that also carries the Writable interface.
// allowHalfOpen (default true) keeps the writable side open after the
// readable side ended; when false, 'end' triggers end().
//
// Behaviour modelled on Node.js v20 lib/internal/streams/duplex.js (MIT License,
// Copyright Node.js contributors).

module.exports = Duplex;

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const destroyImpl = require('internal/streams/destroy');
const { kOnConstructed } = require('internal/streams/utils');
const { kDestroyed: kReadableDestroyed } = require('internal/streams/bits').readable;
const { kDestroyed: kWritableDestroyed } = require('internal/streams/bits').writable;

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

{
  // Copy Writable's methods (Readable's win where both define one).
  const keys = Object.keys(Writable.prototype);
  for (let i = 0; i < keys.length; i++) {
    const method = keys[i];
    if (!Duplex.prototype[method]) {
      Duplex.prototype[method] = Writable.prototype[method];
    }
  }
}

Duplex.prototype.destroy = Writable.prototype.destroy;

function Duplex(options) {
  if (!(this instanceof Duplex)) {
    return new Duplex(options);
  }

  // Pre-create the common event slots (also fixes eventNames() order).
  this._events ??= {
    __proto__: null,
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }

    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }

    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }

  Stream.call(this, options);

  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
      this._writableState[kOnConstructed](this);
    });
  }
}

function writableProp(name) {
  return { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, name) };
}

Object.defineProperties(Duplex.prototype, {
  writable: writableProp('writable'),
  writableHighWaterMark: writableProp('writableHighWaterMark'),
  writableObjectMode: writableProp('writableObjectMode'),
  writableBuffer: writableProp('writableBuffer'),
  writableLength: writableProp('writableLength'),
  writableFinished: writableProp('writableFinished'),
  writableCorked: writableProp('writableCorked'),
  writableEnded: writableProp('writableEnded'),
  writableNeedDrain: writableProp('writableNeedDrain'),

  destroyed: {
    __proto__: null,
    configurable: true,
    get() {
      if (this._readableState === undefined ||
          this._writableState === undefined) {
        return false;
      }
      return (this._readableState.bits & kReadableDestroyed) !== 0 &&
        (this._writableState.bits & kWritableDestroyed) !== 0;
    },
    set(value) {
      // The user is managing `destroyed` by hand (backwards compatibility).
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

// Web streams interop, provided by internal/webstreams/adapters when the
// runtime has it.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex);
};

Duplex.from = function(body) {
  return require('internal/streams/duplexify')(body, 'body');
};
