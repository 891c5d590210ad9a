'use strict';

// TextEncoder and TextDecoder (WHATWG Encoding Standard) as Node 20 exposes
// them. Decoding is done by internalBinding('encoding'); this layer resolves
// labels, validates arguments, strips the BOM once per stream and keeps the
// bytes of a character split across `{ stream: true }` chunks.
//
// Supported decoders: utf-8, utf-16le, utf-16be (by swapping bytes) and
// windows-1252. Like Node 20, windows-1252 (and its labels latin1, ascii,
// iso-8859-1, ...) decodes as ISO-8859-1: bytes 0x80-0x9F map to U+0080-U+009F
// rather than to the windows-1252 characters the standard specifies ('€' ...).
// Other legacy encodings Node supports through ICU are not available here and
// throw ERR_ENCODING_NOT_SUPPORTED.

const binding = internalBinding('encoding');
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView, isUint8Array } = require('internal/util/types');
const { customInspectSymbol } = require('internal/util');

const kEncoder = Symbol('encoder');
const kDecoder = Symbol('decoder');
const kEncoding = Symbol('encoding');
const kFatal = Symbol('fatal');
const kIgnoreBOM = Symbol('ignoreBOM');
const kPending = Symbol('pending');
const kBOMSeen = Symbol('BOMSeen');
const kFastPath = Symbol('fastPath');

const kValidateObjectAllowObjectsAndNull = 7;

