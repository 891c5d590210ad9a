'use strict';

// WHATWG URL and URLSearchParams (Node 20's lib/internal/url.js surface).
//
// Parsing and the setters run in Rust through internalBinding('url') (the
// `url` crate, which follows the same WHATWG URL Standard as Node's Ada). A URL
// object keeps the component array the binding returns:
//   [href, origin, protocol, username, password, host, hostname, port,
//    pathname, search, hash]
// URLSearchParams is pure JS (application/x-www-form-urlencoded parser and
// serializer); a URL's searchParams object writes every change back to the
// URL's query, and setting the URL's href or search re-reads the list.

const binding = internalBinding('url');
const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_INVALID_URI,
    ERR_MISSING_ARGS,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { customInspectSymbol, getConstructorOf, removeColors, kEnumerableProperty, kEmptyObject } =
  require('internal/util');
const { validateFunction } = require('internal/validators');

let lazyInspectFn;
function inspect(value, opts) {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn(value, opts);
}

let lazyQs;
function qsUnescape(s) {
  if (lazyQs === undefined) lazyQs = require('querystring');
  return lazyQs.unescape(s);
}

// Component indexes in the binding's array.
const HREF = 0;
const ORIGIN = 1;
const PROTOCOL = 2;
const USERNAME = 3;
const PASSWORD = 4;
const HOST = 5;
const HOSTNAME = 6;
const PORT = 7;
const PATHNAME = 8;
const SEARCH = 9;
const HASH = 10;

// --- percent-encoding tables shared with querystring and url ----------------

const hexTable = new Array(256);
for (let i = 0; i < 256; ++i) {
  hexTable[i] = `%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`;
}

// 1 for [0-9A-Fa-f].
const isHexTable = new Int8Array(256);
for (let i = 0; i < 256; i++) {
  if ((i >= 0x30 && i <= 0x39) || (i >= 0x41 && i <= 0x46) || (i >= 0x61 && i <= 0x66)) {
    isHexTable[i] = 1;
  }
}

// Builds a 128-entry table: 1 for the ASCII characters that stay as they are.
function makeNoEscapeTable(extra) {
  const t = new Int8Array(128);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (let i = 0; i < extra.length; i++) t[extra.charCodeAt(i)] = 1;
  return t;
}

// Percent-encodes `str` as UTF-8, keeping the ASCII characters marked in
// `noEscapeTable`; `table` gives the escape of each byte. Surrogates are
// paired without checking the second half (Node does the same); a high
// surrogate at the very end throws ERR_INVALID_URI.
function encodeStr(str, noEscapeTable, table) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (noEscapeTable[c] === 1) continue;
      if (lastPos < i) out += str.slice(lastPos, i);
      lastPos = i + 1;
      out += table[c];
      continue;
    }
    if (lastPos < i) out += str.slice(lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += table[0xc0 | (c >> 6)] + table[0x80 | (c & 0x3f)];
      continue;
    }
    if (c < 0xd800 || c >= 0xe000) {
      lastPos = i + 1;
      out += table[0xe0 | (c >> 12)] + table[0x80 | ((c >> 6) & 0x3f)] + table[0x80 | (c & 0x3f)];
      continue;
    }
    ++i;
    if (i >= len) throw new ERR_INVALID_URI();
    const c2 = str.charCodeAt(i) & 0x3ff;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3ff) << 10) | c2);
    out += table[0xf0 | (c >> 18)] + table[0x80 | ((c >> 12) & 0x3f)] +
      table[0x80 | ((c >> 6) & 0x3f)] + table[0x80 | (c & 0x3f)];
  }
  if (lastPos === 0) return str;
  if (lastPos < len) return out + str.slice(lastPos);
  return out;
}

// --- application/x-www-form-urlencoded ---------------------------------------

// The byte serializer's safe set: * - . _ alphanumerics; space becomes '+'.
const paramNoEscape = makeNoEscapeTable('*-._');
const paramHexTable = hexTable.slice();
paramHexTable[0x20] = '+';

