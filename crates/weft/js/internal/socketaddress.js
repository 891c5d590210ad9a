'use strict';

// net.SocketAddress as in Node 20 (lib/internal/socketaddress.js), plus
// SocketAddress.parse() from Node 22. Node keeps the address in a native
// sockaddr and parses it with libuv's inet_pton; here the parsing and
// printing are done in JS and follow libuv's rules exactly (strict dotted
// quads without leading zeros, `%zone` suffixes dropped for IPv6, RFC 5952
// style output with libuv's choice of when to print an embedded IPv4 tail).
//
// Each instance carries a frozen record under `kHandle`:
//   { family: 4 | 6, address, port, flowlabel, key }
// where `key` is the address as a 128-bit BigInt, IPv4 addresses mapped into
// ::ffff:0:0/96. internal/blocklist compares those keys.

const { customInspectSymbol, kEmptyObject } = require('internal/util');

const kHandle = Symbol('kHandle');

const { codes } = require('internal/errors');
const validators = require('internal/validators');

let lazyInspectFn;
function inspect(value, options) {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn(value, options);
}

let lazyURL;
function getURL() {
  if (lazyURL === undefined) lazyURL = require('internal/url').URL;
  return lazyURL;
}

// The error Node's C++ layer throws (THROW_ERR_INVALID_ADDRESS): a plain
// Error whose stack starts "Error: Invalid socket address", with an
// enumerable `code`.
function invalidAddressError() {
  const err = new Error('Invalid socket address');
  err.code = 'ERR_INVALID_ADDRESS';
  return err;
}

// ---------------------------------------------------------------------------
// Parsing (libuv's inet_pton4 / inet_pton6).

// Writes the four bytes of a dotted quad into `out` at `pos`. Returns false
// unless `str.slice(start)` is exactly four decimal octets, each 0-255 and
// without leading zeros.
function parseIPv4Into(str, start, out, pos) {
  let octets = 0;
  let sawDigit = false;
  let cur = 0;
  const bytes = [];
  for (let i = start; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (sawDigit && cur === 0) return false;
      cur = cur * 10 + (c - 48);
      if (cur > 255) return false;
      if (!sawDigit) {
        if (++octets > 4) return false;
        sawDigit = true;
      }
    } else if (c === 46 /* . */ && sawDigit) {
      if (octets === 4) return false;
      bytes.push(cur);
      cur = 0;
      sawDigit = false;
    } else {
      return false;
    }
  }
  if (octets < 4) return false;
  bytes.push(cur);
  for (let i = 0; i < 4; i++) out[pos + i] = bytes[i];
  return true;
}

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// Returns 16 bytes, or null when `str` is not an IPv6 address.
function parseIPv6Bytes(str) {
  const tmp = new Array(16).fill(0);
  let tp = 0;
  let colonp = -1;
  let i = 0;
  if (str.charCodeAt(0) === 58 /* : */) {
    if (str.charCodeAt(1) !== 58) return null;
    i = 1;
  }
  let curtok = i;
  let seenXDigits = 0;
  let val = 0;
  let sawIPv4 = false;
  while (i < str.length) {
    const c = str.charCodeAt(i++);
    const h = hexValue(c);
    if (h !== -1) {
      val = (val << 4) | h;
      if (++seenXDigits > 4) return null;
      continue;
    }
    if (c === 58 /* : */) {
      curtok = i;
      if (seenXDigits === 0) {
        if (colonp !== -1) return null;
        colonp = tp;
        continue;
      } else if (i === str.length) {
        return null;
      }
      if (tp + 2 > 16) return null;
      tmp[tp++] = (val >> 8) & 0xff;
      tmp[tp++] = val & 0xff;
      seenXDigits = 0;
      val = 0;
      continue;
    }
    if (c === 46 /* . */ && tp + 4 <= 16 && parseIPv4Into(str, curtok, tmp, tp)) {
      tp += 4;
      seenXDigits = 0;
      sawIPv4 = true;
      break;
    }
    return null;
  }
  if (seenXDigits !== 0 && !sawIPv4) {
    if (tp + 2 > 16) return null;
    tmp[tp++] = (val >> 8) & 0xff;
    tmp[tp++] = val & 0xff;
  }
  if (colonp !== -1) {
    if (tp === 16) return null;
    const n = tp - colonp;
    for (let k = 1; k <= n; k++) {
      tmp[16 - k] = tmp[colonp + n - k];
      tmp[colonp + n - k] = 0;
    }
    tp = 16;
  }
  if (tp !== 16) return null;
  return tmp;
}

// The part of a JS string a C string would see (Node passes it through
// Utf8Value, so an embedded NUL ends it).
function cString(str) {
  const nul = str.indexOf('\0');
  return nul === -1 ? str : str.slice(0, nul);
}

