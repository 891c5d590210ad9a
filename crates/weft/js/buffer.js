'use strict';

// Buffer: a Uint8Array subclass with Node's API (lib/buffer.js). Encoding and
// decoding of strings happen in Rust (internalBinding('buffer')); chunks that
// Rust creates get Buffer.prototype directly, without a JS call.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateNumber, validateInteger, validateString, validateArray } = require('internal/validators');

const kMaxLength = 2 ** 32;
const kStringMaxLength = (1 << 30) - 1;
const INSPECT_MAX_BYTES = 50;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// Encoding ids shared with src/bindings/buffer.rs.
const UTF8 = 1, UTF16LE = 2, LATIN1 = 3, ASCII = 4, BASE64 = 5, BASE64URL = 6, HEX = 7;

function encodingId(enc) {
  if (enc === undefined || enc === null || enc === 'utf8' || enc === 'utf-8') return UTF8;
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return UTF8;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return UTF16LE;
    case 'latin1': case 'binary': return LATIN1;
    case 'ascii': return ASCII;
    case 'base64': return BASE64;
    case 'base64url': return BASE64URL;
    case 'hex': return HEX;
    default: return 0;
  }
}

function getEncodingId(enc) {
  if (enc === undefined || enc === null) return UTF8;
  const id = typeof enc === 'string' ? encodingId(enc) : 0;
  if (id === 0) throw new ERR_UNKNOWN_ENCODING(enc);
  return id;
}

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  enumerable: false, configurable: true, get() { return FastBuffer; },
});
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
Buffer.poolSize = 8 * 1024;

function fromString(string, encoding) {
  const id = typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? encodingId(encoding) : UTF8;
  if (id === 0) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (string.length === 0) return new FastBuffer();
  return binding.fromString(string, id);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  const len = obj.length >>> 0;
  const b = new FastBuffer(len);
  for (let i = 0; i < len; i++) b[i] = obj[i];
  return b;
}

function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer) ||
    (v !== null && typeof v === 'object' && (Object.prototype.toString.call(v) === '[object ArrayBuffer]' ||
      Object.prototype.toString.call(v) === '[object SharedArrayBuffer]'));
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    if (ArrayBuffer.isView(value)) {
      if (value instanceof Uint8Array) {
        const b = new FastBuffer(value.length);
        b.set(value);
        return b;
      }
      return fromArrayLike(value);
    }
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    if (value.length !== undefined || isAnyArrayBuffer(value.buffer)) {
      if (typeof value.length !== 'number') return new FastBuffer();
      return fromArrayLike(value);
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return Buffer.from(u8);
};

Buffer.of = function of(...items) {
  return fromArrayLike(items);
};

function assertSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return new FastBuffer(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  assertSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!(buf1 instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!(buf2 instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingId(encoding) !== 0;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateInteger(length, 'length', 0);
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!(buf instanceof Uint8Array)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    if (pos >= length) break;
    const n = Math.min(buf.length, length - pos);
    if (n === 0) continue;
    buffer.set(n === buf.length ? buf : buf.subarray(0, n), pos);
    pos += n;
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  let id = UTF8;
  if (encoding !== undefined && encoding !== 'utf8') {
    id = encodingId(encoding);
    if (id === 0) id = UTF8;
  }
  if (id === LATIN1 || id === ASCII) return len;
  if (id === UTF16LE) return len * 2;
  if (id === HEX) return len >>> 1;
  if (id === BASE64 || id === BASE64URL) {
    let n = len;
    if (string.charCodeAt(n - 1) === 0x3D) n--;
    if (n > 1 && string.charCodeAt(n - 1) === 0x3D) n--;
    return (n * 3) >>> 2;
  }
  // utf8: count without encoding.
  let bytes = 0;
  for (let i = 0; i < len; i++) {
    const c = string.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = string.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}
Buffer.byteLength = byteLength;

Object.defineProperty(Buffer.prototype, 'parent', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

const proto = Buffer.prototype;

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.toString(this, UTF8, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  const id = encoding === undefined ? UTF8 : getEncodingId(encoding);
  return binding.toString(this, id, start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!(otherBuffer instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.toString(this, HEX, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const filter = ctx.showHidden ? 0 : 2;
    const obj = Object.create(null);
    for (const key of Object.keys(this)) {
      if (/^\d+$/.test(key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    void filter;
    if (extras) {
      const { inspect: utilInspect } = require('util');
      if (this.length !== 0) str += ', ';
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  if (typeof val === 'number') {
    val = (val >>> 0) & 0xff;
    if (dir) {
      let i = byteOffset < 0 ? Math.max(buffer.length + byteOffset, 0) : byteOffset;
      return Uint8Array.prototype.indexOf.call(buffer, val, i);
    }
    let i = byteOffset < 0 ? buffer.length + byteOffset : byteOffset;
    if (i < 0) return -1;
    return Uint8Array.prototype.lastIndexOf.call(buffer, val, i);
  }
  let id = UTF8;
  if (typeof val === 'string') {
    if (encoding !== undefined) id = getEncodingId(encoding);
  } else if (!(val instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
  }
  return binding.indexOf(buffer, val, byteOffset, id, dir);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const id = encoding === undefined ? UTF8 : getEncodingId(encoding);
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1 && (id === UTF8 || id === LATIN1) && value.charCodeAt(0) < (id === UTF8 ? 128 : 256)) {
      value = value.charCodeAt(0);
    } else {
      const bytes = binding.fromString(value, id);
      if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
      value = bytes;
    }
  } else if (typeof value === 'boolean') {
    value = +value;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (offset > buf.length) throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${buf.length}`, offset);
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
  } else if (value instanceof Uint8Array) {
    if (value.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    let pos = offset;
    while (pos < end) {
      const n = Math.min(value.length, end - pos);
      buf.set(n === value.length ? value : value.subarray(0, n), pos);
      pos += n;
    }
  } else {
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, offset, end);
  }
  return buf;
}
proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw new ERR_INVALID_ARG_TYPE('argument', 'string', string);
  if (offset === undefined) {
    return binding.write(this, string, 0, this.length, UTF8);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  const id = encoding === undefined ? UTF8 : getEncodingId(encoding);
  return binding.write(this, string, offset, length, id);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = proto.subarray;

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) targetStart = 0;
  else {
    targetStart = +targetStart;
    if (Number.isNaN(targetStart)) targetStart = 0;
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
    targetStart = Math.trunc(targetStart);
  }
  if (sourceStart === undefined) sourceStart = 0;
  else {
    sourceStart = +sourceStart;
    if (Number.isNaN(sourceStart)) sourceStart = 0;
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
    sourceStart = Math.trunc(sourceStart);
  }
  if (sourceEnd === undefined) sourceEnd = this.length;
  else {
    sourceEnd = +sourceEnd;
    if (Number.isNaN(sourceEnd)) sourceEnd = 0;
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
    sourceEnd = Math.trunc(sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  if (sourceEnd > this.length) sourceEnd = this.length;
  let n = sourceEnd - sourceStart;
  if (n > target.length - targetStart) n = target.length - targetStart;
  if (n <= 0) return 0;
  Uint8Array.prototype.set.call(target, this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}
proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
  return this;
};
proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    swap(this, i, i + 3);
    swap(this, i + 1, i + 2);
  }
  return this;
};
proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    swap(this, i, i + 7);
    swap(this, i + 1, i + 6);
    swap(this, i + 2, i + 5);
    swap(this, i + 3, i + 4);
  }
  return this;
};

// Encoding-specific slices and writes that packages call directly.
for (const [name, id] of [['utf8', UTF8], ['ucs2', UTF16LE], ['utf16le', UTF16LE], ['latin1', LATIN1],
  ['ascii', ASCII], ['base64', BASE64], ['base64url', BASE64URL], ['hex', HEX]]) {
  proto[`${name}Slice`] = function(start = 0, end = this.length) {
    return binding.toString(this, id, start, end);
  };
  proto[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
    return binding.write(this, string, offset, length, id);
  };
}

// --- numbers ---------------------------------------------------------------
const float32 = new Float32Array(1);
const f32 = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const f64 = new Uint8Array(float64.buffer);
const bigEndianPlatform = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function readCheck(buf, offset, byteLength) {
  if (offset === undefined) offset = 0;
  else validateNumber(offset, 'offset');
  const last = offset + byteLength - 1;
  if (!Number.isInteger(offset) || offset < 0 || last >= buf.length) boundsError(offset, buf.length - byteLength);
  return offset;
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2 ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  writeCheckOffset(buf, offset, byteLength + 1);
}

function writeCheckOffset(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) boundsError(offset, buf.length - size);
}

function readUIntLE(buf, offset, n) {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < n; i++) {
    v += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return v;
}
function readUIntBE(buf, offset, n) {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 0x100 + buf[offset + i];
  return v;
}

proto.readUInt8 = function readUInt8(offset = 0) {
  offset = readCheck(this, offset, 1);
  return this[offset];
};
proto.readUInt16LE = function readUInt16LE(offset = 0) {
  offset = readCheck(this, offset, 2);
  return this[offset] | (this[offset + 1] << 8);
};
proto.readUInt16BE = function readUInt16BE(offset = 0) {
  offset = readCheck(this, offset, 2);
  return (this[offset] << 8) | this[offset + 1];
};
proto.readUInt32LE = function readUInt32LE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return readUIntLE(this, offset, 4);
};
proto.readUInt32BE = function readUInt32BE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return readUIntBE(this, offset, 4);
};
proto.readInt8 = function readInt8(offset = 0) {
  offset = readCheck(this, offset, 1);
  const v = this[offset];
  return v | ((v & 0x80) * 0x1fffffe);
};
proto.readInt16LE = function readInt16LE(offset = 0) {
  offset = readCheck(this, offset, 2);
  const v = this[offset] | (this[offset + 1] << 8);
  return (v & 0x8000) ? v | 0xffff0000 : v;
};
proto.readInt16BE = function readInt16BE(offset = 0) {
  offset = readCheck(this, offset, 2);
  const v = (this[offset] << 8) | this[offset + 1];
  return (v & 0x8000) ? v | 0xffff0000 : v;
};
proto.readInt32LE = function readInt32LE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return this[offset] | (this[offset + 1] << 8) | (this[offset + 2] << 16) | (this[offset + 3] << 24);
};
proto.readInt32BE = function readInt32BE(offset = 0) {
  offset = readCheck(this, offset, 4);
  return (this[offset] << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) | this[offset + 3];
};
function checkByteLength(byteLength) {
  validateInteger(byteLength, 'byteLength', 1, 6);
}
proto.readUIntLE = function(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  checkByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  return readUIntLE(this, offset, byteLength);
};
proto.readUIntBE = function(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  checkByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  return readUIntBE(this, offset, byteLength);
};
proto.readIntLE = function(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  checkByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  const v = readUIntLE(this, offset, byteLength);
  const lim = 2 ** (8 * byteLength - 1);
  return v >= lim ? v - lim * 2 : v;
};
proto.readIntBE = function(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  checkByteLength(byteLength);
  offset = readCheck(this, offset, byteLength);
  const v = readUIntBE(this, offset, byteLength);
  const lim = 2 ** (8 * byteLength - 1);
  return v >= lim ? v - lim * 2 : v;
};
proto.readBigUInt64LE = function readBigUInt64LE(offset = 0) {
  offset = readCheck(this, offset, 8);
  const lo = readUIntLE(this, offset, 4);
  const hi = readUIntLE(this, offset + 4, 4);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigUInt64BE = function readBigUInt64BE(offset = 0) {
  offset = readCheck(this, offset, 8);
  const hi = readUIntBE(this, offset, 4);
  const lo = readUIntBE(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
};
proto.readBigInt64LE = function readBigInt64LE(offset = 0) {
  return BigInt.asIntN(64, this.readBigUInt64LE(offset));
};
proto.readBigInt64BE = function readBigInt64BE(offset = 0) {
  return BigInt.asIntN(64, this.readBigUInt64BE(offset));
};

function readFloatBytes(buf, offset, n, little, scratch, view) {
  offset = readCheck(buf, offset, n);
  for (let i = 0; i < n; i++) {
    scratch[(little !== bigEndianPlatform) ? i : n - 1 - i] = buf[offset + i];
  }
  return view[0];
}
proto.readFloatLE = function readFloatLE(offset = 0) { return readFloatBytes(this, offset, 4, true, f32, float32); };
proto.readFloatBE = function readFloatBE(offset = 0) { return readFloatBytes(this, offset, 4, false, f32, float32); };
proto.readDoubleLE = function readDoubleLE(offset = 0) { return readFloatBytes(this, offset, 8, true, f64, float64); };
proto.readDoubleBE = function readDoubleBE(offset = 0) { return readFloatBytes(this, offset, 8, false, f64, float64); };

function writeUInt(buf, value, offset, n, little, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n - 1);
  let v = value < 0 ? value + 2 ** (8 * n) : value;
  for (let i = 0; i < n; i++) {
    const byte = v % 256;
    buf[little ? offset + i : offset + n - 1 - i] = byte;
    v = (v - byte) / 256;
  }
  return offset + n;
}

proto.writeUInt8 = function writeUInt8(value, offset = 0) { return writeUInt(this, value, offset, 1, true, 0, 0xff); };
proto.writeUInt16LE = function writeUInt16LE(value, offset = 0) { return writeUInt(this, value, offset, 2, true, 0, 0xffff); };
proto.writeUInt16BE = function writeUInt16BE(value, offset = 0) { return writeUInt(this, value, offset, 2, false, 0, 0xffff); };
proto.writeUInt32LE = function writeUInt32LE(value, offset = 0) { return writeUInt(this, value, offset, 4, true, 0, 0xffffffff); };
proto.writeUInt32BE = function writeUInt32BE(value, offset = 0) { return writeUInt(this, value, offset, 4, false, 0, 0xffffffff); };
proto.writeInt8 = function writeInt8(value, offset = 0) { return writeUInt(this, value, offset, 1, true, -0x80, 0x7f); };
proto.writeInt16LE = function writeInt16LE(value, offset = 0) { return writeUInt(this, value, offset, 2, true, -0x8000, 0x7fff); };
proto.writeInt16BE = function writeInt16BE(value, offset = 0) { return writeUInt(this, value, offset, 2, false, -0x8000, 0x7fff); };
proto.writeInt32LE = function writeInt32LE(value, offset = 0) { return writeUInt(this, value, offset, 4, true, -0x80000000, 0x7fffffff); };
proto.writeInt32BE = function writeInt32BE(value, offset = 0) { return writeUInt(this, value, offset, 4, false, -0x80000000, 0x7fffffff); };
proto.writeUIntLE = function(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeUInt(this, value, offset, byteLength, true, 0, 2 ** (8 * byteLength) - 1);
};
proto.writeUIntBE = function(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeUInt(this, value, offset, byteLength, false, 0, 2 ** (8 * byteLength) - 1);
};
proto.writeIntLE = function(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeUInt(this, value, offset, byteLength, true, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1);
};
proto.writeIntBE = function(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeUInt(this, value, offset, byteLength, false, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1);
};

function writeBig64(buf, value, offset, little, min, max) {
  if (typeof value !== 'bigint') throw new ERR_INVALID_ARG_TYPE('value', 'bigint', value);
  checkInt(value, min, max, buf, offset, 7);
  let v = BigInt.asUintN(64, value);
  for (let i = 0; i < 8; i++) {
    buf[little ? offset + i : offset + 7 - i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return offset + 8;
}
proto.writeBigUInt64LE = function(value, offset = 0) { return writeBig64(this, value, offset, true, 0n, 0xffffffffffffffffn); };
proto.writeBigUInt64BE = function(value, offset = 0) { return writeBig64(this, value, offset, false, 0n, 0xffffffffffffffffn); };
proto.writeBigInt64LE = function(value, offset = 0) { return writeBig64(this, value, offset, true, -(2n ** 63n), 2n ** 63n - 1n); };
proto.writeBigInt64BE = function(value, offset = 0) { return writeBig64(this, value, offset, false, -(2n ** 63n), 2n ** 63n - 1n); };

function writeFloatBytes(buf, value, offset, n, little, scratch, view) {
  value = +value;
  writeCheckOffset(buf, offset, n);
  view[0] = value;
  for (let i = 0; i < n; i++) {
    buf[offset + i] = scratch[(little !== bigEndianPlatform) ? i : n - 1 - i];
  }
  return offset + n;
}
proto.writeFloatLE = function(value, offset = 0) { return writeFloatBytes(this, value, offset, 4, true, f32, float32); };
proto.writeFloatBE = function(value, offset = 0) { return writeFloatBytes(this, value, offset, 4, false, f32, float32); };
proto.writeDoubleLE = function(value, offset = 0) { return writeFloatBytes(this, value, offset, 8, true, f64, float64); };
proto.writeDoubleBE = function(value, offset = 0) { return writeFloatBytes(this, value, offset, 8, false, f64, float64); };

// Lower-case aliases (readUint8 ...), as Node has.
for (const key of Object.getOwnPropertyNames(proto)) {
  if (/^(read|write)(Big)?UInt/.test(key)) {
    proto[key.replace('UInt', 'Uint')] = proto[key];
  }
}

function isUtf8(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) {
    return binding.isUtf8(input instanceof Uint8Array ? input : new Uint8Array(input.buffer || input, input.byteOffset || 0, input.byteLength));
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}
function isAscii(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) {
    return binding.isAscii(input instanceof Uint8Array ? input : new Uint8Array(input.buffer || input, input.byteOffset || 0, input.byteLength));
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function transcode(source, fromEncoding, toEncoding) {
  if (!(source instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  const s = binding.toString(source, getEncodingId(fromEncoding), 0, source.length);
  return fromString(s, toEncoding);
}

// Chunks made in Rust get this prototype directly.
internalBinding('task_queue').setBufferPrototype(Buffer.prototype);

module.exports = {
  Buffer,
  SlowBuffer,
  FastBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa(input) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
    return require('internal/base64').btoa(input);
  },
  atob(input) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
    return require('internal/base64').atob(input);
  },
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES,
  encodingId,
  getEncodingId,
};
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', { value: INSPECT_MAX_BYTES, writable: true, enumerable: true });
void validateString;
void checkBounds;
