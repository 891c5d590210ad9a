'use strict';
// A patched process.nextTick (as tracing tools install) receives the ticks
// the streams queue for themselves, as in Node, whose stream modules call
// process.nextTick; and the ticks still run in order with their arguments.
const common = require('../common');
const assert = require('assert');
const { Readable } = require('stream');

const names = [];
const original = process.nextTick;
process.nextTick = function nextTick(callback, ...args) {
  names.push(callback.name);
  return original.call(this, callback, ...args);
};

const r = new Readable({ read() {} });
const got = [];
r.on('data', (chunk) => got.push(chunk.toString()));
r.on('end', common.mustCall(() => {
  process.nextTick = original;
  assert.deepStrictEqual(got, ['a', 'b']);
  for (const name of ['resume_', 'endReadableNT']) {
    assert.ok(names.includes(name), `${name} not seen: ${names}`);
  }
}));
r.push('a');
r.push('b');
r.push(null);
