'use strict';
// Unix domain sockets: listen(path), connect({ path }), address() as the path,
// the socket file removed on close, EADDRINUSE and ENOENT as Node reports them.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-unix-'));
const sock = path.join(dir, 'echo.sock');
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const server = net.createServer(common.mustCall((c) => {
  assert.strictEqual(c.remoteAddress, undefined);
  c.pipe(c);
}));
server.listen(sock, common.mustCall(() => {
  assert.strictEqual(server.address(), sock);
  assert.ok(fs.statSync(sock).isSocket());

  // A second server on the same path fails like Node.
  const dup = net.createServer();
  dup.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.address, sock);
    assert.strictEqual(err.message, `listen EADDRINUSE: address already in use ${sock}`);
  }));
  dup.listen(sock);

  const client = net.createConnection({ path: sock }, common.mustCall(() => {
    client.end('over unix');
  }));
  let data = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(data, 'over unix');
    server.close(common.mustCall(() => {
      assert.strictEqual(fs.existsSync(sock), false, 'socket file unlinked on close');
    }));
  }));
}));

// Connecting to a missing path.
const missing = net.connect(path.join(dir, 'nope.sock'));
missing.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'connect');
  assert.strictEqual(err.address, path.join(dir, 'nope.sock'));
  assert.strictEqual(err.message, `connect ENOENT ${path.join(dir, 'nope.sock')}`);
}));
