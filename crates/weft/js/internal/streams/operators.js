'use strict';

// Readable.prototype iterator helpers (map, filter, forEach, toArray, some,
// every, find, reduce, flatMap, drop, take, asIndexedPairs, compose),
// implemented over the async iterator.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/operators.js (MIT License,
// Copyright Node.js contributors).

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateInteger,
  validateObject,
  getAbortController,
  addAbortListener,
  isWritable,
  isNodeStream,
} = require('internal/streams/utils');
const { finished } = require('internal/streams/end-of-stream');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

let staticCompose;

function validateOptions(options) {
  if (options != null) {
    validateObject(options, 'options');
  }
  if (options != null && options.signal != null) {
    validateAbortSignal(options.signal, 'options.signal');
  }
}

function signalOf(options) {
  return options != null ? options.signal : undefined;
}

// A signal that aborts when `signal` does (or never, without one).
function followSignal(signal) {
  const AbortController = getAbortController();
  const ac = new AbortController();
  if (signal) {
    if (signal.aborted) {
      ac.abort(signal.reason);
    } else {
      addAbortListener(signal, () => ac.abort(signal.reason));
    }
  }
  return ac.signal;
}

function compose(stream, options) {
  validateOptions(options);

  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }

  if (!staticCompose) staticCompose = require('internal/streams/compose');
  const composedStream = staticCompose(this, stream);

  if (options && options.signal) {
    // Already validated above.
    addAbortSignalNoValidate(options.signal, composedStream);
  }

  return composedStream;
}

function map(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  validateOptions(options);

  let concurrency = 1;
  if (options != null && options.concurrency != null) {
    concurrency = Math.floor(options.concurrency);
  }

  let highWaterMark = concurrency - 1;
  if (options != null && options.highWaterMark != null) {
    highWaterMark = Math.floor(options.highWaterMark);
  }

  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);

  highWaterMark += concurrency;

  return async function* map() {
    const signal = followSignal(signalOf(options));
    const stream = this;
    const queue = [];
    const signalOpt = { signal };

    let next;
    let resume;
    let done = false;
    let cnt = 0;

    function onCatch() {
      done = true;
      afterItemProcessed();
    }

    function afterItemProcessed() {
      cnt -= 1;
      maybeResume();
    }

    function maybeResume() {
      if (
        resume &&
        !done &&
        cnt < concurrency &&
        queue.length < highWaterMark
      ) {
        resume();
        resume = null;
      }
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) {
            return;
          }

          if (signal.aborted) {
            throw new AbortError();
          }

          try {
            val = fn(val, signalOpt);

            if (val === kEmpty) {
              continue;
            }

            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }

          cnt += 1;

          val.then(afterItemProcessed, onCatch);

          queue.push(val);
          if (next) {
            next();
            next = null;
          }

          if (!done && (queue.length >= highWaterMark || cnt >= concurrency)) {
            await new Promise((resolve) => {
              resume = resolve;
            });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(afterItemProcessed, onCatch);
        queue.push(val);
      } finally {
        done = true;
        if (next) {
          next();
          next = null;
        }
      }
    }

    pump();

    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];

          if (val === kEof) {
            return;
          }

          if (signal.aborted) {
            throw new AbortError();
          }

          if (val !== kEmpty) {
            yield val;
          }

          queue.shift();
          maybeResume();
        }

        await new Promise((resolve) => {
          next = resolve;
        });
      }
    } finally {
      done = true;
      if (resume) {
        resume();
        resume = null;
      }
    }
  }.call(this);
}

let asIndexedPairsWarned = false;
function asIndexedPairs(options = undefined) {
  if (!asIndexedPairsWarned) {
    asIndexedPairsWarned = true;
    if (typeof process.emitWarning === 'function') {
      process.emitWarning('readable.asIndexedPairs will be removed in a future version.',
                          'DeprecationWarning');
    }
  }
  validateOptions(options);

  return async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      const signal = signalOf(options);
      if (signal && signal.aborted) {
        throw new AbortError({ cause: signal.reason });
      }
      yield [index++, val];
    }
  }.call(this);
}

async function some(fn, options = undefined) {
  // eslint-disable-next-line no-unused-vars
  for await (const unused of filter.call(this, fn, options)) {
    return true;
  }
  return false;
}

async function every(fn, options = undefined) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  // every(fn) === !some(!fn)
  return !(await some.call(this, async (...args) => {
    return !(await fn(...args));
  }, options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) {
    return result;
  }
  return undefined;
}

async function forEach(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function forEachFn(value, options) {
    await fn(value, options);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const unused of map.call(this, forEachFn, options));
}

function filter(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function filterFn(value, options) {
    if (await fn(value, options)) {
      return value;
    }
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('reducer', ['Function', 'AsyncFunction'], reducer);
  }
  validateOptions(options);

  let hasInitialValue = arguments.length > 1;
  const outerSignal = signalOf(options);
  if (outerSignal && outerSignal.aborted) {
    const err = new AbortError(undefined, { cause: outerSignal.reason });
    this.once('error', () => {}); // Already propagated through the promise.
    await finished(this.destroy(err));
    throw err;
  }
  const AbortController = getAbortController();
  const ac = new AbortController();
  const signal = ac.signal;
  let removeAbort;
  if (outerSignal) {
    removeAbort = addAbortListener(outerSignal, () => ac.abort());
  }
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (outerSignal && outerSignal.aborted) {
        throw new AbortError();
      }
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) {
      throw new ReduceAwareErrMissingArgs();
    }
  } finally {
    ac.abort();
    if (removeAbort) removeAbort();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);

  const result = [];
  for await (const val of this) {
    const signal = signalOf(options);
    if (signal && signal.aborted) {
      throw new AbortError(undefined, { cause: signal.reason });
    }
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMap() {
    for await (const val of values) {
      yield* val;
    }
  }.call(this);
}

function toIntegerOrInfinity(number) {
  // Coerce as the iterator-helpers proposal does.
  number = Number(number);
  if (Number.isNaN(number)) {
    return 0;
  }
  if (number < 0) {
    throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  }
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);

  number = toIntegerOrInfinity(number);
  return async function* drop() {
    const signal = signalOf(options);
    if (signal && signal.aborted) {
      throw new AbortError();
    }
    for await (const val of this) {
      if (signal && signal.aborted) {
        throw new AbortError();
      }
      if (number-- <= 0) {
        yield val;
      }
    }
  }.call(this);
}

function take(number, options = undefined) {
  validateOptions(options);

  number = toIntegerOrInfinity(number);
  return async function* take() {
    const signal = signalOf(options);
    if (signal && signal.aborted) {
      throw new AbortError();
    }
    for await (const val of this) {
      if (signal && signal.aborted) {
        throw new AbortError();
      }
      if (number-- > 0) {
        yield val;
      }

      // Do not pull another item once enough were taken.
      if (number <= 0) {
        return;
      }
    }
  }.call(this);
}

module.exports.streamReturningOperators = {
  asIndexedPairs,
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
};

module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
