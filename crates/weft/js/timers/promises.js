'use strict';

// timers/promises: promise forms of the timers, on the same Timeout and
// Immediate objects as the callback forms. An AbortSignal cancels the timer
// and rejects with an AbortError whose cause is the signal's reason.

const { Timeout, Immediate, insert, clearTimeout, clearImmediate, clearInterval } =
  require('internal/timers');
const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
  validateNumber,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');

const kScheduler = Symbol('kScheduler');
let kResistStopPropagation;

function abortListenerOptions(extra) {
  if (kResistStopPropagation === undefined) {
    kResistStopPropagation = require('internal/event_target').kResistStopPropagation;
  }
  const opts = { __proto__: null, [kResistStopPropagation]: true };
  if (extra) opts.once = true;
  return opts;
}

// Throws the first problem with (delay,) options, as Node checks them.
function validateTimerOptions(options) {
  validateObject(options, 'options');
  if (typeof options?.signal !== 'undefined') validateAbortSignal(options.signal, 'options.signal');
  if (typeof options?.ref !== 'undefined') validateBoolean(options.ref, 'options.ref');
}

// Runs `start(resolve, reject)` → handle; an abort of `signal` clears the
// handle with `clear` and rejects.
function cancellable(signal, clear, start) {
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const handle = start(resolve);
    if (signal) {
      onAbort = () => {
        if (!handle._destroyed) {
          clear(handle);
          reject(new AbortError(undefined, { cause: signal?.reason }));
        }
      };
      signal.addEventListener('abort', onAbort, abortListenerOptions(false));
    }
  });
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(after, value, options = kEmptyObject) {
  try {
    if (typeof after !== 'undefined') validateNumber(after, 'delay');
    validateTimerOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return cancellable(signal, clearTimeout, (resolve) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    return timeout;
  });
}

function setImmediate(value, options = kEmptyObject) {
  try {
    validateTimerOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return cancellable(signal, clearImmediate, (resolve) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    return immediate;
  });
}

// Yields `value` every `after` ms; ticks that fire while the consumer is
// busy are all delivered.
async function* setInterval(after, value, options = kEmptyObject) {
  if (typeof after !== 'undefined') validateNumber(after, 'delay');
  validateTimerOptions(options);
  const { signal, ref = true } = options;
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  let onCancel;
  let interval;
  try {
    let pending = 0;
    let wake;
    interval = new Timeout(() => {
      pending++;
      if (wake) {
        wake();
        wake = undefined;
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal) {
      onCancel = () => {
        clearInterval(interval);
        if (wake) {
          wake(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, abortListenerOptions(true));
    }
    while (!signal?.aborted) {
      if (pending === 0) await new Promise((resolve) => { wake = resolve; });
      for (; pending > 0; pending--) yield value;
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    clearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

// The experimental scheduler API: scheduler.wait(delay) and scheduler.yield().
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler: Reflect.construct(function() {
    this[kScheduler] = true;
  }, [], Scheduler),
};
