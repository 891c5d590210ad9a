// peer: python3 tests/peers/tcp_peer.py count
'use strict';
// 100 MB in random-sized writes, obeying write() === false / 'drain' when it
// happens (see test-net-write-drain.js for the deterministic case), to a
// peer that counts and hashes what it receives after weft's FIN.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const crypto = (() => {
  try {
    return require('crypto');
  } catch {
    return null;
  }
})();

const TOTAL = 100 * 1000 * 1000;
let seed = 12345;
function rand(n) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

const block = Buffer.alloc(1 << 20);
for (let i = 0; i < block.length; i++) block[i] = (i * 131 + (i >> 12)) & 0xff;

const c = net.connect(common.peerPort(), '127.0.0.1');
let sent = 0;
let drains = 0;
let falseReturns = 0;
const hash = crypto ? crypto.createHash('sha256') : null;

function pump() {
  while (sent < TOTAL) {
    const off = rand(block.length);
    const n = Math.min(1 + rand(200000), block.length - off, TOTAL - sent);
    const chunk = block.subarray(off, off + n);
    if (hash) hash.update(chunk);
    sent += n;
    if (!c.write(chunk)) {
      falseReturns++;
      assert.ok(c.writableLength >= c.writableHighWaterMark);
      c.once('drain', () => {
        drains++;
        pump();
      });
      return;
    }
  }
  c.end();
}
c.on('connect', common.mustCall(pump));
let answer = '';
c.setEncoding('utf8');
c.on('data', (d) => { answer += d; });
c.on('end', common.mustCall(() => {
  const [n, hex] = answer.trim().split(' ');
  assert.strictEqual(Number(n), TOTAL);
  if (hash) assert.strictEqual(hex, hash.digest('hex'));
  assert.strictEqual(c.bytesWritten, TOTAL);
  assert.strictEqual(drains, falseReturns);
}));
