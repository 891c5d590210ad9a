'use strict';

// Once the nextTick queue has drained it holds nothing of what ran. weft
// frees an unreachable object at once (reference counting), so a tick's
// argument is gone by the next loop phase; V8 frees it at some later
// collection, so on Node only the ticks' effects are checked.

const common = require('../common');
const assert = require('assert');

const isWeft = typeof process.versions.weft === 'string';
const refs = [];
(function() {
  for (let i = 0; i < 3; i++) {
    const arg = { payload: new Array(8) };
    refs.push(new WeakRef(arg));
    // One, two and three arguments: each slot of a queue entry.
    if (i === 0) process.nextTick(common.mustCall((o) => { o.ran = true; }), arg);
    if (i === 1) process.nextTick(common.mustCall((a, o) => { o.ran = a; }), 1, arg);
    if (i === 2) process.nextTick(common.mustCall((a, b, o) => { o.ran = a + b; }), 1, 2, arg);
  }
})();
setImmediate(common.mustCall(() => {
  if (isWeft) {
    for (const r of refs) assert.strictEqual(r.deref(), undefined);
  }
}));
