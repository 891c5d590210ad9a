'use strict';

// Stream state fields that start as defaults shared by every stream (pipes,
// the read buffer, the write queue, errored, decoder, onwrite) behave as
// Node's per-stream fields once a stream uses them, and the per-chunk
// shortcuts notice a decoder or an error set later. Passes on Node 20 too.

const common = require('../common');
const assert = require('assert');
const { Readable, Writable, PassThrough } = require('stream');

common.runSteps([
  // A decoder set after 'data' flows: later chunks are strings.
  () => new Promise((next) => {
    const r = new Readable({ read() {} });
    const seen = [];
    r.on('data', (c) => seen.push(c));
    r.push(Buffer.from('ab'));
    setImmediate(() => {
      r.setEncoding('utf8');
      r.push(Buffer.from('cd'));
      r.push(Buffer.from([0xe2, 0x82]));
      r.push(Buffer.from([0xac]));
      setImmediate(() => {
        assert.ok(Buffer.isBuffer(seen[0]));
        assert.deepStrictEqual(seen.slice(1), ['cd', '€']);
        next();
      });
    });
  }),

  // The encoding option decodes from the first chunk.
  () => new Promise((next) => {
    const r = new Readable({ read() {}, encoding: 'hex' });
    r.once('data', common.mustCall((c) => {
      assert.strictEqual(c, '0102');
      next();
    }));
    r.push(Buffer.from([1, 2]));
  }),

  // An error that does not destroy (autoDestroy off): no 'data' after it.
  () => new Promise((next) => {
    const r = new Readable({ read() {}, autoDestroy: false });
    const seen = [];
    r.on('data', (c) => seen.push(c.toString()));
    r.on('error', common.mustCall((e) => {
      assert.strictEqual(e.code, 'ERR_INVALID_ARG_TYPE');
      assert.strictEqual(r.destroyed, false);
      assert.strictEqual(r._readableState.errored, e);
      r.push(Buffer.from('late'));
      setImmediate(() => {
        assert.deepStrictEqual(seen, ['x']);
        next();
      });
    }));
    r.push(Buffer.from('x'));
    setImmediate(() => r.push(42));
  }),

  // errored: null until an error, then the error; no 'data' after it.
  () => new Promise((next) => {
    const r = new Readable({ read() {}, autoDestroy: false });
    assert.strictEqual(r._readableState.errored, null);
    assert.strictEqual(r.readableAborted, false);
    r.on('data', common.mustCall(1));
    r.push(Buffer.from('x'));
    const err = new Error('boom');
    r.on('error', common.mustCall((e) => {
      assert.strictEqual(e, err);
      assert.strictEqual(r._readableState.errored, err);
      assert.strictEqual(r.errored, err);
      r.push(Buffer.from('late'));
      setImmediate(next);
    }));
    setImmediate(() => r.destroy(err));
  }),

  // Chunks pushed while paused are buffered, then read in order.
  () => new Promise((next) => {
    const r = new Readable({ read() {} });
    assert.strictEqual(r.readableLength, 0);
    r.push(Buffer.from('one'));
    r.unshift(Buffer.from('zero'));
    r.push(Buffer.from('two'));
    assert.strictEqual(r.readableLength, 10);
    assert.strictEqual(r.read().toString(), 'zeroonetwo');
    next();
  }),

  // pipes: empty, one destination, none again, then another.
  () => new Promise((next) => {
    const r = new Readable({ read() {} });
    const a = new PassThrough();
    const b = new PassThrough();
    assert.strictEqual(r._readableState.pipes.length, 0);
    r.pipe(a);
    assert.deepStrictEqual(r._readableState.pipes, [a]);
    r.unpipe(a);
    assert.strictEqual(r._readableState.pipes.length, 0);
    r.pipe(b);
    r.pipe(a);
    assert.deepStrictEqual(r._readableState.pipes, [b, a]);
    r.unpipe();
    assert.strictEqual(r._readableState.pipes.length, 0);
    r.pipe(b);
    b.on('data', common.mustCall((c) => {
      assert.strictEqual(c.toString(), 'piped');
      next();
    }));
    r.push('piped');
  }),

  // Corked writes queue, then go out in order; the queue is empty again.
  () => new Promise((next) => {
    const got = [];
    const w = new Writable({
      write(chunk, enc, cb) { got.push(chunk.toString()); cb(); },
    });
    assert.strictEqual(w._writableState.getBuffer().length, 0);
    w.cork();
    w.write('a');
    w.write('b', common.mustCall());
    assert.strictEqual(w.writableLength, 2);
    assert.strictEqual(w._writableState.getBuffer().length, 2);
    w.uncork();
    assert.deepStrictEqual(got, ['a', 'b']);
    assert.strictEqual(w._writableState.getBuffer().length, 0);
    w.write('c');
    assert.deepStrictEqual(got, ['a', 'b', 'c']);
    next();
  }),

  // A write error sets errored; later writes wait in the queue instead of
  // reaching _write (Node leaves them there: no callback).
  () => new Promise((next) => {
    const err = new Error('write failed');
    let calls = 0;
    const w = new Writable({
      autoDestroy: false,
      write(chunk, enc, cb) { calls++; cb(err); },
    });
    assert.strictEqual(w._writableState.errored, null);
    w.on('error', common.mustCall((e) => {
      assert.strictEqual(e, err);
      assert.strictEqual(w._writableState.errored, err);
      w.write(Buffer.from('second'), common.mustNotCall());
      setImmediate(() => {
        assert.strictEqual(calls, 1);
        assert.strictEqual(w._writableState.getBuffer().length, 1);
        next();
      });
    }));
    w.write(Buffer.from('first'));
  }),

  // A Duplex reports a write error on its readable side too.
  () => new Promise((next) => {
    const err = new Error('duplex');
    const d = new PassThrough({ autoDestroy: false });
    d._write = (chunk, enc, cb) => cb(err);
    d.on('error', common.mustCall(() => {
      assert.strictEqual(d._readableState.errored, err);
      assert.strictEqual(d._writableState.errored, err);
      next();
    }));
    d.write('x');
  }),
]);
