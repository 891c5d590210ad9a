'use strict';
// A patched EventEmitter.prototype.emit (as tracing tools install) sees
// every event the streams emit, including those the streams' shortcuts
// deliver ('data' while flowing, 'resume', 'end', 'readable'), as in Node.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { Readable, PassThrough } = require('stream');

const seen = [];
const original = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(type, ...args) {
  if (typeof type === 'string') seen.push(type);
  return original.call(this, type, ...args);
};

const r = new Readable({ read() {} });
r.on('data', common.mustCall((chunk) => assert.strictEqual(chunk.toString(), 'abc')));
r.on('end', common.mustCall(() => {
  EventEmitter.prototype.emit = original;
  for (const type of ['resume', 'data', 'end']) {
    assert.ok(seen.includes(type), `${type} not seen: ${seen}`);
  }
  const p = new PassThrough();
  const types = [];
  EventEmitter.prototype.emit = function emit(type, ...args) {
    if (typeof type === 'string') types.push(type);
    return original.call(this, type, ...args);
  };
  p.on('readable', () => {
    while (p.read() !== null);
  });
  p.on('close', common.mustCall(() => {
    EventEmitter.prototype.emit = original;
    for (const type of ['readable', 'prefinish', 'finish', 'end', 'close']) {
      assert.ok(types.includes(type), `${type} not seen: ${types}`);
    }
  }));
  p.end('x');
}));
// After listening: the chunk takes the flowing shortcut.
setImmediate(() => {
  r.push(Buffer.from('abc'));
  r.push(null);
});
