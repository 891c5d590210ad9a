// peer: python3 tests/peers/tcp_peer.py gate
'use strict';
// Writes the kernel cannot take at once are queued holding the caller's
// Buffers, not copies (as libuv holds a write's buffers). The peer reads
// nothing until the gate opens, so an 8 MiB write queues.
// 1. The queued bytes arrive as written, in order with a later string write.
// 2. A Buffer whose memory is detached (ArrayBuffer transfer()) while its
//    write waits: weft fails that write with EFAULT instead of sending freed
//    memory; Node keeps the memory alive and sends it
//    (docs/node-differences.md).
const common = require('../common');
const assert = require('assert');
const net = require('net');

const SIZE = 8 * 1024 * 1024;
const isWeft = typeof process.versions.weft === 'string';

function adler32(b) {
  let a = 1;
  let s = 0;
  for (let i = 0; i < b.length;) {
    // 5552 bytes keep the sums below 2^32 before the modulo (zlib's NMAX).
    const end = Math.min(b.length, i + 5552);
    for (; i < end; i++) {
      a += b[i];
      s += a;
    }
    a %= 65521;
    s %= 65521;
  }
  return (((s << 16) | a) >>> 0).toString(16).padStart(8, '0');
}

function patterned(seed) {
  const b = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i++) b[i] = (i * 7 + (i >> 13) + seed) & 0xff;
  return b;
}

// Opens the gate and reads the record of the oldest data connection.
function openGate(cb) {
  const q = net.connect(common.peerPort(), '127.0.0.1', () => q.write('open\n'));
  let answer = '';
  q.setEncoding('latin1');
  q.on('data', (d) => answer += d);
  q.on('end', common.mustCall(() => cb(answer)));
}

function step1() {
  const big = patterned(1);
  const expected = `${SIZE + 4} ${adler32(Buffer.concat([big, Buffer.from('tail')]))} eof\n`;
  const c = net.connect(common.peerPort(), '127.0.0.1', common.mustCall(() => {
    c.write('data\n');
    assert.strictEqual(c.write(big), false);
    assert.ok(c.writableLength > 0);
    c.end('tail');
    openGate(common.mustCall((answer) => {
      assert.strictEqual(answer, expected);
      step2();
    }));
  }));
  c.on('close', common.mustCall());
}

function step2() {
  const big = patterned(2);
  const expected = `${SIZE} ${adler32(big)} eof\n`;
  const c = net.connect(common.peerPort(), '127.0.0.1', common.mustCall(() => {
    c.write('data\n');
    assert.strictEqual(c.write(big), false);
    const moved = structuredClone(big.buffer, { transfer: [big.buffer] });
    assert.strictEqual(big.length, 0);
    c.end();
    openGate(common.mustCall((answer) => {
      if (isWeft) {
        // What the kernel had taken before the detach arrives, then EOF.
        const [n, , how] = answer.trim().split(' ');
        assert.ok(Number(n) < SIZE, answer);
        assert.strictEqual(how, 'eof');
      } else {
        assert.strictEqual(answer, expected);
      }
      assert.strictEqual(moved.byteLength, SIZE);
    }));
  }));
  if (isWeft) {
    c.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'EFAULT');
      assert.strictEqual(err.syscall, 'write');
    }));
  }
  c.on('close', common.mustCall());
}

step1();
