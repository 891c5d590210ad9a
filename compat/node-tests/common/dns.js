'use strict';

// Stand-in for the parts of Node's test/common/dns.js that the net tests
// use: lookup functions that answer without a resolver.

const { isIP } = require('net');

const mockedErrorCode = 'ENOTFOUND';
const mockedSysCall = 'getaddrinfo';

function errorLookupMock(code = mockedErrorCode, syscall = mockedSysCall) {
  return function lookupWithError(hostname, dnsopts, cb) {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.errno = code;
    err.syscall = syscall;
    err.hostname = hostname;
    cb(err);
  };
}

// A lookup that answers every name with the given addresses, in order.
function createMockedLookup(...addresses) {
  const list = addresses.map((address) => ({ address, family: isIP(address) }));
  return function lookup(hostname, options, cb) {
    if (options.all === true) {
      process.nextTick(() => cb(null, list));
      return;
    }
    process.nextTick(() => cb(null, list[0].address, list[0].family));
  };
}

module.exports = {
  createMockedLookup,
  errorLookupMock,
  mockedErrorCode,
  mockedSysCall,
};