function hasPercentEscape(s) {
  let i = s.indexOf('%');
  while (i !== -1 && i + 2 < s.length) {
    if (isHexTable[s.charCodeAt(i + 1)] === 1 && isHexTable[s.charCodeAt(i + 2)] === 1) return true;
    i = s.indexOf('%', i + 1);
  }
  return false;
}

function decodeParamPart(s) {
  if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
  if (hasPercentEscape(s)) s = qsUnescape(s);
  return s;
}

// Returns a flat [name, value, name, value, ...] list.
function parseParams(qs) {
  const out = [];
  let start = qs.charCodeAt(0) === 0x3f ? 1 : 0;
  const len = qs.length;
  while (start <= len) {
    let end = qs.indexOf('&', start);
    if (end === -1) end = len;
    if (end > start) {
      const eq = qs.indexOf('=', start);
      if (eq !== -1 && eq < end) {
        out.push(decodeParamPart(qs.slice(start, eq)), decodeParamPart(qs.slice(eq + 1, end)));
      } else {
        out.push(decodeParamPart(qs.slice(start, end)), '');
      }
    }
    start = end + 1;
  }
  return out;
}

function serializeParams(list) {
  const len = list.length;
  if (len === 0) return '';
  let out = `${encodeStr(list[0], paramNoEscape, paramHexTable)}=${encodeStr(list[1], paramNoEscape, paramHexTable)}`;
  for (let i = 2; i < len; i += 2) {
    out += `&${encodeStr(list[i], paramNoEscape, paramHexTable)}=${encodeStr(list[i + 1], paramNoEscape, paramHexTable)}`;
  }
  return out;
}

function toUSV(v) {
  return `${v}`.toWellFormed();
}

// Stable sort of the pairs by name (UTF-16 code units, as the standard says).
function sortPairs(list) {
  const n = list.length / 2;
  if (n < 2) return;
  const idx = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    const ka = list[a * 2];
    const kb = list[b * 2];
    if (ka < kb) return -1;
    if (ka > kb) return 1;
    return a - b;
  });
  const copy = list.slice();
  for (let i = 0; i < n; i++) {
    list[i * 2] = copy[idx[i] * 2];
    list[i * 2 + 1] = copy[idx[i] * 2 + 1];
  }
}

