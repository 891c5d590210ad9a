'use strict';

// timers: the public timer functions. They are the ones internal/timers
// implements (and the globals are); this module adds what Node's lib/timers.js
// adds: the util.promisify() forms of setTimeout/setImmediate, the deprecated
// enroll/unenroll/active/_unrefActive, and `timers.promises`.

const internalTimers = require('internal/timers');
const { kCustomPromisifiedSymbol, deprecate } = require('internal/util');
const { getTimerDuration } = require('internal/validators');

const {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
  active,
  unrefActive,
  unenroll,
} = internalTimers;

let timersPromises;
function lazyPromises() {
  if (timersPromises === undefined) timersPromises = require('timers/promises');
  return timersPromises;
}

// util.promisify(setTimeout) and util.promisify(setImmediate) give the
// timers/promises functions, as in Node.
function definePromisified(fn, name) {
  if (Object.prototype.hasOwnProperty.call(fn, kCustomPromisifiedSymbol)) return;
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      return lazyPromises()[name];
    },
  });
}
definePromisified(setTimeout, 'setTimeout');
definePromisified(setImmediate, 'setImmediate');

// Makes a plain object usable as a timer (not started; see active()).
function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleNext) unenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

const timers = module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecate(unrefActive,
                          'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.',
                          'DEP0127'),
  active: deprecate(active,
                    'timers.active() is deprecated. Please use timeout.refresh() instead.',
                    'DEP0126'),
  unenroll: deprecate(unenroll,
                      'timers.unenroll() is deprecated. Please use clearTimeout instead.',
                      'DEP0096'),
  enroll: deprecate(enroll,
                    'timers.enroll() is deprecated. Please use setTimeout instead.',
                    'DEP0095'),
};

Object.defineProperty(timers, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return lazyPromises();
  },
});
