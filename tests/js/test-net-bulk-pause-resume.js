'use strict';
// 100 MB between a weft server and a weft client in random-sized writes,
// through a reader that pauses and resumes; checked byte for byte, with
// bytesRead/bytesWritten equal on both ends.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const TOTAL = 100 * 1000 * 1000;
// The stream is a repeating pattern with an odd period, so misplaced bytes show.
const PERIOD = (1 << 20) + 7;
const pattern = Buffer.alloc(PERIOD * 2);
for (let i = 0; i < PERIOD; i++) pattern[i] = pattern[i + PERIOD] = (i * 7 + (i >> 9)) & 0xff;

// The n bytes of the stream starting at offset pos (n <= PERIOD).
function window(pos, n) {
  const start = pos % PERIOD;
  return pattern.subarray(start, start + n);
}

let seed = 99;
function rand(n) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

let serverRead = -1;
const server = net.createServer(common.mustCall((sock) => {
  let pos = 0;
  let paused = 0;
  sock.on('data', (d) => {
    for (let off = 0; off < d.length; off += PERIOD) {
      const n = Math.min(PERIOD, d.length - off);
      if (!d.subarray(off, off + n).equals(window(pos + off, n))) assert.fail(`bytes differ near ${pos + off}`);
    }
    pos += d.length;
    if (rand(8) === 0) {
      paused++;
      sock.pause();
      assert.strictEqual(sock.isPaused(), true);
      setImmediate(() => sock.resume());
    }
  });
  sock.on('end', common.mustCall(() => {
    assert.strictEqual(pos, TOTAL);
    assert.ok(paused > 0);
    sock.end();
  }));
  sock.on('close', common.mustCall(() => {
    serverRead = sock.bytesRead;
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  function pump() {
    while (sent < TOTAL) {
      const n = Math.min(1 + rand(150000), TOTAL - sent);
      const chunk = window(sent, n);
      sent += n;
      if (!c.write(chunk)) {
        c.once('drain', pump);
        return;
      }
    }
    c.end();
  }
  c.on('connect', pump);
  c.resume();
  c.on('close', common.mustCall(() => {
    assert.strictEqual(c.bytesWritten, TOTAL);
    assert.strictEqual(serverRead, TOTAL);
  }));
}));
