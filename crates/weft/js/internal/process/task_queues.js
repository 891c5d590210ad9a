'use strict';

// process.nextTick, queueMicrotask and the drain that runs after every
// callback from the loop (Node's lib/internal/process/task_queues.js):
// all queued ticks, then all microtasks, repeated until both are empty,
// then unhandled-rejection processing.

const binding = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');

// A growable ring of [callback, args] pairs; nextTick is hot, so no objects per tick.
let ring = new Array(64);
let head = 0;
let tail = 0;
let mask = 63;
let tickScheduled = false;

function grow() {
  const old = ring;
  const n = old.length;
  const next = new Array(n * 2);
  for (let i = 0; i < n; i += 2) {
    next[i] = old[(head + i) & mask];
    next[i + 1] = old[(head + i + 1) & mask];
  }
  tail = n;
  head = 0;
  ring = next;
  mask = next.length - 1;
}

function nextTick(callback) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  let args;
  const n = arguments.length;
  if (n > 1) {
    args = new Array(n - 1);
    for (let i = 1; i < n; i++) args[i - 1] = arguments[i];
  }
  if (!tickScheduled) {
    tickScheduled = true;
    binding.setTickScheduled(true);
  }
  ring[tail] = callback;
  ring[tail + 1] = args;
  tail = (tail + 2) & mask;
  if (tail === head) grow();
}

function runTicks() {
  while (head !== tail) {
    const callback = ring[head];
    const args = ring[head + 1];
    ring[head] = undefined;
    ring[head + 1] = undefined;
    head = (head + 2) & mask;
    if (args === undefined) {
      callback();
    } else {
      switch (args.length) {
        case 1: callback(args[0]); break;
        case 2: callback(args[0], args[1]); break;
        case 3: callback(args[0], args[1], args[2]); break;
        default: callback(...args);
      }
    }
  }
}

const { runMicrotasks } = binding;

function processTicksAndRejections() {
  do {
    runTicks();
    if (runMicrotasks()) takeNative();
  } while (head !== tail || processPromiseRejections());
  tickScheduled = false;
  binding.setTickScheduled(false);
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
  queueMicrotask,
  processTicksAndRejections,
  runNextTicks,
  hasTickScheduled,
};