let getParamsList;
let setParamsList;
let linkParams;
let paramsChanged;

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #target;
  #kind;
  #index;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
    this.#index = 0;
  }

  next() {
    if (typeof this !== 'object' || this === null || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getParamsList(this.#target);
    const index = this.#index;
    if (index >= list.length) return { value: undefined, done: true };
    this.#index = index + 2;
    const kind = this.#kind;
    let value;
    if (kind === 'key') value = list[index];
    else if (kind === 'value') value = list[index + 1];
    else value = [list[index], list[index + 1]];
    return { value, done: false };
  }

  [customInspectSymbol](recurseTimes, ctx) {
    if (typeof this !== 'object' || this === null || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = getParamsList(this.#target);
    const output = [];
    for (let i = this.#index; i < list.length; i += 2) {
      if (this.#kind === 'key') output.push(list[i]);
      else if (this.#kind === 'value') output.push(list[i + 1]);
      else output.push([list[i], list[i + 1]]);
    }
    const breakLn = inspect(output, innerOpts).includes('\n');
    const strs = output.map((p) => inspect(p, innerOpts));
    const body = breakLn ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}

delete URLSearchParamsIterator.prototype.constructor;
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperties(URLSearchParamsIterator.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams Iterator' },
  next: kEnumerableProperty,
  [customInspectSymbol]: { enumerable: false },
});

function checkParams(self) {
  if (typeof self !== 'object' || self === null || !isURLSearchParams(self)) {
    throw new ERR_INVALID_THIS('URLSearchParams');
  }
}

let isURLSearchParams;

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    isURLSearchParams = (o) => #list in o;
    getParamsList = (o) => o.#list;
    setParamsList = (o, search) => { o.#list = search ? parseParams(search) : []; };
    linkParams = (o, url) => { o.#url = url; };
  }

  constructor(init = undefined) {
    if (init == null) {
      // Empty.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        const list = this.#list;
        for (const pair of init) {
          if (pair == null) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          if (Array.isArray(pair)) {
            if (pair.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            list.push(toUSV(pair[0]), toUSV(pair[1]));
          } else {
            if ((typeof pair !== 'object' && typeof pair !== 'function') ||
                typeof pair[Symbol.iterator] !== 'function') {
              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
            }
            let n = 0;
            for (const element of pair) {
              n++;
              list.push(toUSV(element));
            }
            if (n !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
        }
      } else {
        // A record: own enumerable keys, the later of two keys that become
        // equal after USV conversion wins.
        const seen = new Map();
        const keys = Reflect.ownKeys(init);
        const list = this.#list;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            const k = key.toWellFormed();
            const v = toUSV(init[key]);
            const at = seen.get(k);
            if (at !== undefined) {
              list[at] = v;
            } else {
              seen.set(k, list.push(k, v) - 1);
            }
          }
        }
      }
    } else {
      const s = toUSV(init);
      if (s) this.#list = parseParams(s);
    }
  }

  [customInspectSymbol](recurseTimes, ctx) {
    checkParams(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${inspect(list[i], innerOpts)} => ${inspect(list[i + 1], innerOpts)}`);
    }
    let length = -2;
    for (let i = 0; i < output.length; i++) length += removeColors(output[i]).length + 2;
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${name} { ${output.join(', ')} }`;
    return `${name} {}`;
  }

  get size() {
    checkParams(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSV(name), toUSV(value));
    if (this.#url !== null) paramsChanged(this.#url);
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length;) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) {
        list.splice(i, 2);
      } else {
        i += 2;
      }
    }
    if (this.#url !== null) paramsChanged(this.#url);
  }

  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSV(name);
    value = toUSV(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    if (this.#url !== null) paramsChanged(this.#url);
  }

  sort() {
    checkParams(this);
    sortPairs(this.#list);
    if (this.#url !== null) paramsChanged(this.#url);
  }

  entries() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this);
    validateFunction(callback, 'callback');
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      // The URL's search may have been replaced by the callback.
      list = this.#list;
    }
  }

  keys() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    checkParams(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    checkParams(this);
    return serializeParams(this.#list);
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  append: kEnumerableProperty,
  delete: kEnumerableProperty,
  get: kEnumerableProperty,
  getAll: kEnumerableProperty,
  has: kEnumerableProperty,
  set: kEnumerableProperty,
  size: kEnumerableProperty,
  sort: kEnumerableProperty,
  entries: kEnumerableProperty,
  forEach: kEnumerableProperty,
  keys: kEnumerableProperty,
  values: kEnumerableProperty,
  toString: kEnumerableProperty,
  [customInspectSymbol]: { enumerable: false },
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
  [Symbol.iterator]: {
    configurable: true,
    writable: true,
    value: URLSearchParams.prototype.entries,
  },
});

const specialSchemes = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

// The part of a host/hostname setter value the standard's parser reads: up to
// the first '/', '?', '#' (or '\\' in special URLs); for `host`, the port
// keeps its leading digits only. null when the setter must fail (a port given
// to the hostname setter).
function hostSetterInput(value, protocol, hostnameOnly) {
  const special = specialSchemes.has(protocol);
  let inBrackets = false;
  let colon = -1;
  let end = value.length;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '/' || ch === '?' || ch === '#' || (special && ch === '\\')) {
      end = i;
      break;
    }
    if (ch === '[') inBrackets = true;
    else if (ch === ']') inBrackets = false;
    else if (ch === ':' && !inBrackets && colon === -1) colon = i;
  }
  if (colon === -1) return value.slice(0, end);
  if (hostnameOnly) return null;
  let p = colon + 1;
  while (p < end && value.charCodeAt(p) >= 0x30 && value.charCodeAt(p) <= 0x39) p++;
  return value.slice(0, p);
}

function hasPortPart(v) {
  let inBrackets = false;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (ch === '[') inBrackets = true;
    else if (ch === ']') inBrackets = false;
    else if (ch === ':' && !inBrackets) return true;
  }
  return false;
}

// The fragment part of an href ('#...' or ''), empty fragments included.
function hrefHash(href) {
  const at = href.indexOf('#');
  return at === -1 ? '' : href.slice(at);
}

// Whether `self` looks like a WHATWG URL (Node checks the shape, not the class).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

const kParseURLSymbol = Symbol('kParseURL');

function checkURL(self) {
  if (typeof self !== 'object' || self === null || !isURLInstance(self)) {
    throw new ERR_INVALID_THIS('URL');
  }
}

let isURLInstance;

class URL {
  #c;
  #params = null;

  static {
    isURLInstance = (o) => #c in o;
    paramsChanged = (url) => {
      const list = getParamsList(url.#params);
      const c = binding.update(url.#c[HREF], 'search', list.length === 0 ? '' : serializeParams(list));
      if (c !== undefined) url.#c = c;
    };
  }

  constructor(input, base = undefined, parseSymbol = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const c = binding.parse(input, base);
    if (c === undefined) {
      if (parseSymbol === kParseURLSymbol) {
        this.#c = null;
        return;
      }
      throw new ERR_INVALID_URL(input, base);
    }
    this.#c = c;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const u = new URL(input, base, kParseURLSymbol);
    return u.#c === null ? null : u;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) return binding.parse(url, `${base}`) !== undefined;
    return binding.parse(url, undefined) !== undefined;
  }

  [customInspectSymbol](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this) || URL;
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    return `${ctor.name} ${inspect(obj, opts)}`;
  }

  #set(field, value) {
    const c = binding.update(this.#c[HREF], field, value);
    if (c !== undefined) this.#c = c;
  }

  // After href or search changed: the searchParams list follows the query.
  #refreshParams(previousSearch) {
    if (this.#params !== null && this.#c[SEARCH] !== previousSearch) {
      setParamsList(this.#params, this.#c[SEARCH]);
    }
  }

  toString() {
    checkURL(this);
    return this.#c[HREF];
  }

  get href() {
    checkURL(this);
    return this.#c[HREF];
  }

  set href(value) {
    checkURL(this);
    value = `${value}`;
    const c = binding.parse(value, undefined);
    if (c === undefined) throw new ERR_INVALID_URL(value);
    const previous = this.#c[SEARCH];
    this.#c = c;
    this.#refreshParams(previous);
  }

  get origin() {
    checkURL(this);
    return this.#c[ORIGIN];
  }

  get protocol() {
    checkURL(this);
    return this.#c[PROTOCOL];
  }

  set protocol(value) {
    checkURL(this);
    value = `${value}`;
    const scheme = value.split(':')[0].toLowerCase();
    const c = this.#c;
    if (scheme === 'file' && c[PROTOCOL] !== 'file:' && specialSchemes.has(c[PROTOCOL]) &&
        c[USERNAME] === '' && c[PASSWORD] === '' && c[PORT] === '') {
      // A special URL becoming a file URL (the binding refuses this change).
      const next = binding.parse(`file://${c[HOST]}${c[PATHNAME]}${c[SEARCH]}${hrefHash(c[HREF])}`, undefined);
      if (next !== undefined) this.#c = next;
      return;
    }
    this.#set('protocol', value);
  }

  get username() {
    checkURL(this);
    return this.#c[USERNAME];
  }

  set username(value) {
    checkURL(this);
    this.#set('username', `${value}`);
  }

  get password() {
    checkURL(this);
    return this.#c[PASSWORD];
  }

  set password(value) {
    checkURL(this);
    this.#set('password', `${value}`);
  }

  get host() {
    checkURL(this);
    return this.#c[HOST];
  }

  set host(value) {
    checkURL(this);
    const v = hostSetterInput(`${value}`, this.#c[PROTOCOL], false);
    if (v === null || this.#setFileHost(v)) return;
    // Without a port part, the hostname setter of the binding does the job
    // (and handles bracketed IPv6 addresses).
    this.#set(hasPortPart(v) ? 'host' : 'hostname', v);
  }

  // file: URLs take an empty host for '' and 'localhost'.
  #setFileHost(v) {
    const c = this.#c;
    if (c[PROTOCOL] !== 'file:' || (v !== '' && v.toLowerCase() !== 'localhost')) return false;
    const next = binding.parse(`file://${c[PATHNAME]}${c[SEARCH]}${hrefHash(c[HREF])}`, undefined);
    if (next !== undefined) this.#c = next;
    return true;
  }

  get hostname() {
    checkURL(this);
    return this.#c[HOSTNAME];
  }

  set hostname(value) {
    checkURL(this);
    const v = hostSetterInput(`${value}`, this.#c[PROTOCOL], true);
    if (v === null || this.#setFileHost(v)) return;
    this.#set('hostname', v);
  }

  get port() {
    checkURL(this);
    return this.#c[PORT];
  }

  set port(value) {
    checkURL(this);
    this.#set('port', `${value}`);
  }

  get pathname() {
    checkURL(this);
    return this.#c[PATHNAME];
  }

  set pathname(value) {
    checkURL(this);
    this.#set('pathname', `${value}`);
  }

  get search() {
    checkURL(this);
    return this.#c[SEARCH];
  }

  set search(value) {
    checkURL(this);
    const previous = this.#c[SEARCH];
    value = toUSV(value);
    if (value === '?') {
      // An empty but present query, which the binding's setter drops.
      const href = this.#c[HREF];
      const hashAt = href.indexOf('#');
      let pre = hashAt === -1 ? href : href.slice(0, hashAt);
      const q = pre.indexOf('?');
      if (q !== -1) pre = pre.slice(0, q);
      const c = binding.parse(`${pre}?${hashAt === -1 ? '' : href.slice(hashAt)}`, undefined);
      if (c !== undefined) this.#c = c;
    } else {
      this.#set('search', value);
    }
    this.#refreshParams(previous);
  }

  get searchParams() {
    checkURL(this);
    if (this.#params === null) {
      this.#params = new URLSearchParams(this.#c[SEARCH]);
      linkParams(this.#params, this);
    }
    return this.#params;
  }

  get hash() {
    checkURL(this);
    return this.#c[HASH];
  }

  set hash(value) {
    checkURL(this);
    value = `${value}`;
    if (value === '#') {
      // An empty but present fragment, which the binding's setter drops.
      const href = this.#c[HREF];
      const hashAt = href.indexOf('#');
      const c = binding.parse(`${hashAt === -1 ? href : href.slice(0, hashAt)}#`, undefined);
      if (c !== undefined) this.#c = c;
    } else {
      this.#set('hash', value);
    }
  }

  toJSON() {
    checkURL(this);
    return this.#c[HREF];
  }
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URL' },
  [customInspectSymbol]: { enumerable: false },
  toString: kEnumerableProperty,
  href: kEnumerableProperty,
  origin: kEnumerableProperty,
  protocol: kEnumerableProperty,
  username: kEnumerableProperty,
  password: kEnumerableProperty,
  host: kEnumerableProperty,
  hostname: kEnumerableProperty,
  port: kEnumerableProperty,
  pathname: kEnumerableProperty,
  search: kEnumerableProperty,
  searchParams: kEnumerableProperty,
  hash: kEnumerableProperty,
  toJSON: kEnumerableProperty,
});

// Blob URLs need a Blob implementation, which this runtime does not have:
// createObjectURL() rejects its argument as Node does for a non-Blob.
function createObjectURL(obj) {
  const Blob = globalThis.Blob;
  if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
    throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  }
  throw new ERR_METHOD_NOT_IMPLEMENTED('URL.createObjectURL()');
}

function revokeObjectURL(url) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
}

Object.defineProperties(URL, {
  canParse: { configurable: true, writable: true, enumerable: true },
  parse: { configurable: true, writable: true, enumerable: true },
  createObjectURL: { configurable: true, writable: true, enumerable: true, value: createObjectURL },
  revokeObjectURL: { configurable: true, writable: true, enumerable: true, value: revokeObjectURL },
});

// --- helpers -----------------------------------------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return toUnicode(`${domain}`);
}

// Punycode (RFC 3492) decoding of one label; null when malformed.
function punycodeDecode(input) {
  const base = 36;
  const output = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) return null;
    output.push(input.charCodeAt(j));
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let idx = basic > 0 ? basic + 1 : 0; idx < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (idx >= input.length) return null;
      const c = input.charCodeAt(idx++);
      let digit;
      if (c >= 0x30 && c <= 0x39) digit = c - 22;
      else if (c >= 0x41 && c <= 0x5a) digit = c - 0x41;
      else if (c >= 0x61 && c <= 0x7a) digit = c - 0x61;
      else return null;
      i += digit * w;
      const t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias);
      if (digit < t) break;
      w *= base - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return null;
    }
    const len = output.length + 1;
    // Bias adaptation.
    let delta = oldi === 0 ? Math.floor((i - oldi) / 700) : (i - oldi) >> 1;
    delta += Math.floor(delta / len);
    let k = 0;
    while (delta > 455) {
      delta = Math.floor(delta / 35);
      k += base;
    }
    bias = k + Math.floor((36 * delta) / (delta + 38));
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

// IDNA ToUnicode: validates through the host parser (invalid gives ''), then
// decodes the xn-- labels.
function toUnicode(domain) {
  const ascii = binding.domainToUnicode(domain);
  if (ascii === '' || !ascii.includes('xn--')) return ascii;
  const labels = ascii.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded !== null) labels[i] = decoded;
    }
  }
  return labels.join('.');
}

