'use strict';

// process.nextTick keeps order and arguments across its queue's growth,
// including growth while the queue is half drained (its start in the
// middle of the storage). Passes on Node 20 too.

const common = require('../common');
const assert = require('assert');

// Waves: K ticks, the middle one queueing 2K more while the first half is
// already drained, for growing K (each wave outgrows the queue in turn).
const waves = [];
function wave(k) {
  const seen = [];
  for (let i = 0; i < k; i++) {
    process.nextTick((id) => {
      seen.push(id);
      if (id === k >> 1) {
        for (let j = 0; j < 2 * k; j++) process.nextTick((id2) => seen.push(id2), k + j);
      }
      if (id === k - 1) process.nextTick(() => {
        waves.push(seen);
        if (k < 1280) wave(k * 2);
      });
    }, i);
  }
}
wave(20);

const order = [];
const N = 1000;
for (let i = 0; i < N; i++) {
  const args = [i, 'b', 'c', 'd', 'e'].slice(0, i % 6);
  process.nextTick((...got) => {
    assert.deepStrictEqual(got, args);
    order.push(i);
  }, ...args);
}

// Half-drained growth: the first 300 ticks each queue 3 more, so new
// entries land behind a moving start while the queue keeps filling.
const second = [];
let seq = 0;
function spawn(depth) {
  return () => {
    const id = seq++;
    second.push(id);
    if (depth > 0) {
      for (let k = 0; k < 3; k++) process.nextTick(spawn(depth - 1));
    }
  };
}
process.nextTick(common.mustCall(() => {
  for (let i = 0; i < 300; i++) process.nextTick(spawn(1));
}));

process.nextTick(common.mustCall(() => {
  assert.strictEqual(order.length, N);
  for (let i = 0; i < N; i++) assert.strictEqual(order[i], i);
}));

process.on('exit', () => {
  assert.strictEqual(waves.length, 7);
  for (const seen of waves) {
    assert.strictEqual(seen.length % 3, 0);
    for (let i = 0; i < seen.length; i++) assert.strictEqual(seen[i], i);
  }
  // 300 parents and 900 children, each in the order it was queued.
  assert.strictEqual(second.length, 1200);
  for (let i = 0; i < second.length; i++) assert.strictEqual(second[i], i);
});
