// peer: python3 tests/peers/tcp_peer.py reset
'use strict';
// A peer that aborts with RST: weft reports ECONNRESET with Node's fields.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const c = net.connect(common.peerPort(), '127.0.0.1', common.mustCall(() => {
  c.write('x');
}));
c.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ECONNRESET');
  assert.strictEqual(err.errno, -104);
  assert.strictEqual(err.syscall, 'read');
  assert.strictEqual(err.message, 'read ECONNRESET');
  assert.ok(err instanceof Error);
}));
c.on('end', common.mustNotCall());
c.on('close', common.mustCall((hadError) => {
  assert.strictEqual(hadError, true);
  assert.strictEqual(c.destroyed, true);
}));
