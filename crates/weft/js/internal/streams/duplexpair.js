'use strict';

// duplexPair([options]): two Duplex streams wired to each other; what is
// written to one is read from the other.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/duplexpair.js (MIT License,
// Copyright Node.js contributors).

const Duplex = require('internal/streams/duplex');

const kCallback = Symbol('Callback');
const kOtherSide = Symbol('OtherSide');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kCallback] = null;
    this[kOtherSide] = null;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    const other = this[kOtherSide];
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      other.push(chunk);
      other[kCallback] = callback;
    }
  }

  _final(callback) {
    const other = this[kOtherSide];
    other.on('end', callback);
    other.push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kOtherSide] = side1;
  side1[kOtherSide] = side0;
  return [side0, side1];
}

module.exports = duplexPair;
