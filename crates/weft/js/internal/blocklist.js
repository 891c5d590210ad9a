'use strict';

// net.BlockList as in Node 20 (lib/internal/blocklist.js), plus
// BlockList.isBlockList() from Node 22. Node keeps the rules in C++
// (SocketAddressBlockList in src/node_sockaddr.cc); here they are JS objects
// over the 128-bit keys internal/socketaddress gives each address (IPv4 as
// ::ffff:a.b.c.d), which reproduces Node's matching:
//
// - an address rule matches the same address, and an IPv4 rule also matches
//   its IPv4-mapped IPv6 form (and the other way round);
// - a subnet rule compares the leading bits, an IPv4 prefix counting from
//   bit 96 of the mapped form, so ::ffff:10.0.0.1 is in 10.0.0.0/8 and
//   10.0.0.1 is in ::ffff:10.0.0.0/104;
// - a range rule compares addresses in order; an IPv4 address and an IPv6
//   address that is not IPv4-mapped are not comparable, so never in range.
//
// Rules are listed (and were checked by Node) newest first.

const {
  SocketAddress,
  kHandle: kAddressHandle,
  customInspect,
} = require('internal/socketaddress');
const { customInspectSymbol } = require('internal/util');

const kRules = Symbol('kRules');

const { codes } = require('internal/errors');
const validators = require('internal/validators');

const kNotComparable = -2;
const kMappedHigh = 0xffffn;

// SocketAddress::compare: -1, 0, 1, or kNotComparable.
function compare(a, b) {
  if (a.family !== b.family) {
    const v6 = a.family === 6 ? a : b;
    if ((v6.key >> 32n) !== kMappedHigh) return kNotComparable;
  }
  return a.key < b.key ? -1 : (a.key > b.key ? 1 : 0);
}

function familyName(handle) {
  return handle.family === 4 ? 'IPv4' : 'IPv6';
}

function toSocketAddress(value, name, family) {
  if (SocketAddress.isSocketAddress(value)) return value;
  const { validateString } = validators;
  validateString(value, name);
  validateString(family, 'family');
  return new SocketAddress({ address: value, family });
}

class AddressRule {
  constructor(address) {
    this.address = address;
  }

  apply(handle) {
    return handle.key === this.address.key;
  }

  toString() {
    return `Address: ${familyName(this.address)} ${this.address.address}`;
  }
}

class RangeRule {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }

  apply(handle) {
    const lo = compare(handle, this.start);
    if (lo !== 0 && lo !== 1) return false;
    const hi = compare(handle, this.end);
    return hi === 0 || hi === -1;
  }

  toString() {
    return `Range: ${familyName(this.start)} ${this.start.address}-${this.end.address}`;
  }
}

class SubnetRule {
  constructor(network, prefix) {
    this.network = network;
    this.prefix = prefix;
    this.shift = BigInt(128 - (network.family === 4 ? prefix + 96 : prefix));
    this.bits = network.key >> this.shift;
  }

  apply(handle) {
    return (handle.key >> this.shift) === this.bits;
  }

  toString() {
    return `Subnet: ${familyName(this.network)} ${this.network.address}/${this.prefix}`;
  }
}

class BlockList {
  constructor() {
    Object.defineProperty(this, kRules, { value: [], enumerable: true });
  }

  static isBlockList(value) {
    return value?.[kRules] !== undefined;
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, 'BlockList', { rules: this.rules }, depth, options);
  }

  addAddress(address, family = 'ipv4') {
    address = toSocketAddress(address, 'address', family);
    this[kRules].push(new AddressRule(address[kAddressHandle]));
  }

  addRange(start, end, family = 'ipv4') {
    start = toSocketAddress(start, 'start', family);
    end = toSocketAddress(end, 'end', family);
    const rules = this[kRules];
    const s = start[kAddressHandle];
    const e = end[kAddressHandle];
    if (compare(s, e) === 1) {
      throw new (codes.ERR_INVALID_ARG_VALUE)('start', start, 'must come before end');
    }
    rules.push(new RangeRule(s, e));
  }

  addSubnet(network, prefix, family = 'ipv4') {
    network = toSocketAddress(network, 'network', family);
    const handle = network[kAddressHandle];
    validators.validateInt32(prefix, 'prefix', 0, handle.family === 4 ? 32 : 128);
    this[kRules].push(new SubnetRule(handle, prefix));
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      const { validateString } = validators;
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        address = new SocketAddress({ address, family });
      } catch {
        // Not a valid address: nothing can block it.
        return false;
      }
    }
    const handle = address[kAddressHandle];
    const rules = this[kRules];
    for (let i = rules.length - 1; i >= 0; i--) {
      if (rules[i].apply(handle)) return true;
    }
    return false;
  }

  get rules() {
    const rules = this[kRules];
    const out = [];
    for (let i = rules.length - 1; i >= 0; i--) out.push(rules[i].toString());
    return out;
  }
}

module.exports = {
  BlockList,
};
