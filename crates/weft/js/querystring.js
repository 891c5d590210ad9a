'use strict';

// querystring: Node's query string utilities (parse/stringify with Node's
// legacy rules, which differ from URLSearchParams: '*' and "'()!" are kept by
// escape(), parse() returns a null-prototype object with arrays for repeated
// keys and stops after `maxKeys` pairs).

const { encodeStr, hexTable, isHexTable, makeNoEscapeTable } = require('internal/url');

// Value of each hex digit, -1 elsewhere.
const unhexTable = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) unhexTable[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  unhexTable[0x41 + i] = 10 + i;
  unhexTable[0x61 + i] = 10 + i;
}

// Decodes %XX escapes byte by byte (invalid escapes stay as they are); each
// other UTF-16 code unit is stored as one byte, as Node does.
function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  let hasHex = false;
  const maxLength = s.length - 2;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 0x2b && decodeSpaces) {
      out[n++] = 0x20;
      continue;
    }
    if (c === 0x25 && i < maxLength) {
      const hi = unhexTable[s.charCodeAt(i + 1)];
      const lo = hi >= 0 ? unhexTable[s.charCodeAt(i + 2)] : -1;
      if (hi >= 0 && lo >= 0) {
        hasHex = true;
        c = hi * 16 + lo;
        i += 2;
      }
      // Otherwise the '%' is kept and the next characters are read anew.
    }
    out[n++] = c;
  }
  return hasHex ? out.slice(0, n) : out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// Kept as they are: ! ' ( ) * - . _ ~ and alphanumerics.
const noEscape = makeNoEscapeTable("!'()*-._~");

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) {
    // 1e21 and up print with a '+', which needs escaping.
    return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeStringified : encodeStringifiedCustom;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = Object.keys(obj);
  let fields = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      for (let j = 0; j < v.length; j++) {
        if (fields) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

// Whether `s` holds a valid %XX escape (only then is it decoded).
function hasEscape(s) {
  for (let i = s.indexOf('%'); i !== -1 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    if (isHexTable[s.charCodeAt(i + 1)] === 1 && isHexTable[s.charCodeAt(i + 2)] === 1) return true;
  }
  return false;
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, decode, customDecode) {
  if (key.length > 0 && (customDecode || hasEscape(key))) key = decodeStr(key, decode);
  if (value.length > 0 && (customDecode || hasEscape(value))) value = decodeStr(value, decode);
  const cur = obj[key];
  if (cur === undefined) {
    obj[key] = value;
  } else if (cur.pop) {
    cur[cur.length] = value;
  } else {
    obj[key] = [cur, value];
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairs = options.maxKeys > 0 ? options.maxKeys : -1;
  }
  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = decode !== qsUnescape;
  const plus = customDecode ? '%20' : ' ';
  const sepLen = sep.length;
  let start = 0;
  for (;;) {
    let end = qs.indexOf(sep, start);
    const last = end === -1;
    if (last) end = qs.length;
    if (end === start) {
      // An empty piece: skipped, though it counts against maxKeys.
      if (last || --pairs === 0) return obj;
    } else {
      const eqAt = qs.indexOf(eq, start);
      let key;
      let value;
      if (eqAt !== -1 && eqAt < end) {
        key = qs.slice(start, eqAt);
        value = qs.slice(eqAt + eq.length, end);
      } else {
        key = qs.slice(start, end);
        value = '';
      }
      if (key.includes('+')) key = key.replace(/\+/g, plus);
      if (value.includes('+')) value = value.replace(/\+/g, plus);
      addKeyVal(obj, key, value, decode, customDecode);
      if (last || --pairs === 0) return obj;
    }
    start = end + sepLen;
  }
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
