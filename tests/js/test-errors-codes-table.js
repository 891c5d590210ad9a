// Flags: --expose-internals
'use strict';

// internal/errors registers the codes start-up needs and reads the rest of
// Node's table on first lookup. Whatever the first access is, every code is
// there with its message, and each one's message function runs (no helper
// the table refers to is missing). Passes on Node 20 as on weft.

const common = require('../common');
const assert = require('assert');
const { codes } = require('internal/errors');

// The first access to a code outside the start-up set is an `in` check.
assert.ok('ERR_SOCKET_CLOSED' in codes);
assert.ok(!('ERR_NO_SUCH_CODE' in codes));
assert.strictEqual(codes.ERR_NO_SUCH_CODE, undefined);

assert.strictEqual(new codes.ERR_SOCKET_CLOSED().message, 'Socket is closed');
assert.strictEqual(new codes.ERR_STREAM_WRITE_AFTER_END().message, 'write after end');
assert.strictEqual(new codes.ERR_INVALID_IP_ADDRESS('1.2.3').message, 'Invalid IP address: 1.2.3');
assert.strictEqual(new codes.ERR_MISSING_ARGS('a', 'b').message,
                   'The "a" and "b" arguments must be specified');
assert.strictEqual(new codes.ERR_INVALID_ARG_TYPE('x', 'string', 1).message,
                   'The "x" argument must be of type string. Received type number (1)');
const e = new codes.ERR_SOCKET_BAD_PORT('port', -1);
assert.strictEqual(e.code, 'ERR_SOCKET_BAD_PORT');
assert.ok(e instanceof RangeError);

// Every code: its class builds and its message function runs.
const keys = Object.keys(codes);
assert.ok(keys.length > 150, `only ${keys.length} codes`);
const ctx = { code: 'EISDIR', message: 'is a directory', syscall: 'rm', path: '/a' };
let built = 0;
for (const key of keys) {
  const C = codes[key];
  assert.strictEqual(typeof C, 'function', key);
  let err;
  for (const args of [['a', 'b', 'c'], ['a', ['b'], 1], [ctx], []]) {
    try {
      err = new C(...args);
      break;
    } catch (x) {
      assert.ok(!(x instanceof ReferenceError), `${key}: ${x.stack}`);
    }
  }
  if (err !== undefined) {
    assert.strictEqual(err.code, key);
    assert.strictEqual(typeof err.message, 'string', key);
    built++;
  }
}
assert.ok(built > keys.length * 0.8, `${built} of ${keys.length} built`);

// Writes to `codes` stick, before and after the table is read.
codes.ERR_SOCKET_CLOSED = 42;
assert.strictEqual(codes.ERR_SOCKET_CLOSED, 42);

common.mustCall(() => {})();
