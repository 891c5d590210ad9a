// peer: python3 tests/peers/tcp_peer.py echo
'use strict';
// A weft client against an echo server that is not weft (Python's socket module).
const common = require('../common');
const assert = require('assert');
const net = require('net');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

// 1 MiB of varied bytes, written in uneven chunks, must come back unchanged.
const data = Buffer.alloc(1 << 20);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 0xff;

const socket = net.connect({ port, host: '127.0.0.1' }, common.mustCall(() => {
  let off = 0;
  let size = 1;
  while (off < data.length) {
    const n = Math.min(size, data.length - off);
    socket.write(data.subarray(off, off + n));
    off += n;
    size = (size * 3 + 1) % 70000 || 1;
  }
  socket.end();
}));
const received = [];
socket.on('data', (d) => received.push(d));
socket.on('end', common.mustCall(() => {
  const all = Buffer.concat(received);
  assert.strictEqual(all.length, data.length);
  assert.ok(all.equals(data), 'echoed bytes differ');
  assert.strictEqual(socket.bytesRead, data.length);
  assert.strictEqual(socket.bytesWritten, data.length);
}));
socket.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, false)));
