'use strict';
// timers/promises: setTimeout/setImmediate/setInterval as promises and an
// async iterator, AbortSignal cancellation, ref: false, validation, and the
// scheduler. Timing checks only assert lower bounds and orders that the
// timer list guarantees.
const common = require('../common');
const assert = require('assert');
const timers = require('timers');
const tp = require('timers/promises');
const { promisify } = require('util');

assert.strictEqual(timers.promises, tp);
assert.strictEqual(promisify(setTimeout), tp.setTimeout);
assert.strictEqual(promisify(setImmediate), tp.setImmediate);

function isAbortError(cause) {
  return (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.message, 'The operation was aborted');
    assert.ok(err instanceof Error);
    if (cause !== undefined) assert.strictEqual(err.cause, cause);
    return true;
  };
}

async function values() {
  const t0 = performance.now();
  assert.strictEqual(await tp.setTimeout(20, 'value'), 'value');
  assert.ok(performance.now() - t0 >= 19, `${performance.now() - t0}`);
  assert.strictEqual(await tp.setTimeout(), undefined);
  assert.strictEqual(await tp.setTimeout(1), undefined);
  const obj = {};
  assert.strictEqual(await tp.setImmediate(obj), obj);
  assert.strictEqual(await tp.setImmediate(), undefined);
  assert.strictEqual(await promisify(setTimeout)(1, 'p'), 'p');
}

async function order() {
  // Shorter delays first; equal delays in creation order.
  const seen = [];
  await Promise.all([
    tp.setTimeout(40, 'late').then((v) => seen.push(v)),
    tp.setTimeout(5, 'a').then((v) => seen.push(v)),
    tp.setTimeout(5, 'b').then((v) => seen.push(v)),
    tp.setTimeout(5, 'c').then((v) => seen.push(v)),
  ]);
  assert.deepStrictEqual(seen, ['a', 'b', 'c', 'late']);
  // Immediates in creation order, all before a long timer.
  const imm = [];
  const long = tp.setTimeout(30, 'timer').then((v) => imm.push(v));
  await Promise.all([1, 2, 3].map((i) => tp.setImmediate(i).then((v) => imm.push(v))));
  await long;
  assert.deepStrictEqual(imm, [1, 2, 3, 'timer']);
}

async function abort() {
  // Already aborted: rejects at once, with the reason as cause.
  const reason = new Error('stop');
  const pre = new AbortController();
  pre.abort(reason);
  await assert.rejects(tp.setTimeout(10, 'x', { signal: pre.signal }), isAbortError(reason));
  await assert.rejects(tp.setImmediate('x', { signal: pre.signal }), isAbortError(reason));
  await assert.rejects(tp.scheduler.wait(10, { signal: pre.signal }), isAbortError(reason));

  // Aborted while waiting: the timer is cleared (an hour-long timer left
  // behind would keep the process alive past the test's time limit).
  const ac = new AbortController();
  const p = tp.setTimeout(60 * 60 * 1000, 'never', { signal: ac.signal });
  setImmediate(() => ac.abort());
  await assert.rejects(p, (err) => {
    isAbortError()(err);
    assert.strictEqual(err.cause.name, 'AbortError');
    return true;
  });
  const ac2 = new AbortController();
  const p2 = tp.setImmediate('never', { signal: ac2.signal });
  ac2.abort('why');
  await assert.rejects(p2, isAbortError('why'));

  // Aborting after the timer fired changes nothing.
  const ac3 = new AbortController();
  assert.strictEqual(await tp.setTimeout(1, 'done', { signal: ac3.signal }), 'done');
  ac3.abort();

  // AbortSignal.timeout as a deadline for slow work.
  await assert.rejects(tp.setTimeout(60 * 60 * 1000, null, { signal: AbortSignal.timeout(10) }), (err) => {
    isAbortError()(err);
    assert.strictEqual(err.cause.name, 'TimeoutError');
    return true;
  });
}

async function interval() {
  // Ticks until the consumer stops; break clears the interval.
  const got = [];
  let n = 0;
  for await (const v of tp.setInterval(5, 'tick')) {
    got.push(v);
    if (++n === 3) break;
  }
  assert.deepStrictEqual(got, ['tick', 'tick', 'tick']);

  // Ticks that fire while the consumer is busy are not lost.
  const it = tp.setInterval(2, 'busy');
  assert.deepStrictEqual(await it.next(), { value: 'busy', done: false });
  await tp.setTimeout(30);
  assert.deepStrictEqual(await it.next(), { value: 'busy', done: false });
  assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });

  // An abort ends the iteration with an AbortError.
  const ac = new AbortController();
  let count = 0;
  await assert.rejects((async () => {
    for await (const v of tp.setInterval(5, count, { signal: ac.signal })) {
      assert.strictEqual(v, 0);
      if (++count === 2) ac.abort();
    }
  })(), isAbortError());
  assert.strictEqual(count, 2);

  const pre = new AbortController();
  pre.abort();
  await assert.rejects(tp.setInterval(5, 1, { signal: pre.signal }).next(), isAbortError());
}

async function validation() {
  await assert.rejects(tp.setTimeout('10'), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setTimeout(10, null, 'opts'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received type string (\'opts\')',
  });
  await assert.rejects(tp.setTimeout(10, null, { ref: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setTimeout(10, null, { signal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setImmediate(null, 5), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setImmediate(null, { ref: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setInterval('x').next(), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setInterval(1, null, { signal: 'no' }).next(), { code: 'ERR_INVALID_ARG_TYPE' });
}

async function scheduler() {
  const { scheduler } = tp;
  const t0 = performance.now();
  assert.strictEqual(await scheduler.wait(15), undefined);
  assert.ok(performance.now() - t0 >= 14);
  assert.strictEqual(await scheduler.yield(), undefined);
  assert.throws(() => new scheduler.constructor(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => scheduler.wait.call({}, 1), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => scheduler.yield.call({}), { code: 'ERR_INVALID_THIS' });
}

// A request deadline as a network client writes it: the work wins, and the
// deadline timer is cancelled so that it does not hold the process.
async function deadline() {
  const ac = new AbortController();
  const work = tp.setTimeout(5, 'response');
  const timeout = tp.setTimeout(60 * 60 * 1000, 'timeout', { signal: ac.signal }).catch((err) => err.name);
  const winner = await Promise.race([work, timeout]);
  ac.abort();
  assert.strictEqual(winner, 'response');
  assert.strictEqual(await timeout, 'AbortError');
}

// ref: false timers do not keep the process alive.
tp.setTimeout(60 * 60 * 1000, null, { ref: false }).then(common.mustNotCall());
tp.setInterval(60 * 60 * 1000, null, { ref: false }).next().then(common.mustNotCall());

(async () => {
  await values();
  await order();
  await abort();
  await interval();
  await validation();
  await scheduler();
  await deadline();
})().then(common.mustCall());
