'use strict';

// dns.lookup and dns.promises.lookup over the system resolver
// (getaddrinfo on a blocking thread, as Node's cares_wrap.getaddrinfo).

const binding = internalBinding('dns');
const { isIP } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  dnsException,
} = require('internal/errors');
const { validateFunction, validateString, validateOneOf, validateBoolean } = require('internal/validators');

const ADDRCONFIG = binding.AI_ADDRCONFIG;
const V4MAPPED = binding.AI_V4MAPPED;
const ALL = binding.AI_ALL;

const validFamilies = [0, 4, 6];
let defaultResultOrder = 'verbatim';

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

function parseLookupOptions(options) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = defaultResultOrder;
  if (typeof options === 'number' || typeof options === 'string') {
    validateOneOf(+options, 'family', validFamilies);
    family = +options;
  } else if (options !== null && typeof options === 'object') {
    if (options.hints != null) {
      if (typeof options.hints !== 'number') throw new ERR_INVALID_ARG_TYPE('options.hints', 'number', options.hints);
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
          break;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      order = options.order;
    }
  } else if (options !== undefined) {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  return { hints, family, all, order };
}

function sortAddresses(list, order) {
  if (order === 'ipv4first') return list.filter((a) => a[1] === 4).concat(list.filter((a) => a[1] === 6));
  if (order === 'ipv6first') return list.filter((a) => a[1] === 6).concat(list.filter((a) => a[1] === 4));
  return list;
}

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { hints, family, all, order } = parseLookupOptions(options);

  if (!hostname) {
    // Node answers an empty host name with null/undefined at once.
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, hostname, matchedFamily);
    return {};
  }
  binding.getaddrinfo(hostname, family, hints, (err, addresses) => {
    if (err) {
      callback(dnsException(err, 'getaddrinfo', hostname));
      return;
    }
    const sorted = sortAddresses(addresses, order);
    if (all) {
      callback(null, sorted.map(([address, fam]) => ({ address, family: fam })));
    } else if (sorted.length === 0) {
      callback(dnsException('ENOTFOUND', 'getaddrinfo', hostname));
    } else {
      callback(null, sorted[0][0], sorted[0][1]);
    }
  });
  return {};
}

Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.custom'), {
  value: (hostname, options) => promises.lookup(hostname, options),
  enumerable: false,
});

const promises = {
  lookup(hostname, options) {
    if (hostname) validateString(hostname, 'hostname');
    parseLookupOptions(options);
    return new Promise((resolve, reject) => {
      const all = options !== null && typeof options === 'object' && options.all === true;
      lookup(hostname, options, (err, address, family) => {
        if (err) reject(err);
        else if (all) resolve(address);
        else resolve({ address, family });
      });
    });
  },
  setDefaultResultOrder,
  getDefaultResultOrder,
};

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['ipv4first', 'ipv6first', 'verbatim']);
  defaultResultOrder = order;
}

function getDefaultResultOrder() {
  return defaultResultOrder;
}

module.exports = {
  lookup,
  promises,
  setDefaultResultOrder,
  getDefaultResultOrder,
  ADDRCONFIG,
  V4MAPPED,
  ALL,
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};
void ERR_MISSING_ARGS;
