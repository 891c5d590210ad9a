'use strict';
// The MaxListenersExceededWarning: emitted once per event name when the count
// passes the limit, through process 'warning', with Node's fields and text.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

const warnings = [];
process.on('warning', common.mustCall((w) => warnings.push(w), 3));

class Custom extends EventEmitter {}

const e = new EventEmitter();
e.setMaxListeners(2);
e.on('data', () => {});
e.on('data', () => {});
// Exactly at the limit: no warning yet. One more: warning (once).
e.on('data', () => {});
e.on('data', () => {});
e.on('data', () => {});

// A different event name warns separately.
for (let i = 0; i < 3; i++) e.on('end', () => {});

// Default limit is 10 for a subclass instance; 11th listener warns.
const c = new Custom();
for (let i = 0; i < 11; i++) c.on(Symbol.for('sym'), () => {});

// 0 and Infinity mean unlimited.
const u = new EventEmitter();
u.setMaxListeners(0);
for (let i = 0; i < 20; i++) u.on('x', () => {});
const inf = new EventEmitter();
inf.setMaxListeners(Infinity);
for (let i = 0; i < 20; i++) inf.on('x', () => {});

// The warning is emitted on a later tick, not synchronously.
assert.strictEqual(warnings.length, 0);

process.on('exit', () => {
  assert.strictEqual(warnings.length, 3);
  const [w1, w2, w3] = warnings;
  for (const w of warnings) {
    assert.ok(w instanceof Error);
    assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  }
  assert.strictEqual(w1.emitter, e);
  assert.strictEqual(w1.type, 'data');
  assert.strictEqual(w1.count, 3);
  assert.strictEqual(w1.message,
                     'Possible EventEmitter memory leak detected. 3 data listeners added to [EventEmitter]. ' +
                     'MaxListeners is 2. Use emitter.setMaxListeners() to increase limit');
  assert.strictEqual(w2.type, 'end');
  assert.strictEqual(w2.count, 3);
  assert.strictEqual(w3.emitter, c);
  assert.strictEqual(w3.type, Symbol.for('sym'));
  assert.strictEqual(w3.count, 11);
  assert.strictEqual(w3.message,
                     'Possible EventEmitter memory leak detected. 11 Symbol(sym) listeners added to [Custom]. ' +
                     'MaxListeners is 10. Use emitter.setMaxListeners() to increase limit');
});
