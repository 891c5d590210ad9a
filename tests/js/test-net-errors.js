'use strict';
// System errors carry Node's code, errno, syscall, address and port.
const common = require('../common');
const assert = require('assert');
const net = require('net');

// ECONNREFUSED: listen, learn a free port, close, then connect to it.
const probe = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = probe.address();
  probe.close(common.mustCall(() => {
    const c = net.connect(port, '127.0.0.1');
    c.on('connect', common.mustNotCall());
    c.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -111);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
    }));
    c.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, true)));
  }));
}));

// EADDRINUSE on a port another server holds.
const holder = net.createServer().listen(0, common.mustCall(() => {
  const { port } = holder.address();
  const second = net.createServer();
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `listen EADDRINUSE: address already in use ${err.address}:${port}`);
    holder.close();
  }));
  second.listen(port);
}));

// ENOTFOUND from the resolver (.invalid never resolves, RFC 6761).
const d = net.connect(80, 'no-such-host.invalid');
d.on('lookup', common.mustCall((err, address, family, host) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(host, 'no-such-host.invalid');
}));
d.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND no-such-host.invalid');
}));

// Argument errors are thrown synchronously.
assert.throws(() => net.connect({ port: 70000 }), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
  message: 'Port should be >= 0 and < 65536. Received type number (70000).',
});
assert.throws(() => net.connect({ port: 1, localAddress: 'nope' }), { code: 'ERR_INVALID_IP_ADDRESS' });
assert.throws(() => net.createServer().listen({}), { code: 'ERR_INVALID_ARG_VALUE' });
const s = net.createServer();
s.listen(0, common.mustCall(() => {
  assert.throws(() => s.listen(0), { code: 'ERR_SERVER_ALREADY_LISTEN' });
  s.close();
  s.close(common.mustCall((err) => assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING')));
}));
