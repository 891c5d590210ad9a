'use strict';

// Default and per-stream highWaterMark handling.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/state.js (MIT License,
// Copyright Node.js contributors).

let defaultHighWaterMarkBytes = 16 * 1024;
let defaultHighWaterMarkObjectMode = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHighWaterMarkObjectMode : defaultHighWaterMarkBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  require('internal/streams/utils').validateInteger(value, 'value', 0);
  if (objectMode) {
    defaultHighWaterMarkObjectMode = value;
  } else {
    defaultHighWaterMarkBytes = value;
  }
}

// `options.highWaterMark` wins; Duplex streams may instead give
// `readableHighWaterMark` / `writableHighWaterMark` (duplexKey).
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

// The boolean fields of ReadableState/WritableState live as bits of one
// number (`state.bits`), as in Node 22: a stream's hot paths test several
// flags with one property read, and an idle stream carries one field instead
// of twenty. `state.<name>` stays readable and writable through these
// accessors, for the cold paths and for code outside the stream modules.
function defineBitAccessors(proto, table) {
  for (const name of Object.keys(table)) {
    const bit = table[name];
    Object.defineProperty(proto, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() { return (this.bits & bit) !== 0; },
      set(value) {
        if (value) this.bits |= bit;
        else this.bits &= ~bit;
      },
    });
  }
}

module.exports = {
  defineBitAccessors,
  getHighWaterMark,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
};
