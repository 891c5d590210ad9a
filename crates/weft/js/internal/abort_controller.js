'use strict';

// AbortController and AbortSignal as in Node 20 (lib/internal/abort_controller.js),
// minus the MessagePort transfer support.

const {
  defineEventHandler,
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');
const {
  createDeferredPromise,
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const { DOMException } = require('internal/dom_exception');

const { codes } = require('internal/errors');
const validators = require('internal/validators');

let lazyInspectFn;
function inspect(value, options) {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn(value, options);
}

function clearTimer(timeout) {
  clearTimeout(timeout);
}

let clearTimeoutRegistry;
function getClearTimeoutRegistry() {
  if (clearTimeoutRegistry === undefined) {
    clearTimeoutRegistry = new FinalizationRegistry(clearTimer);
  }
  return clearTimeoutRegistry;
}

// Timeout and composite signals with 'abort' listeners must stay alive until
// they abort, even when user code dropped its references.
const gcPersistentSignals = new Set();

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');

function customInspect(self, obj, depth, options) {
  if (depth < 0)
    return self;

  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });

  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj == null || obj[kAborted] === undefined)
    throw new (codes.ERR_INVALID_THIS)('AbortSignal');
}

// The timer holds the signal weakly so an unreferenced signal can be
// collected; the timer is unref'd so it does not keep the loop alive.
function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(
        signal,
        new DOMException(
          'The operation was aborted due to timeout',
          'TimeoutError'));
    }
  }, delay);
  if (timeout != null && typeof timeout.unref === 'function') timeout.unref();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor() {
    throw new (codes.ERR_ILLEGAL_CONSTRUCTOR)();
  }

  /** @type {boolean} */
  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  /** @type {any} */
  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) {
      throw this[kReason];
    }
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, {
      aborted: this.aborted,
    }, depth, options);
  }

  /**
   * @param {any} [reason]
   * @returns {AbortSignal} an already aborted signal.
   */
  static abort(
    reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  /**
   * @param {number} delay milliseconds
   * @returns {AbortSignal} a signal aborting with a TimeoutError after delay.
   */
  static timeout(delay) {
    validators.validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    getClearTimeoutRegistry().register(
      signal,
      setWeakAbortSignalTimeout(new WeakRef(signal), delay));
    return signal;
  }

  /**
   * @param {AbortSignal[]} signals
   * @returns {AbortSignal} a signal aborting when any of signals does.
   */
  static any(signals) {
    validators.validateAbortSignalArray(signals, 'signals');
    const resultSignal = createAbortSignal({ composite: true });
    if (!signals.length) {
      return resultSignal;
    }
    const resultSignalWeakRef = new WeakRef(resultSignal);
    resultSignal[kSourceSignals] = new Set();
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
      signal[kDependantSignals] ??= new Set();
      if (!signal[kComposite]) {
        resultSignal[kSourceSignals].add(new WeakRef(signal));
        signal[kDependantSignals].add(resultSignalWeakRef);
      } else if (!signal[kSourceSignals]) {
        continue;
      } else {
        // Depend on the sources of a composite signal directly.
        for (const sourceSignal of signal[kSourceSignals]) {
          const sourceSignalRef = sourceSignal.deref();
          if (!sourceSignalRef) {
            continue;
          }
          if (resultSignal[kSourceSignals].has(sourceSignal)) {
            continue;
          }
          resultSignal[kSourceSignals].add(sourceSignal);
          sourceSignalRef[kDependantSignals] ??= new Set();
          sourceSignalRef[kDependantSignals].add(resultSignalWeakRef);
        }
      }
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const isTimeoutOrNonEmptyCompositeSignal = this[kTimeout] ||
      (this[kComposite] && this[kSourceSignals] && this[kSourceSignals].size);
    if (isTimeoutOrNonEmptyCompositeSignal &&
        type === 'abort' &&
        !this.aborted &&
        !weak &&
        size === 1) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    const isTimeoutOrNonEmptyCompositeSignal = this[kTimeout] ||
      (this[kComposite] && this[kSourceSignals] && this[kSourceSignals].size);
    if (isTimeoutOrNonEmptyCompositeSignal && type === 'abort' && size === 0) {
      gcPersistentSignals.delete(this);
    }
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
});

Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});

defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = kEmptyObject) {
  const aborted = init.aborted === undefined ? false : init.aborted;
  const reason = init.reason;
  const composite = init.composite === undefined ? false : init.composite;
  // AbortSignal's constructor throws: build an EventTarget and re-brand it.
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', {
    [kTrustEvent]: true,
  });
  signal.dispatchEvent(event);
  const dependants = signal[kDependantSignals];
  if (dependants !== undefined) {
    dependants.forEach((s) => {
      const signalRef = s.deref();
      if (signalRef) abortSignal(signalRef, reason);
    });
  }
}

class AbortController {
  #signal;

  /** @type {AbortSignal} */
  get signal() {
    this.#signal ??= createAbortSignal();
    return this.#signal;
  }

  /**
   * @param {any} [reason]
   */
  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal ??= createAbortSignal(), reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, {
      signal: this.signal,
    }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// Weft has no MessagePort transfer yet: these return their argument after
// the type check Node does.
function transferableAbortSignal(signal) {
  if (signal == null || signal[kAborted] === undefined)
    throw new (codes.ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  return signal;
}

function transferableAbortController() {
  return new AbortController();
}

/**
 * util.aborted(signal, resource): resolves when signal aborts. The listener
 * is held weakly through `resource`.
 */
async function aborted(signal, resource) {
  if (signal === undefined) {
    throw new (codes.ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  }
  validators.validateAbortSignal(signal, 'signal');
  validators.validateObject(resource, 'resource', validators.kValidateObjectAllowObjects);
  if (signal.aborted)
    return Promise.resolve();
  const abortPromise = createDeferredPromise();
  const opts = { __proto__: null, [kWeakHandler]: resource, once: true, [kResistStopPropagation]: true };
  signal.addEventListener('abort', abortPromise.resolve, opts);
  return abortPromise.promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
  kAborted,
};
