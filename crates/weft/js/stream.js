'use strict';

// require('stream'): the legacy Stream constructor carrying every stream
// class and helper, as in Node 20.
//
// Behaviour modelled on Node.js v20 lib/stream.js (MIT License,
// Copyright Node.js contributors).

const {
  streamReturningOperators,
  promiseReturningOperators,
} = require('internal/streams/operators');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
  },
} = require('internal/errors');
const { setDefaultHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { pipeline } = require('internal/streams/pipeline');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const utils = require('internal/streams/utils');

const Stream = module.exports = require('internal/streams/legacy').Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');

function illegalConstructor() {
  if (typeof ERR_ILLEGAL_CONSTRUCTOR === 'function') {
    return new ERR_ILLEGAL_CONSTRUCTOR();
  }
  return new TypeError('Illegal constructor');
}

function defineOperator(key, op, returnsStream) {
  const fn = returnsStream ?
    function(...args) {
      if (new.target) {
        throw illegalConstructor();
      }
      return Stream.Readable.from(Reflect.apply(op, this, args));
    } :
    function(...args) {
      if (new.target) {
        throw illegalConstructor();
      }
      return Reflect.apply(op, this, args);
    };
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Stream.Readable.prototype, key, {
    __proto__: null,
    value: fn,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

for (const key of Object.keys(streamReturningOperators)) {
  defineOperator(key, streamReturningOperators[key], true);
}
for (const key of Object.keys(promiseReturningOperators)) {
  defineOperator(key, promiseReturningOperators[key], false);
}

Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.duplexPair = require('internal/streams/duplexpair');
Stream.pipeline = pipeline;
const { addAbortSignal } = require('internal/streams/add-abort-signal');
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = require('internal/streams/compose');
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

let promises;
function getPromises() {
  if (promises === undefined) promises = require('stream/promises');
  return promises;
}

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return getPromises();
  },
});

// util.promisify(pipeline) / util.promisify(finished) give the promise
// versions.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(pipeline, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    return getPromises().pipeline;
  },
});
Object.defineProperty(eos, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    return getPromises().finished;
  },
});

// Backwards compatibility: require('stream').Stream === require('stream').
Stream.Stream = Stream;

Stream._isArrayBufferView = utils.isArrayBufferView;
Stream._isUint8Array = utils.isUint8Array;
Stream._uint8ArrayToBuffer = utils.uint8ArrayToBuffer;
