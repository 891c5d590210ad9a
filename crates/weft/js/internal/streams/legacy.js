'use strict';

// The pre-streams2 base class: an EventEmitter with a simple pipe().
//
// Behaviour modelled on Node.js v20 lib/internal/streams/legacy.js (MIT License,
// Copyright Node.js contributors).

const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function(dest, options) {
  const source = this;

  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) {
      source.pause();
    }
  }
  source.on('data', ondata);

  function ondrain() {
    if (source.readable && source.resume) {
      source.resume();
    }
  }
  dest.on('drain', ondrain);

  // Unless told otherwise, end the destination once the source ends or
  // closes (only once).
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }

  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }

  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  // Detach on error; rethrow when nobody else listens.
  function onerror(er) {
    cleanup();
    if (EE.listenerCount(this, 'error') === 0) {
      this.emit('error', er);
    }
  }

  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);

  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);

    source.removeListener('end', onend);
    source.removeListener('close', onclose);

    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);

    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);

    dest.removeListener('close', cleanup);
  }

  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);

  dest.emit('pipe', source);

  // Allow a.pipe(b).pipe(c).
  return dest;
};

// Only report events that actually have listeners (the stream constructors
// pre-populate _events with undefined slots).
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  const events = this._events;
  if (!events) return names;
  const keys = Reflect.ownKeys(events);
  for (let i = 0; i < keys.length; i++) {
    const v = events[keys[i]];
    if (typeof v === 'function' || (Array.isArray(v) && v.length > 0)) {
      names.push(keys[i]);
    }
  }
  return names;
};

function prependListener(emitter, event, fn) {
  // Not cached: userland may bundle its own EventEmitter.
  if (typeof emitter.prependListener === 'function') {
    return emitter.prependListener(event, fn);
  }
  // Very old emitters without prependListener: splice into _events.
  if (!emitter._events || !emitter._events[event]) {
    emitter.on(event, fn);
  } else if (Array.isArray(emitter._events[event])) {
    emitter._events[event].unshift(fn);
  } else {
    emitter._events[event] = [fn, emitter._events[event]];
  }
}

module.exports = { Stream, prependListener };
