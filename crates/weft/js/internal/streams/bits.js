'use strict';

// The boolean fields of ReadableState and WritableState, as bits of
// `state.bits` (see defineBitAccessors in internal/streams/state). net.js
// reads them too, on its per-chunk paths.

const readable = {
  kObjectMode: 1 << 0, // read(n) ignores n, length counts objects.
  kEnded: 1 << 1,
  kEndEmitted: 1 << 2,
  kReading: 1 << 3,
  kConstructed: 1 << 4, // False while an async _construct() is pending.
  // True while inside _read() (or before the first read), so that events
  // which must not fire synchronously are deferred.
  kSync: 1 << 5,
  kNeedReadable: 1 << 6, // read() returned null: a 'readable' event is owed.
  kEmittedReadable: 1 << 7,
  kReadableListening: 1 << 8,
  kResumeScheduled: 1 << 9,
  kPaused: 1 << 10,
  kHasPaused: 1 << 11,
  kDataListening: 1 << 12,
  kErrorEmitted: 1 << 13,
  kEmitClose: 1 << 14,
  kAutoDestroy: 1 << 15,
  kDestroyed: 1 << 16,
  kClosed: 1 << 17,
  kCloseEmitted: 1 << 18,
  kMultiAwaitDrain: 1 << 19,
  kReadingMore: 1 << 20, // A maybeReadMore() is scheduled.
  kDataEmitted: 1 << 21,
  // Mirrors of `decoder !== null` and `errored !== null` (both fields are
  // defaults on the prototype until set), so that the per-chunk check reads
  // one field. Set wherever those fields are.
  kDecoder: 1 << 22,
  kErrored: 1 << 23,
  // An endReadableNT() is queued: a second endReadable() before it runs
  // (net's EOF path calls it twice) queues no other, which would find
  // 'end' emitted and do nothing.
  kEndScheduled: 1 << 24,
};

const writable = {
  kObjectMode: 1 << 0,
  kFinalCalled: 1 << 1, // _final() has been called.
  kNeedDrain: 1 << 2, // A 'drain' is owed.
  kEnding: 1 << 3, // end() has been called (set at its start).
  kEnded: 1 << 4, // end() has returned.
  kFinished: 1 << 5, // 'finish' has been emitted.
  kDestroyed: 1 << 6,
  // Convert strings to Buffers before _write(). Some streams handle
  // strings at a lower level and turn this off.
  kDecodeStrings: 1 << 7,
  kWriting: 1 << 8, // A _write() is in flight.
  // True while inside _write(): tells onwrite() whether the callback came
  // synchronously.
  kSync: 1 << 9,
  // Processing the buffer; _write() callbacks may come synchronously.
  kBufferProcessing: 1 << 10,
  kAfterWritePending: 1 << 11,
  kAllBuffers: 1 << 12,
  kAllNoop: 1 << 13,
  kConstructed: 1 << 14, // False while an async _construct() is pending.
  kPrefinished: 1 << 15, // 'prefinish' has been emitted.
  kErrorEmitted: 1 << 16,
  kEmitClose: 1 << 17,
  kAutoDestroy: 1 << 18,
  kClosed: 1 << 19,
  kCloseEmitted: 1 << 20,
  // Mirror of `errored !== null` (see the readable kErrored).
  kErrored: 1 << 21,
};

module.exports = { readable, writable };