// Labels of the encodings this runtime can decode (WHATWG label table).
const encodings = new Map([
  ['unicode-1-1-utf-8', 'utf-8'],
  ['unicode11utf8', 'utf-8'],
  ['unicode20utf8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-8', 'utf-8'],
  ['x-unicode20utf8', 'utf-8'],
  ['ansi_x3.4-1968', 'windows-1252'],
  ['ascii', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['cp819', 'windows-1252'],
  ['csisolatin1', 'windows-1252'],
  ['ibm819', 'windows-1252'],
  ['iso-8859-1', 'windows-1252'],
  ['iso-ir-100', 'windows-1252'],
  ['iso8859-1', 'windows-1252'],
  ['iso88591', 'windows-1252'],
  ['iso_8859-1', 'windows-1252'],
  ['iso_8859-1:1987', 'windows-1252'],
  ['l1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
  ['x-cp1252', 'windows-1252'],
  ['unicodefffe', 'utf-16be'],
  ['utf-16be', 'utf-16be'],
  ['csunicode', 'utf-16le'],
  ['iso-10646-ucs-2', 'utf-16le'],
  ['ucs-2', 'utf-16le'],
  ['unicode', 'utf-16le'],
  ['unicodefeff', 'utf-16le'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
]);

function isAsciiWhitespace(c) {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

// String.prototype.trim also strips non-ASCII spaces, which the standard
// does not allow here.
function trimAsciiWhitespace(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isAsciiWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isAsciiWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

function getEncodingFromLabel(label) {
  const enc = encodings.get(label);
  if (enc !== undefined) return enc;
  return encodings.get(trimAsciiWhitespace(label.toLowerCase()));
}

// Errors raised by Node's C++ layer: no "Received ..." suffix, no [code] in
// the stack header.
function nativeTypeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function invalidData(encoding) {
  const err = new ERR_ENCODING_INVALID_ENCODED_DATA(encoding, undefined);
  delete err.errno;
  return err;
}

function toUint8(input) {
  if (isUint8Array(input)) return input;
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

function concat(a, b) {
  if (a === null) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// Length of the tail of `u8` that is a valid but incomplete UTF-8 sequence
// (0 when the input ends on a character boundary or on invalid bytes, which
// are decoded, and replaced, right away).
function incompleteUtf8Tail(u8) {
  const len = u8.length;
  const lim = len > 3 ? len - 3 : 0;
  for (let i = len - 1; i >= lim; i--) {
    const b = u8[i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    let need;
    if (b >= 0xc2 && b <= 0xdf) need = 2;
    else if (b >= 0xe0 && b <= 0xef) need = 3;
    else if (b >= 0xf0 && b <= 0xf4) need = 4;
    else return 0;
    const have = len - i;
    if (have >= need) return 0;
    if (have >= 2) {
      const c = u8[i + 1];
      let lo = 0x80;
      let hi = 0xbf;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
      else if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
      if (c < lo || c > hi) return 0;
    }
    if (have === 3 && (u8[i + 2] & 0xc0) !== 0x80) return 0;
    return have;
  }
  return 0;
}

// Whether UTF-16LE bytes hold an unpaired surrogate (fatal mode only).
function hasLoneSurrogate(u8) {
  for (let i = 0; i + 1 < u8.length; i += 2) {
    const u = u8[i] | (u8[i + 1] << 8);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= u8.length) return true;
      const n = u8[i + 2] | (u8[i + 3] << 8);
      if (n < 0xdc00 || n > 0xdfff) return true;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function swapBytes(u8) {
  const out = new Uint8Array(u8.length);
  let i = 0;
  for (; i + 1 < u8.length; i += 2) {
    out[i] = u8[i + 1];
    out[i + 1] = u8[i];
  }
  if (i < u8.length) out[i] = u8[i];
  return out;
}

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true) throw new ERR_INVALID_THIS('TextEncoder');
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true) throw new ERR_INVALID_THIS('TextDecoder');
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return binding.encodeUtf8(`${input}`);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const r = binding.encodeInto(src, dest);
    return { read: r[0], written: r[1] };
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    return require('internal/util/inspect').inspect({ encoding: this.encoding }, opts);
  }
}

Object.defineProperties(TextEncoder.prototype, {
  encoding: { enumerable: true },
  encode: { enumerable: true },
  encodeInto: { enumerable: true },
  [customInspectSymbol]: { enumerable: false },
  [Symbol.toStringTag]: { configurable: true, value: 'TextEncoder' },
});

const empty = new Uint8Array(0);

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this[kDecoder] = true;
    this[kEncoding] = enc;
    this[kFatal] = options !== null && Boolean(options.fatal);
    this[kIgnoreBOM] = options !== null && Boolean(options.ignoreBOM);
    this[kPending] = null;
    this[kBOMSeen] = false;
    this[kFastPath] = enc === 'utf-8';
  }

  decode(input = empty, options = {}) {
    validateDecoder(this);
    const enc = this[kEncoding];
    if (enc === 'windows-1252') {
      // Node 20's fast path: no options check, no BOM handling, no state.
      if (!isAnyArrayBuffer(input) && !isArrayBufferView(input)) {
        throw nativeTypeError('The "input" argument must be an instance of ArrayBuffer, ' +
          'SharedArrayBuffer, or ArrayBufferView.', 'ERR_INVALID_ARG_TYPE');
      }
      return binding.decode(toUint8(input), 'latin1', false, true);
    }
    const stream = options != null && Boolean(options.stream);
    // Node 20 decodes utf-8 on a fast path until the first streaming call;
    // the two paths validate their arguments differently.
    if (this[kFastPath] && stream) this[kFastPath] = false;
    const fast = this[kFastPath];
    if (!fast) validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    if (!isAnyArrayBuffer(input) && !isArrayBufferView(input)) {
      throw nativeTypeError(`The "${fast ? 'list' : 'input'}" argument must be an instance of ` +
        'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.', 'ERR_INVALID_ARG_TYPE');
    }
    let bytes = concat(this[kPending], toUint8(input));
    this[kPending] = null;
    const fatal = this[kFatal];
    let result;
    if (enc === 'utf-8') {
      if (stream) {
        const tail = incompleteUtf8Tail(bytes);
        if (tail > 0) {
          this[kPending] = bytes.slice(bytes.length - tail);
          bytes = bytes.subarray(0, bytes.length - tail);
        }
      }
      result = binding.decode(bytes, 'utf-8', fatal, true);
    } else {
      if (stream) {
        let keep = bytes.length & 1;
        const end = bytes.length - keep;
        if (end >= 2) {
          const last = enc === 'utf-16le' ?
            bytes[end - 2] | (bytes[end - 1] << 8) :
            (bytes[end - 2] << 8) | bytes[end - 1];
          if (last >= 0xd800 && last <= 0xdbff) keep += 2;
        }
        if (keep > 0) {
          this[kPending] = bytes.slice(bytes.length - keep);
          bytes = bytes.subarray(0, bytes.length - keep);
        }
      }
      if (enc === 'utf-16be') bytes = swapBytes(bytes);
      if (fatal && ((bytes.length & 1) === 1 || hasLoneSurrogate(bytes))) {
        result = undefined;
      } else {
        result = binding.decode(bytes, 'utf-16le', false, true);
      }
    }
    if (result === undefined) {
      this[kPending] = null;
      this[kBOMSeen] = false;
      throw invalidData(enc);
    }
    if (result.length > 0 && !this[kBOMSeen]) {
      if (!this[kIgnoreBOM] && result.charCodeAt(0) === 0xfeff) result = result.slice(1);
      this[kBOMSeen] = true;
    }
    if (!stream) {
      this[kPending] = null;
      this[kBOMSeen] = false;
    }
    return result;
  }

  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  }

  get fatal() {
    validateDecoder(this);
    return this[kFatal];
  }

  get ignoreBOM() {
    validateDecoder(this);
    return this[kIgnoreBOM];
  }

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    let ctor = this.constructor;
    if (typeof ctor !== 'function') ctor = TextDecoder;
    // A stand-in class of the same name, so that the output reads
    // `TextDecoder { ... }` without recursing into this method.
    const Shown = function() {};
    Object.defineProperty(Shown, 'name', { value: ctor.name || 'TextDecoder' });
    const obj = Object.create(Shown.prototype);
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    return require('internal/util/inspect').inspect(obj, opts);
  }
}

Object.defineProperties(TextDecoder.prototype, {
  decode: { enumerable: true },
  encoding: { enumerable: true },
  fatal: { enumerable: true },
  ignoreBOM: { enumerable: true },
  [customInspectSymbol]: { enumerable: false },
  [Symbol.toStringTag]: { configurable: true, value: 'TextDecoder' },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
