'use strict';
// maxConnections drops excess connections (with Node's 'drop' event), and
// getConnections counts; server.close waits for live connections before 'close'.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer();
server.maxConnections = 2;
const live = [];
server.on('connection', (s) => {
  live.push(s);
  s.resume();
});
server.on('drop', common.mustCall((data) => {
  assert.strictEqual(data.localAddress, '127.0.0.1');
  assert.strictEqual(data.localPort, server.address().port);
  assert.strictEqual(data.remoteAddress, '127.0.0.1');
  assert.strictEqual(data.remoteFamily, 'IPv4');
  assert.strictEqual(typeof data.remotePort, 'number');
  server.getConnections(common.mustSucceed((n) => {
    assert.strictEqual(n, 2);
    let sync = true;
    server.close(common.mustCall(() => {
      assert.strictEqual(live.every((s) => s.destroyed), true);
    }));
    assert.strictEqual(server.listening, false);
    // Connections stay up after close() until they end.
    for (const c of clients.slice(0, 2)) c.end();
    sync = false;
    void sync;
  }));
}));

const clients = [];
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const connectNext = () => {
    const c = net.connect(port, '127.0.0.1');
    clients.push(c);
    c.resume();
    c.on('error', () => {});
    c.on('connect', () => {
      if (clients.length < 3) setImmediate(connectNext);
    });
  };
  connectNext();
}));

// getConnections answers asynchronously.
const s2 = net.createServer();
let answered = false;
s2.getConnections(common.mustSucceed((n) => {
  answered = true;
  assert.strictEqual(n, 0);
}));
assert.strictEqual(answered, false);
