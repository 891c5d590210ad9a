'use strict';
// captureRejections: a rejected promise returned by a listener is routed to
// Symbol.for('nodejs.rejection') if defined, else to 'error'.
const common = require('../common');
const assert = require('assert');
const events = require('events');
const { EventEmitter, captureRejectionSymbol } = events;

assert.strictEqual(captureRejectionSymbol, Symbol.for('nodejs.rejection'));
assert.strictEqual(EventEmitter.captureRejections, false);
assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.captureRejections" property must be of type boolean. Received type number (1)',
});
assert.throws(() => { EventEmitter.captureRejections = 'yes'; }, { code: 'ERR_INVALID_ARG_TYPE' });

// Routed to 'error', with the rejection reason.
{
  const e = new EventEmitter({ captureRejections: true });
  const err = new Error('async fail');
  e.on('something', common.mustCall(async (v) => {
    assert.strictEqual(v, 7);
    throw err;
  }));
  e.on('error', common.mustCall((got) => assert.strictEqual(got, err)));
  assert.strictEqual(e.emit('something', 7), true);
}

// Routed to Symbol.for('nodejs.rejection') with (err, event, ...args).
{
  const e = new EventEmitter({ captureRejections: true });
  const err = new Error('to symbol');
  e[captureRejectionSymbol] = common.mustCall(function(got, name, a, b) {
    assert.strictEqual(this, e);
    assert.strictEqual(got, err);
    assert.strictEqual(name, 'ev');
    assert.strictEqual(a, 1);
    assert.strictEqual(b, 2);
  });
  e.on('error', common.mustNotCall());
  e.on('ev', async () => { throw err; });
  e.emit('ev', 1, 2);
}

// Thenables that reject are handled too; fulfilled promises are ignored.
{
  const e = new EventEmitter({ captureRejections: true });
  e.on('ok', async () => 1);
  e.on('error', common.mustCall((got) => assert.strictEqual(got.message, 'thenable')));
  e.on('then', () => ({ then(resolve, reject) { reject(new Error('thenable')); } }));
  e.emit('ok');
  e.emit('then');
}

// Global switch affects emitters created afterwards.
{
  EventEmitter.captureRejections = true;
  const e = new EventEmitter();
  EventEmitter.captureRejections = false;
  e.on('x', async () => { throw new Error('global'); });
  e.on('error', common.mustCall((err) => assert.strictEqual(err.message, 'global')));
  e.emit('x');
  const off = new EventEmitter();
  assert.strictEqual(EventEmitter.captureRejections, false);
  // Without capture the rejection is unhandled: catch it via the process hook.
  process.once('unhandledRejection', common.mustCall((reason) => {
    assert.strictEqual(reason.message, 'not captured');
  }));
  off.on('y', async () => { throw new Error('not captured'); });
  off.emit('y');
}

// Several rejecting listeners each reach 'error', in listener order.
{
  const e = new EventEmitter({ captureRejections: true });
  const seen = [];
  e.on('error', (err) => seen.push(err.message));
  e.on('a', async () => { throw new Error('one'); });
  e.on('a', async () => { throw new Error('two'); });
  e.emit('a');
  setImmediate(common.mustCall(() => assert.deepStrictEqual(seen, ['one', 'two'])));
}