// A URL as the options object http.request() takes.
function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = decodeURIComponent(pathname.replace(/\//g, '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname.charAt(2) !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function fileURLToPath(path, options = kEmptyObject) {
  const windows = options?.windows;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// Characters a file path may hold that a URL path must escape.
const pathEscapes = [
  ['%', '%25'], ['\t', '%09'], ['\n', '%0A'], ['\r', '%0D'], [' ', '%20'], ['"', '%22'],
  ['#', '%23'], ['?', '%3F'], ['[', '%5B'], ['\\', '%5C'], [']', '%5D'], ['^', '%5E'],
  ['|', '%7C'], ['~', '%7E'],
];

function encodePathChars(filepath, windows) {
  for (let i = 0; i < pathEscapes.length; i++) {
    const [ch, esc] = pathEscapes[i];
    if (ch === '\\' && windows) continue;
    if (filepath.includes(ch)) filepath = filepath.split(ch).join(esc);
  }
  return filepath;
}

function pathToFileURL(filepath, options = kEmptyObject) {
  const path = require('path');
  const windows = options?.windows ?? false;
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== path.sep) {
    resolved += '/';
  }
  return new URL(`file://${encodePathChars(resolved, windows)}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// Protocol sets the legacy url.parse()/format() use.
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

module.exports = {
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  URL,
  URLSearchParams,
  URLParse: URL.parse,
  domainToASCII,
  domainToUnicode,
  urlToHttpOptions,
  isURL,
  unsafeProtocol,
  hostlessProtocol,
  slashedProtocol,
  // Shared with querystring and url.
  encodeStr,
  hexTable,
  isHexTable,
  makeNoEscapeTable,
  parseParams,
  serializeParams,
};
