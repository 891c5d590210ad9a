'use strict';

// Readable.from(iterable[, options]): a Readable (objectMode by default)
// pulling from a sync or async iterable. Promises yielded by a sync
// iterable are awaited.
//
// Behaviour modelled on Node.js v20 lib/internal/streams/from.js (MIT License,
// Copyright Node.js contributors).

const {
  ERR_INVALID_ARG_TYPE,
  ERR_STREAM_NULL_VALUES,
} = require('internal/errors').codes;

function from(Readable, iterable, opts) {
  let iterator;
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let isAsync;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({
    objectMode: true,
    highWaterMark: 1,
    ...opts,
  });

  // True while a pull loop is running, so that _read() calls made while
  // an iteration step is pending do not start a second one.
  let reading = false;

  readable._read = function() {
    if (!reading) {
      reading = true;
      pull();
    }
  };

  readable._destroy = function(error, cb) {
    close(error).then(
      () => process.nextTick(cb, error), // nextTick in case cb throws.
      (e) => process.nextTick(cb, e || error),
    );
  };

  // Give the iterator a chance to clean up: throw() the error into it when
  // there is one, then return().
  async function close(error) {
    if (error !== undefined && error !== null && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) {
        return;
      }
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  // Push values until the stream wants no more. For sync iterators this
  // runs synchronously until a yielded value is a thenable (only those are
  // awaited); async iterators await each next().
  async function pull() {
    for (;;) {
      try {
        let { value, done } = isAsync ? await iterator.next() : iterator.next(); // eslint-disable-line prefer-const
        if (done) {
          readable.push(null);
          return;
        }

        if (!isAsync && value && typeof value.then === 'function') {
          value = await value;
        }

        if (value === null) {
          reading = false;
          throw new ERR_STREAM_NULL_VALUES();
        }

        if (readable.push(value)) {
          continue;
        }

        reading = false;
      } catch (err) {
        readable.destroy(err);
      }
      return;
    }
  }

  return readable;
}

module.exports = from;
