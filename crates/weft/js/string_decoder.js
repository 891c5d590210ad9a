'use strict';

// string_decoder: decode a sequence of Buffers into strings without
// splitting multi-byte characters across chunk boundaries.
//
// Same algorithm as Node 20's native decoder: an incomplete character at
// the end of a chunk is kept (up to 4 bytes) and completed from the next
// chunk; complete runs are decoded by Buffer#toString, so invalid UTF-8
// yields the same U+FFFD replacements as decoding the whole input at once.
//
// Behaviour modelled on Node.js v20 lib/string_decoder.js and src/string_decoder.cc (MIT License,
// Copyright Node.js contributors).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

function invalidThis(type) {
  if (typeof ERR_INVALID_THIS === 'function') {
    return new ERR_INVALID_THIS(type);
  }
  const err = new TypeError(`Value of "this" must be of type ${type}`);
  err.code = 'ERR_INVALID_THIS';
  return err;
}

const kState = Symbol('kStringDecoderState');

// Encoding kinds.
const UTF8 = 1;
const UCS2 = 2;
const BASE64 = 3;
const BASE64URL = 4;
const SIMPLE = 5; // hex, latin1, ascii: every byte stands alone.

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const n = slowNormalize(enc);
  if (n === undefined) {
    throw new ERR_UNKNOWN_ENCODING(enc);
  }
  return n;
}

function slowNormalize(enc) {
  if (typeof enc !== 'string') {
    return undefined;
  }
  switch (enc.toLowerCase()) {
    case 'utf8':
    case 'utf-8':
    case '':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'hex':
      return 'hex';
    case 'ascii':
      return 'ascii';
    default:
      return undefined;
  }
}

function kindOf(encoding) {
  switch (encoding) {
    case 'utf8': return UTF8;
    case 'utf16le': return UCS2;
    case 'base64': return BASE64;
    case 'base64url': return BASE64URL;
    default: return SIMPLE;
  }
}

function DecoderState(encoding) {
  this.kind = kindOf(encoding);
  // Bytes of the incomplete character (the `lastChar` buffer).
  this.chars = Buffer.alloc(4);
  // Bytes still needed to complete it.
  this.missing = 0;
  // Bytes of it held in `chars`.
  this.buffered = 0;
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kState] = new DecoderState(this.encoding);
}

function toBuffer(buf) {
  if (buf instanceof Buffer) return buf;
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

// Returns the decoded string, keeping back a trailing incomplete character.
StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') {
    return buf;
  }
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const state = this[kState];
  if (!state) {
    throw invalidThis('StringDecoder');
  }
  buf = toBuffer(buf);
  if (state.kind === SIMPLE) {
    return buf.toString(this.encoding);
  }
  return decode(state, this.encoding, buf);
};

// Returns whatever remains buffered (an incomplete character decodes to
// replacement characters); the decoder can be reused afterwards.
StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) {
    ret = this.write(buf);
  }
  const state = this[kState];
  if (state && state.buffered > 0) {
    ret += flush(state, this.encoding);
  }
  return ret;
};

// Undocumented legacy API: decode buf from `offset`, dropping any pending
// partial character.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kState];
  state.missing = 0;
  state.buffered = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].chars;
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].missing;
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const state = this[kState];
      return state.buffered + state.missing;
    },
  },
});

function decode(state, encoding, data) {
  let start = 0;
  const end = data.length;
  let prepend = '';

  if (state.missing > 0) {
    const chars = state.chars;
    if (state.kind === UTF8) {
      // Stop completing the character at the first byte that is not a
      // continuation byte; that byte starts a new character.
      const limit = Math.min(end, state.missing);
      for (let i = 0; i < limit; i++) {
        if ((data[i] & 0xC0) !== 0x80) {
          state.missing = 0;
          for (let j = 0; j < i; j++) chars[state.buffered + j] = data[j];
          state.buffered += i;
          start = i;
          break;
        }
      }
    }

    const found = Math.min(end - start, state.missing);
    for (let j = 0; j < found; j++) chars[state.buffered + j] = data[start + j];
    start += found;
    state.missing -= found;
    state.buffered += found;

    if (state.missing === 0) {
      prepend = chars.toString(encoding, 0, state.buffered);
      state.buffered = 0;
    }
  }

  if (start === end) {
    return prepend;
  }

  // Look for a character cut off at the end of this chunk.
  const kind = state.kind;
  if (kind === UTF8) {
    if (data[end - 1] & 0x80) {
      for (let i = end - 1; ; --i) {
        state.buffered++;
        const c = data[i];
        if ((c & 0xC0) === 0x80) {
          // Continuation byte.
          if (state.buffered >= 4 || i === start) {
            // No lead byte within reach: invalid anyway, decode as is.
            state.buffered = 0;
            break;
          }
        } else {
          if ((c & 0xE0) === 0xC0) {
            state.missing = 2;
          } else if ((c & 0xF0) === 0xE0) {
            state.missing = 3;
          } else if ((c & 0xF8) === 0xF0) {
            state.missing = 4;
          } else {
            // Not a valid lead byte.
            state.buffered = 0;
            break;
          }

          if (state.buffered >= state.missing) {
            // Complete (or over-long, hence invalid anyway).
            state.missing = 0;
            state.buffered = 0;
          }

          state.missing -= state.buffered;
          break;
        }
      }
    }
  } else if (kind === UCS2) {
    if (((end - start) % 2) === 1) {
      // Half a code unit.
      state.buffered = 1;
      state.missing = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      // A high surrogate; wait for the low one.
      state.buffered = 2;
      state.missing = 2;
    }
  } else { // BASE64, BASE64URL
    state.buffered = (end - start) % 3;
    if (state.buffered > 0) {
      state.missing = 3 - state.buffered;
    }
  }

  let bodyEnd = end;
  if (state.buffered > 0) {
    bodyEnd = end - state.buffered;
    const chars = state.chars;
    for (let j = 0; j < state.buffered; j++) chars[j] = data[bodyEnd + j];
  }

  let body = '';
  if (bodyEnd > start) {
    body = data.toString(encoding, start, bodyEnd);
  }

  return prepend === '' ? body : prepend + body;
}

function flush(state, encoding) {
  if (state.kind === UCS2 && state.buffered % 2 === 1) {
    // A single trailing byte is dropped.
    state.missing--;
    state.buffered--;
  }

  if (state.buffered === 0) {
    return '';
  }

  const ret = state.chars.toString(encoding, 0, state.buffered);
  state.missing = 0;
  state.buffered = 0;
  return ret;
}

exports.StringDecoder = StringDecoder;
