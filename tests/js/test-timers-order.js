'use strict';
// Node's ordering: nextTick queue before microtasks, both drained after every
// callback; timers, then I/O, then immediates (check phase), then close callbacks.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');

const order = [];
// Registered first, so it runs before the call-count check at exit.
process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(order, ['tick1', 'tick2', 'micro1', 'micro2', 'micro-from-tick', 'tick-from-micro']);
});
process.nextTick(() => order.push('tick1'));
Promise.resolve().then(() => {
  order.push('micro1');
  process.nextTick(() => order.push('tick-from-micro'));
});
queueMicrotask(() => order.push('micro2'));
process.nextTick(() => {
  order.push('tick2');
  Promise.resolve().then(() => order.push('micro-from-tick'));
});

// Inside an I/O callback, an immediate always runs before a 0 ms timer.
fs.readFile(__filename, common.mustSucceed(() => {
  const io = [];
  setTimeout(common.mustCall(() => {
    io.push('timeout');
    assert.deepStrictEqual(io, ['immediate', 'timeout']);
  }), 0);
  setImmediate(common.mustCall(() => io.push('immediate')));
}));

// Ticks scheduled by a timer run before the next timer of the same expiry.
const t = [];
setTimeout(common.mustCall(() => {
  t.push('a');
  process.nextTick(() => t.push('a-tick'));
  Promise.resolve().then(() => t.push('a-micro'));
}), 1);
setTimeout(common.mustCall(() => {
  t.push('b');
  assert.deepStrictEqual(t, ['a', 'a-tick', 'a-micro', 'b']);
}), 1);

// Same for immediates.
const im = [];
setImmediate(common.mustCall(() => {
  im.push('i1');
  process.nextTick(() => im.push('i1-tick'));
}));
setImmediate(common.mustCall(() => {
  im.push('i2');
  assert.deepStrictEqual(im, ['i1', 'i1-tick', 'i2']);
}));

