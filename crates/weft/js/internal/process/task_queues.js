'use strict';

// process.nextTick, queueMicrotask and the drain that runs after every
// callback from the loop (Node's lib/internal/process/task_queues.js):
// all queued ticks, then all microtasks, repeated until both are empty,
// then unhandled-rejection processing.

const binding = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');

// A growable ring of [callback, arg0, arg1, argcOrMore] entries: the last
// is the argument count when it is 0 to 2, else an array of the arguments
// after arg1. nextTick is on every write's path and the streams pass one or
// two arguments, so those cases allocate nothing. Entries that ran are not
// cleared one by one (an element write costs ~300 instructions in
// QuickJS): once the queue is empty, one fill() drops the references below
// `used`, the end of what was written since, and the ring starts over.
const ENTRY = 4;
let ring = new Array(64 * ENTRY);
let head = 0;
let tail = 0;
let used = 0;
let tickScheduled = false;

function grow() {
  const old = ring;
  const n = old.length;
  const next = new Array(n * 2);
  for (let i = 0, j = head; i < n; i++, j = j + 1 === n ? 0 : j + 1) next[i] = old[j];
  tail = used = n;
  head = 0;
  ring = next;
}

// Node's tickInfo: the loop reads [kHasTickScheduled] after each callback
// to know whether to drain (no call to tell it).
const tickInfo = new Int32Array(binding.tickInfoBuffer);
const kHasTickScheduled = 0;

function nextTick(callback, arg0, arg1) {
  if (typeof callback !== 'function') validateFunction(callback, 'callback');
  const argc = arguments.length - 1;
  if (argc <= 2) {
    enqueueTick(argc, callback, arg0, arg1);
    return;
  }
  const more = new Array(argc - 2);
  for (let i = 3; i <= argc; i++) more[i - 3] = arguments[i];
  enqueueTick(more, callback, arg0, arg1);
}

// process.nextTick() for the runtime's own modules (streams, net), which
// say how many arguments (0 to 2) they pass: no `arguments` object, which
// costs QuickJS ~1,000 instructions a call, and no validation. A patched
// process.nextTick (as tracing tools install) is called instead, as Node's
// own modules would call it.
function queueTick(argc, callback, arg0, arg1) {
  if (process.nextTick !== nextTick) {
    if (argc === 0) process.nextTick(callback);
    else if (argc === 1) process.nextTick(callback, arg0);
    else process.nextTick(callback, arg0, arg1);
    return;
  }
  enqueueTick(argc, callback, arg0, arg1);
}

function enqueueTick(argcOrMore, callback, arg0, arg1) {
  if (process._exiting) return;
  if (!tickScheduled) {
    tickScheduled = true;
    tickInfo[kHasTickScheduled] = 1;
  }
  ring[tail] = callback;
  ring[tail + 1] = arg0;
  ring[tail + 2] = arg1;
  ring[tail + 3] = argcOrMore;
  tail += ENTRY;
  if (tail === ring.length) {
    used = tail;
    tail = 0;
  } else if (tail > used) {
    used = tail;
  }
  if (tail === head) grow();
}

function runTicks() {
  while (head !== tail) {
    const callback = ring[head];
    const arg0 = ring[head + 1];
    const arg1 = ring[head + 2];
    const argc = ring[head + 3];
    head += ENTRY;
    if (head === ring.length) head = 0;
    switch (argc) {
      case 0: callback(); break;
      case 1: callback(arg0); break;
      case 2: callback(arg0, arg1); break;
      default: callback(arg0, arg1, ...argc);
    }
  }
}

const { runMicrotasks } = binding;

function processTicksAndRejections() {
  do {
    runTicks();
    if (runMicrotasks()) takeNative();
  } while (head !== tail || processPromiseRejections());
  if (used !== 0) {
    ring.fill(undefined, 0, used);
    head = tail = used = 0;
  }
  tickScheduled = false;
  tickInfo[kHasTickScheduled] = 0;
}

function hasTickScheduled() {
  return head !== tail;
}

// Between timers and between immediates Node drains ticks and microtasks.
function runNextTicks() {
  if (head === tail) {
    if (runMicrotasks()) takeNative();
    if (head === tail && !processPromiseRejections() && head === tail) return;
  }
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      // Like Node: an exception in a microtask is an uncaught exception.
      require('internal/process/execution').fatalException(err);
    }
  });
}

// --- unhandled rejections (Node's default mode: throw) ------------------------
const maybeUnhandled = new WeakMap();
let pendingUnhandled = [];
const asyncHandled = [];
function takeNative() {
  const list = binding.takeRejections();
  for (let i = 0; i < list.length; i++) {
    const [handled, promise, reason] = list[i];
    if (!handled) {
      maybeUnhandled.set(promise, { reason, warned: false });
      pendingUnhandled.push(promise);
    } else {
      const info = maybeUnhandled.get(promise);
      if (info !== undefined) {
        maybeUnhandled.delete(promise);
        if (info.warned) {
          asyncHandled.push(promise);
          nextTick(() => process.emit('rejectionHandled', promise));
        }
      }
    }
  }
}

function unhandledRejectionError(reason) {
  if (reason instanceof Error) return reason;
  const util = require('util');
  const err = new Error(
    'This error originated either by throwing inside of an async function ' +
    'without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). The promise rejected with the reason "${util.inspect(reason)}".`);
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

// Called after microtasks ran (and their rejections were taken).
function processPromiseRejections() {
  if (pendingUnhandled.length === 0) return false;
  let any = false;
  while (pendingUnhandled.length > 0) {
    const list = pendingUnhandled;
    pendingUnhandled = [];
    for (let i = 0; i < list.length; i++) {
      const promise = list[i];
      const info = maybeUnhandled.get(promise);
      if (info === undefined) continue;
      info.warned = true;
      any = true;
      const { reason } = info;
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled) {
        require('internal/process/execution').fatalException(unhandledRejectionError(reason), true);
      }
    }
    takeNative();
  }
  return any;
}

module.exports = {
  nextTick,
  queueTick,
  queueMicrotask,
  processTicksAndRejections,
  runNextTicks,
  hasTickScheduled,
};
