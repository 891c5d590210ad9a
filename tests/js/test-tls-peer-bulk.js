// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// 1 MiB from a weft TLS client to a server that is not weft (Python's ssl,
// echoing), byte for byte: once as a single write() larger than a TLS
// record and rustls's 64 KiB buffer, once in uneven writes, with end() right
// after; bytesWritten and bytesRead count the plaintext.
const common = require('../common');
const { peer, readInfo, pattern } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

async function roundTrip({ pem, ports }, write) {
  const socket = tls.connect({ host: '127.0.0.1', port: ports.good, servername: 'localhost', ca: pem.ca });
  await new Promise((resolve) => socket.on('secureConnect', resolve));
  await readInfo(socket);
  // The server's first line (it sends nothing more until it gets data).
  const before = socket.bytesRead;
  const data = pattern(1 << 20);
  const received = [];
  socket.on('data', (d) => received.push(d));
  socket.resume();
  write(socket, data);
  await new Promise((resolve) => socket.on('end', resolve));
  const all = Buffer.concat(received);
  assert.strictEqual(all.length, data.length);
  assert.ok(all.equals(data), 'echoed bytes differ');
  await new Promise((resolve) => socket.on('close', resolve));
  assert.strictEqual(socket.bytesWritten, data.length);
  assert.strictEqual(socket.bytesRead, before + data.length);
}

async function main() {
  const p = await peer();
  await roundTrip(p, (socket, data) => socket.end(data));
  await roundTrip(p, (socket, data) => {
    let off = 0;
    let size = 1;
    while (off < data.length) {
      const n = Math.min(size, data.length - off);
      socket.write(data.subarray(off, off + n));
      off += n;
      size = (size * 7 + 5) % 90000 || 1;
    }
    socket.end();
  });
}

main().then(common.mustCall());
