'use strict';
// Timers: Timeout/Immediate objects, arguments, clearing, intervals, ref/unref, refresh.
const common = require('../common');
const assert = require('assert');
const timers = require('timers');

assert.strictEqual(timers.setTimeout, setTimeout);
assert.strictEqual(timers.setImmediate, setImmediate);

const t = setTimeout(common.mustCall((a, b) => {
  assert.deepStrictEqual([a, b], ['x', 2]);
}), 1, 'x', 2);
assert.strictEqual(t.constructor.name, 'Timeout');
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);
t.ref();
assert.strictEqual(typeof t[Symbol.toPrimitive](), 'number');

// Cleared timers never fire, also when cleared by their primitive id.
clearTimeout(setTimeout(common.mustNotCall(), 1));
const byId = setTimeout(common.mustNotCall(), 1);
clearTimeout(+byId);
clearTimeout(undefined);
clearTimeout(null);

// Immediates with arguments; clearImmediate.
const im = setImmediate(common.mustCall((v) => assert.strictEqual(v, 'arg')), 'arg');
assert.strictEqual(im.constructor.name, 'Immediate');
assert.strictEqual(im.hasRef(), true);
clearImmediate(setImmediate(common.mustNotCall()));

// An interval fires until cleared, with its arguments each time.
let n = 0;
const iv = setInterval(common.mustCall((tag) => {
  assert.strictEqual(tag, 'iv');
  if (++n === 3) clearInterval(iv);
}, 3), 1, 'iv');

// Callbacks must be functions.
assert.throws(() => setTimeout('code'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => setImmediate(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => setInterval(), { code: 'ERR_INVALID_ARG_TYPE' });

// An unref'ed timer alone does not keep the process alive.
setTimeout(common.mustNotCall('unref timer kept the loop alive'), 60 * 60 * 1000).unref();

// Timers with the same deadline fire in creation order.
const seq = [];
for (let i = 0; i < 5; i++) setTimeout(() => seq.push(i), 2);
setTimeout(common.mustCall(() => assert.deepStrictEqual(seq, [0, 1, 2, 3, 4])), 3);

// refresh() restarts the countdown; the callback still runs once.
const r = setTimeout(common.mustCall(), 5);
setTimeout(() => r.refresh(), 1);

// A timer scheduled from a timer callback runs in a later iteration: after
// this iteration's check phase, however late the loop runs.
setTimeout(common.mustCall(() => {
  const outer = [];
  setTimeout(common.mustCall(() => {
    assert.deepStrictEqual(outer, ['immediate']);
  }), 0);
  setImmediate(common.mustCall(() => outer.push('immediate')));
}), 1);

// Out-of-range durations become 1 ms with a TimeoutOverflowWarning.
process.on('warning', common.mustCall((w) => assert.strictEqual(w.name, 'TimeoutOverflowWarning')));
setTimeout(common.mustCall(), 2 ** 31);

// timers/promises.
const tp = require('timers/promises');
tp.setTimeout(1, 'value').then(common.mustCall((v) => assert.strictEqual(v, 'value')));
tp.setImmediate('imm').then(common.mustCall((v) => assert.strictEqual(v, 'imm')));
const ac = new AbortController();
tp.setTimeout(1000, null, { signal: ac.signal }).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
}));
ac.abort();
require('util').promisify(setTimeout)(1, 'p').then(common.mustCall((v) => assert.strictEqual(v, 'p')));