// uv_ip4_addr: returns the address as a uint32, or -1.
function parseIPv4(str) {
  const bytes = [0, 0, 0, 0];
  if (!parseIPv4Into(cString(str), 0, bytes, 0)) return -1;
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}

// uv_ip6_addr: a `%zone` suffix is dropped (what precedes it is cut to 39
// characters, as libuv's buffer does). Returns a BigInt, or -1.
function parseIPv6(str) {
  str = cString(str);
  const zone = str.indexOf('%');
  if (zone !== -1) str = str.slice(0, Math.min(zone, 39));
  const bytes = parseIPv6Bytes(str);
  if (bytes === null) return -1;
  let v = 0n;
  for (let i = 0; i < 16; i += 2) v = (v << 16n) | BigInt((bytes[i] << 8) | bytes[i + 1]);
  return v;
}

// ---------------------------------------------------------------------------
// Printing (libuv's inet_ntop4 / inet_ntop6).

function formatIPv4(n) {
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

function formatIPv6(v) {
  const words = new Array(8);
  for (let i = 7; i >= 0; i--) {
    words[i] = Number(v & 0xffffn);
    v >>= 16n;
  }
  // The longest run of zero words (the first one on a tie), if at least two.
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else {
        curLen++;
      }
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;

  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) tails.
    if (i === 6 && bestBase === 0 &&
        (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += formatIPv4(((words[6] << 16) | words[7]) >>> 0);
      return out;
    }
    out += words[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

const kMappedPrefix = 0xffff00000000n;

function createHandle(family, address, port, flowlabel) {
  let key;
  let text;
  if (family === 4) {
    const n = parseIPv4(address);
    if (n === -1) return null;
    key = kMappedPrefix | BigInt(n);
    text = formatIPv4(n);
  } else {
    key = parseIPv6(address);
    if (key === -1) return null;
    text = formatIPv6(key);
  }
  return Object.freeze({
    family,
    address: text,
    port,
    flowlabel: family === 6 ? flowlabel : 0,
    key,
  });
}

// ---------------------------------------------------------------------------

function customInspect(self, name, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth == null ? null : options.depth - 1,
  });
  return `${name} ${inspect(obj, opts)}`;
}

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kHandle] !== undefined;
  }

  // Node 22: 'a.b.c.d[:port]' or '[v6][:port]', read with the WHATWG URL
  // parser; undefined when that fails or the host is not an IP address.
  static parse(input) {
    validators.validateString(input, 'input');
    try {
      const URL = getURL();
      const { hostname, port } = new URL(`http://${input}`);
      if (hostname.startsWith('[') && hostname.endsWith(']')) {
        return new SocketAddress({
          address: hostname.slice(1, -1),
          port: port | 0,
          family: 'ipv6',
        });
      }
      return new SocketAddress({ address: hostname, port: port | 0 });
    } catch {
      return undefined;
    }
  }

  constructor(options = kEmptyObject) {
    const { validateObject, validateString, validatePort, validateUint32 } = validators;
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      // As in Node, the default address is chosen before `family` is
      // lower-cased: { family: 'IPv4' } alone defaults to '::' and fails.
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;

    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    let type;
    if (family === 'ipv4') {
      type = 4;
    } else if (family === 'ipv6') {
      type = 6;
    } else {
      throw new (codes.ERR_INVALID_ARG_VALUE)('options.family', options.family);
    }

    validateString(address, 'options.address');
    const portNumber = validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    // Node aborts the process on a flow label wider than 20 bits (a CHECK in
    // SocketAddress::set_flow_label); this throws instead. IPv4 ignores it.
    if (type === 6 && flowlabel > 0xfffff) {
      throw new (codes.ERR_OUT_OF_RANGE)('options.flowlabel', '>= 0 && <= 1048575', flowlabel);
    }

    const handle = createHandle(type, address, portNumber, flowlabel);
    if (handle === null) throw invalidAddressError();
    // Enumerable, like Node's: util.inspect past its depth then shows
    // [SocketAddress] rather than an empty SocketAddress {}.
    Object.defineProperty(this, kHandle, { value: handle, enumerable: true });
  }

  get address() {
    return this[kHandle].address;
  }

  get port() {
    return this[kHandle].port;
  }

  get family() {
    return this[kHandle].family === 4 ? 'ipv4' : 'ipv6';
  }

  get flowlabel() {
    return this[kHandle].flowlabel;
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, 'SocketAddress', this.toJSON(), depth, options);
  }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }
}

module.exports = {
  SocketAddress,
  kHandle,
  customInspect,
  parseIPv4,
  parseIPv6,
  formatIPv4,
  formatIPv6,
};
