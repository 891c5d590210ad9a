// peer: python3 tests/peers/tcp_peer.py client
'use strict';
// A client that is not weft (Python) sends 1 MiB to a weft echo server in
// uneven writes and half-closes; weft echoes everything, then ends.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer(common.mustCall((socket) => {
  socket.pipe(socket);
  socket.on('end', common.mustCall());
  socket.on('close', common.mustCall(() => {
    assert.strictEqual(socket.bytesRead, 1 << 20);
    assert.strictEqual(socket.bytesWritten, 1 << 20);
    server.close();
  }));
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const control = net.connect(common.peerPort(), '127.0.0.1', () => {
    control.write(`${server.address().port}\n`);
  });
  let answer = '';
  control.setEncoding('utf8');
  control.on('data', (d) => { answer += d; });
  control.on('end', common.mustCall(() => {
    assert.strictEqual(answer, `ok ${1 << 20}\n`);
  }));
}));
