// peer: python3 tests/peers/tcp_peer.py flood
'use strict';
// Read sizes when a sender keeps the socket full. libuv (and so Node) reads
// at most 64 KiB at a time; weft reads 64 KiB, and once a read fills that,
// up to 256 KiB per read until a read comes back smaller
// (docs/node-differences.md). The peer queues K bytes on a Unix socket
// while the server is paused, so the first reads find them all waiting.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const TOTAL = 400000;
const isWeft = typeof process.versions.weft === 'string';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bulk-reads-'));
const sockPath = path.join(dir, 's.sock');

function pattern(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 10)) & 0xff;
  return b;
}

let dataSocket = null;
let queued = -1;
const chunks = [];

const server = net.createServer(common.mustCall((s) => {
  dataSocket = s;
  s.pause();
  if (queued >= 0) s.resume();
  s.on('data', (c) => chunks.push(c));
  s.on('end', common.mustCall(() => {
    const all = Buffer.concat(chunks);
    assert.strictEqual(all.length, TOTAL);
    assert.ok(all.equals(pattern(TOTAL)), 'received bytes differ from the bytes sent');
    const sizes = chunks.map((c) => c.length);
    if (isWeft) {
      assert.ok(sizes.every((n) => n <= 256 * 1024), `a read over 256 KiB: ${sizes}`);
      if (queued >= 65536) assert.strictEqual(sizes[0], 65536, `${sizes}`);
      // The first read filled 64 KiB: the next one takes up to 256 KiB of
      // what was waiting.
      if (queued > 65536) {
        assert.ok(sizes[1] >= Math.min(queued - 65536, 256 * 1024), `${sizes} (queued ${queued})`);
      }
    } else {
      assert.ok(sizes.every((n) => n <= 65536), `${sizes}`);
    }
    // Every chunk stays intact while later reads reuse the read blocks.
    assert.ok(Buffer.concat(chunks).equals(all));
    control.end();
    server.close();
  }));
}));

let control;
server.listen(sockPath, common.mustCall(() => {
  control = net.connect(common.peerPort(), '127.0.0.1', () => {
    control.write(`${sockPath} ${TOTAL}\n`);
  });
  let line = '';
  control.setEncoding('latin1');
  control.on('data', (d) => {
    line += d;
    if (!line.endsWith('\n')) return;
    const m = /^sent (\d+)\n$/.exec(line);
    assert.ok(m, line);
    queued = Number(m[1]);
    // The connection may be accepted after this answer is read.
    if (dataSocket !== null) dataSocket.resume();
  });
}));

process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
