'use strict';

// dns.lookup and dns.promises.lookup over the system resolver
// (getaddrinfo on a blocking thread, as Node's cares_wrap.getaddrinfo).

const binding = internalBinding('dns');
const { isIP } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  dnsException,
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateOneOf, validateString,
} = require('internal/validators');
const { kCustomPromisifyArgsSymbol } = require('internal/util');

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

let invalidHostnameWarningEmitted = false;
function emitInvalidHostnameWarning(hostname) {
  if (!invalidHostnameWarningEmitted) {
    process.emitWarning(
      `The provided hostname "${hostname}" is not a valid ` +
      'hostname, and is supported in the dns module solely for compatibility.',
      'DeprecationWarning', 'DEP0118');
    invalidHostnameWarningEmitted = true;
  }
}

// The fields of a lookup options object (hints, family, all, verbatim, order).
function parseLookupObject(options, out) {
  if (options?.hints != null) {
    validateNumber(options.hints, 'options.hints');
    out.hints = options.hints >>> 0;
    validateHints(out.hints);
  }
  if (options?.family != null) {
    switch (options.family) {
      case 'IPv4': out.family = 4; break;
      case 'IPv6': out.family = 6; break;
      default:
        validateOneOf(options.family, 'options.family', validFamilies);
        out.family = options.family;
        break;
    }
  }
  if (options?.all != null) {
    validateBoolean(options.all, 'options.all');
    out.all = options.all;
  }
  if (options?.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    out.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options?.order != null) {
    validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
    out.order = options.order;
  }
  return out;
}

function sortAddresses(list, order) {
  if (order === 'ipv4first') return list.filter((a) => a[1] === 4).concat(list.filter((a) => a[1] === 6));
  if (order === 'ipv6first') return list.filter((a) => a[1] === 6).concat(list.filter((a) => a[1] === 4));
  return list;
}

// Resolves `hostname` with getaddrinfo; `done(err, sortedList)` gets
// [address, family] pairs. Returns the request object.
function getaddrinfo(hostname, opts, done) {
  binding.getaddrinfo(hostname, opts.family, opts.hints, (err, addresses) => {
    if (err) {
      done(dnsException(err, 'getaddrinfo', hostname));
      return;
    }
    const list = sortAddresses(addresses, opts.order);
    if (list.length === 0) {
      done(dnsException('ENOTFOUND', 'getaddrinfo', hostname));
      return;
    }
    done(null, list);
  });
  return {};
}

// lookup(hostname[, options], callback)
function lookup(hostname, options, callback) {
  const opts = { hints: 0, family: 0, all: false, order: defaultResultOrder };

  if (hostname) validateString(hostname, 'hostname');

  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    opts.family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    validateFunction(callback, 'callback');
    parseLookupObject(options, opts);
  }
  const { family, all } = opts;

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
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

  return getaddrinfo(hostname, opts, (err, list) => {
    if (err) callback(err);
    else if (all) callback(null, list.map(([address, fam]) => ({ address, family: family || fam })));
    else callback(null, list[0][0], family || list[0][1]);
  });
}

// util.promisify(dns.lookup) resolves to { address, family }.
Object.defineProperty(lookup, kCustomPromisifyArgsSymbol, {
  value: ['address', 'family'],
  enumerable: false,
});

const promises = {
  lookup(hostname, options) {
    const opts = { hints: 0, family: 0, all: false, order: defaultResultOrder };
    if (hostname) validateString(hostname, 'hostname');
    if (typeof options === 'number') {
      validateOneOf(options, 'family', validFamilies);
      opts.family = options;
    } else if (options !== undefined && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
    } else {
      parseLookupObject(options, opts);
    }
    const { family, all } = opts;
    return new Promise((resolve, reject) => {
      if (!hostname) {
        emitInvalidHostnameWarning(hostname);
        resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
        return;
      }
      const matchedFamily = isIP(hostname);
      if (matchedFamily !== 0) {
        const result = { address: hostname, family: matchedFamily };
        resolve(all ? [result] : result);
        return;
      }
      getaddrinfo(hostname, opts, (err, list) => {
        if (err) {
          reject(err);
          return;
        }
        const results = list.map(([address, fam]) => ({ address, family: family || fam }));
        resolve(all ? results : results[0]);
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
