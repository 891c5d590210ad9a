'use strict';

// stream.PassThrough: a Transform that forwards its input unchanged.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/passthrough.js (MIT License,
// Copyright Node.js contributors).

module.exports = PassThrough;

const Transform = require('internal/streams/transform');

Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

function PassThrough(options) {
  if (!(this instanceof PassThrough)) {
    return new PassThrough(options);
  }
  Transform.call(this, options);
}

PassThrough.prototype._transform = function(chunk, encoding, cb) {
  cb(null, chunk);
};
