// peer: python3 tests/peers/tcp_peer.py echo
'use strict';
// Received chunks own their bytes: every 'data' Buffer is kept until the end
// and then compared with what was sent (a later read must not overwrite an
// earlier chunk, whether the chunk was copied out of the read block or took
// the block over). A chunk's ArrayBuffer can be transferred and resized like
// any other.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const TOTAL = 4 * 1024 * 1024;
const sent = Buffer.alloc(TOTAL);
for (let i = 0; i < TOTAL; i++) sent[i] = (i * 13 + (i >> 12)) & 0xff;

const chunks = [];
let received = 0;
const socket = net.connect(common.peerPort(), '127.0.0.1', common.mustCall(() => {
  // Uneven writes, so reads come in many sizes.
  let off = 0;
  let step = 1;
  while (off < TOTAL) {
    const n = Math.min(TOTAL - off, step);
    socket.write(sent.subarray(off, off + n));
    off += n;
    step = step * 7 % 100003 + 1;
  }
}));

socket.on('data', (chunk) => {
  assert.ok(Buffer.isBuffer(chunk));
  assert.ok(chunk.length > 0);
  assert.ok(chunk.buffer.byteLength >= chunk.byteOffset + chunk.length);
  chunks.push(chunk);
  received += chunk.length;
  if (received === TOTAL) socket.end();
});

socket.on('end', common.mustCall(() => {
  const all = Buffer.concat(chunks);
  assert.strictEqual(all.length, TOTAL);
  assert.ok(all.equals(sent), 'echoed bytes differ from the bytes sent');

  // The largest chunk: its ArrayBuffer transfers (the engine resizes the
  // memory the read went into) and keeps its bytes. (transfer() is newer
  // than Node 20; weft's engine has it.)
  if (typeof ArrayBuffer.prototype.transfer !== 'function') return;
  let big = chunks[0];
  for (const c of chunks) if (c.length > big.length) big = c;
  const copy = Buffer.from(big);
  const half = Math.max(1, big.length >> 1);
  const moved = big.buffer.transfer(big.byteOffset + half);
  assert.strictEqual(big.buffer.detached, true);
  assert.deepStrictEqual(new Uint8Array(moved, big.byteOffset, half), new Uint8Array(copy.subarray(0, half)));
  const grown = moved.transfer(big.byteOffset + half + 100);
  assert.strictEqual(grown.byteLength, big.byteOffset + half + 100);
  assert.deepStrictEqual(new Uint8Array(grown, big.byteOffset, half), new Uint8Array(copy.subarray(0, half)));
}));

socket.on('close', common.mustCall());
