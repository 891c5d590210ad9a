'use strict';

// stream.Transform: a Duplex whose output is computed from its input by
// _transform(chunk, encoding, callback); _flush(callback) runs at the end.
//
// Backpressure: the _write() callback is held back while the readable side
// is above its highWaterMark and released from _read().
//
// Behaviour modelled on Node.js v20 lib/internal/streams/transform.js (MIT License,
// Copyright Node.js contributors).

module.exports = Transform;

const {
  ERR_METHOD_NOT_IMPLEMENTED,
} = require('internal/errors').codes;
const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');

Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) {
    return new Transform(options);
  }

  // With a readable highWaterMark of 0, buffer on neither side rather than
  // on both (a Transform only wants hwm items in flight).
  const readableHighWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // _read is implemented and no read happens before the first _read call,
  // so the sync guard can be dropped.
  this._readableState.sync = false;

  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // Flush from 'prefinish' rather than _final: some Transform subclasses
  // implement _final themselves (instead of or besides _flush).
  this.on('prefinish', prefinish);
}

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) {
          cb(er);
        } else {
          this.destroy(er);
        }
        return;
      }

      if (data != null) {
        this.push(data);
      }
      this.push(null);
      if (cb) {
        cb();
      }
    });
  } else {
    this.push(null);
    if (cb) {
      cb();
    }
  }
}

function prefinish() {
  if (this._final !== final) {
    final.call(this);
  }
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

// The _transform() callback is bound once per stream instead of being a new
// closure per chunk; the pending write's callback and the readable length
// at the time of the call are kept on the stream. Only one _write() is in
// flight at a time, so they cannot be overwritten before use.
const kWriteCallback = Symbol('kWriteCallback');
const kLengthBefore = Symbol('kLengthBefore');
const kAfterTransform = Symbol('kAfterTransform');

function afterTransform(err, val) {
  const callback = this[kWriteCallback];
  const length = this[kLengthBefore];

  if (err) {
    callback(err);
    return;
  }

  if (val != null) {
    this.push(val);
  }

  const rState = this._readableState;
  if (rState.ended) {
    // push(null) was called: let the new state settle first.
    process.nextTick(callback);
  } else if (
    this._writableState.ended || // Backwards compat.
    length === rState.length || // Backwards compat.
    rState.length < rState.highWaterMark
  ) {
    callback();
  } else {
    this[kCallback] = callback;
  }
}

Transform.prototype._write = function(chunk, encoding, callback) {
  this[kWriteCallback] = callback;
  this[kLengthBefore] = this._readableState.length;
  let after = this[kAfterTransform];
  if (after === undefined) {
    after = this[kAfterTransform] = afterTransform.bind(this);
  }
  this._transform(chunk, encoding, after);
};

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};
