'use strict';

// Event, CustomEvent and EventTarget as in Node 20 (lib/internal/event_target.js).
// Listeners for a type are kept in a doubly linked list hanging off a root
// record { size, next, resistStopPropagation } in this[kEvents], the layout
// events.getEventListeners() reads.

const {
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');

const kIsEventTarget = Symbol.for('nodejs.event_target');
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');

const kEvents = Symbol('kEvents');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kHandlers = Symbol('kHandlers');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol('kResistStopPropagation');

const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kRemoveWeakListenerHelper = Symbol('kRemoveWeakListenerHelper');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');

const kType = Symbol('type');
const kDetail = Symbol('detail');

let lazyErrorCodes;
function codes() {
  if (lazyErrorCodes === undefined) lazyErrorCodes = require('internal/errors').codes;
  return lazyErrorCodes;
}

let lazyInspectFn;
function inspect(value, options) {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn(value, options);
}

// The max-listeners symbols are shared with 'events' (EventEmitter exposes
// them as EventEmitter.kMaxEventTargetListeners{,Warned}).
let kMaxEventTargetListeners;
let kMaxEventTargetListenersWarned;
let EventEmitterRef;
function loadEventsSymbols() {
  let EE;
  try {
    EE = require('events');
  } catch {
    EE = undefined;
  }
  EventEmitterRef = EE;
  kMaxEventTargetListeners = (EE && EE.kMaxEventTargetListeners) ||
    Symbol('events.maxEventTargetListeners');
  kMaxEventTargetListenersWarned = (EE && EE.kMaxEventTargetListenersWarned) ||
    Symbol('events.maxEventTargetListenersWarned');
}

function defaultMaxListeners() {
  const EE = EventEmitterRef;
  if (EE && typeof EE.defaultMaxListeners === 'number') return EE.defaultMaxListeners;
  return 10;
}

let perfNow;
function now() {
  if (perfNow === undefined) {
    const perf = globalThis.performance;
    if (perf !== undefined && typeof perf.now === 'function') {
      perfNow = () => perf.now();
    } else {
      const origin = Date.now();
      perfNow = () => Date.now() - origin;
    }
  }
  return perfNow();
}

function toDOMString(value) {
  if (typeof value === 'symbol') {
    throw new (codes().ERR_INVALID_ARG_VALUE)('value', value);
  }
  return `${value}`;
}

const isTrustedSet = new WeakSet();
const isTrusted = Object.getOwnPropertyDescriptor({
  get isTrusted() {
    return isTrustedSet.has(this);
  },
}, 'isTrusted').get;

const isTrustedDescriptor = {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: isTrusted,
};

function isEvent(value) {
  return value != null && typeof value[kType] === 'string';
}

function invalidThis(type) {
  return new (codes().ERR_INVALID_THIS)(type);
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  /**
   * @param {string} type
   * @param {{ bubbles?: boolean, cancelable?: boolean, composed?: boolean }} [options]
   */
  constructor(type, options = undefined) {
    if (arguments.length === 0)
      throw new (codes().ERR_MISSING_ARGS)('type');
    if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
    }
    if (options != null) {
      this.#bubbles = !!options.bubbles;
      this.#cancelable = !!options.cancelable;
      this.#composed = !!options.composed;
    }

    this[kType] = `${type}`;
    if (options != null && options[kTrustEvent]) {
      isTrustedSet.add(this);
    }

    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0)
      throw new (codes().ERR_MISSING_ARGS)('type');

    if (this[kIsBeingDispatched]) {
      return;
    }
    this[kType] = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [customInspectSymbol](depth, options) {
    if (!isEvent(this))
      throw invalidThis('Event');
    const name = this.constructor.name;
    if (depth < 0)
      return name;

    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });

    return `${name} ${inspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this))
      throw invalidThis('Event');
    this.stopPropagation();
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this))
      throw invalidThis('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return !this.#cancelable || !this.#defaultPrevented;
  }

  get bubbles() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this))
      throw invalidThis('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this))
      throw invalidThis('Event');
    if (value) {
      this.#propagationStopped = true;
    }
  }

  stopPropagation() {
    if (!isEvent(this))
      throw invalidThis('Event');
    this.#propagationStopped = true;
  }
}

Object.defineProperties(
  Event.prototype, {
    [Symbol.toStringTag]: {
      __proto__: null,
      writable: false,
      enumerable: false,
      configurable: true,
      value: 'Event',
    },
    initEvent: kEnumerableProperty,
    stopImmediatePropagation: kEnumerableProperty,
    preventDefault: kEnumerableProperty,
    target: kEnumerableProperty,
    currentTarget: kEnumerableProperty,
    srcElement: kEnumerableProperty,
    type: kEnumerableProperty,
    cancelable: kEnumerableProperty,
    defaultPrevented: kEnumerableProperty,
    timeStamp: kEnumerableProperty,
    composedPath: kEnumerableProperty,
    returnValue: kEnumerableProperty,
    bubbles: kEnumerableProperty,
    composed: kEnumerableProperty,
    eventPhase: kEnumerableProperty,
    cancelBubble: kEnumerableProperty,
    stopPropagation: kEnumerableProperty,
    isTrusted: isTrustedDescriptor,
  });

const staticProps = ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'];
for (let i = 0; i < staticProps.length; i++) {
  Object.defineProperty(Event, staticProps[i], {
    __proto__: null,
    writable: false,
    configurable: false,
    enumerable: true,
    value: i,
  });
}

function isCustomEvent(value) {
  return isEvent(value) && (value[kDetail] !== undefined);
}

class CustomEvent extends Event {
  /**
   * @param {string} type
   * @param {{ bubbles?: boolean, cancelable?: boolean, composed?: boolean, detail?: any }} [options]
   */
  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0)
      throw new (codes().ERR_MISSING_ARGS)('type');
    super(type, options);
    const detail = options != null ? options.detail : undefined;
    this[kDetail] = detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this))
      throw invalidThis('CustomEvent');
    return this[kDetail];
  }
}

Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'CustomEvent',
  },
  detail: kEnumerableProperty,
});

// Weak listeners (used internally for AbortSignal 'abort' handlers).
let weakListenersState = null;
let objectToWeakListenerMap = null;
function weakListeners() {
  if (weakListenersState === null) {
    weakListenersState = new FinalizationRegistry(
      ({ eventTarget, listener, eventType }) => {
        const target = eventTarget.deref();
        if (target !== undefined) target[kRemoveWeakListenerHelper](eventType, listener);
      },
    );
  }
  if (objectToWeakListenerMap === null) objectToWeakListenerMap = new WeakMap();
  return { registry: weakListenersState, map: objectToWeakListenerMap };
}

const kFlagOnce = 1 << 0;
const kFlagCapture = 1 << 1;
const kFlagPassive = 1 << 2;
const kFlagNodeStyle = 1 << 3;
const kFlagWeak = 1 << 4;
const kFlagRemoved = 1 << 5;
const kFlagResistStopPropagation = 1 << 6;

// One registered listener: a node of the type's linked list.
class Listener {
  constructor(eventTarget, eventType, previous, listener, once, capture, passive,
              isNodeStyleListener, weak, resistStopPropagation) {
    this.next = undefined;
    if (previous !== undefined)
      previous.next = this;
    this.previous = previous;
    this.listener = listener;

    let flags = 0;
    if (once)
      flags |= kFlagOnce;
    if (capture)
      flags |= kFlagCapture;
    if (passive)
      flags |= kFlagPassive;
    if (isNodeStyleListener)
      flags |= kFlagNodeStyle;
    if (weak)
      flags |= kFlagWeak;
    if (resistStopPropagation)
      flags |= kFlagResistStopPropagation;
    this.flags = flags;

    if (this.weak) {
      this.callback = new WeakRef(listener);
      weakListeners().registry.register(listener, {
        __proto__: null,
        eventTarget: new WeakRef(eventTarget),
        listener: this,
        eventType,
      }, this);
      // Keep the listener alive as long as the `weak` owner is.
      weakListeners().map.set(weak, listener);
      this.listener = this.callback;
    } else if (typeof listener === 'function') {
      this.callback = listener;
      this.listener = listener;
    } else {
      // handleEvent is looked up at dispatch time.
      this.callback = async (...args) => {
        if (listener.handleEvent)
          await Reflect.apply(listener.handleEvent, listener, args);
      };
      this.listener = listener;
    }
  }

  get once() {
    return (this.flags & kFlagOnce) !== 0;
  }
  get capture() {
    return (this.flags & kFlagCapture) !== 0;
  }
  get passive() {
    return (this.flags & kFlagPassive) !== 0;
  }
  get isNodeStyleListener() {
    return (this.flags & kFlagNodeStyle) !== 0;
  }
  get weak() {
    return (this.flags & kFlagWeak) !== 0;
  }
  get resistStopPropagation() {
    return (this.flags & kFlagResistStopPropagation) !== 0;
  }
  get removed() {
    return (this.flags & kFlagRemoved) !== 0;
  }
  set removed(value) {
    if (value)
      this.flags |= kFlagRemoved;
    else
      this.flags &= ~kFlagRemoved;
  }

  same(listener, capture) {
    const myListener = this.weak ? this.listener.deref() : this.listener;
    return myListener === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined)
      this.previous.next = this.next;
    if (this.next !== undefined)
      this.next.previous = this.previous;
    this.removed = true;
    if (this.weak)
      weakListeners().registry.unregister(this);
  }
}

function initEventTarget(self) {
  if (kMaxEventTargetListeners === undefined) loadEventsSymbols();
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = defaultMaxListeners();
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, function(err) {
      // The callback is called with another trace; this is fine.
      emitUncaughtException(err);
    });
  }
}

function validateEventListener(listener) {
  if (typeof listener === 'function' ||
      (listener != null && typeof listener.handleEvent === 'function')) {
    return true;
  }
  if (listener == null)
    return false;
  if (typeof listener === 'object') {
    // handleEvent is required lazily, at dispatch.
    return true;
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean')
    return { capture: options };

  if (options === null)
    return {};
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null ||
       typeof signal !== 'object' ||
       !('aborted' in signal))) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'AbortSignal', signal);
  }
}

function isEventTarget(obj) {
  return obj != null && obj.constructor != null && obj.constructor[kIsEventTarget] === true;
}

function isNodeEventTarget(obj) {
  return obj != null && obj.constructor != null && obj.constructor[kIsNodeEventTarget] === true;
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    if (this[kMaxEventTargetListeners] > 0 &&
        size > this[kMaxEventTargetListeners] &&
        !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' +
                          `${size} ${type} listeners ` +
                          `added to ${inspect(this, { depth: -1 })}. MaxListeners is ${this[kMaxEventTargetListeners]}. Use ` +
                          'events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }
  [kRemoveListener](size, type, listener, capture) {}

  /**
   * @param {string} type
   * @param {Function | { handleEvent: Function }} listener
   * @param {boolean | { once?: boolean, capture?: boolean, passive?: boolean, signal?: AbortSignal }} [options]
   */
  addEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this))
      throw invalidThis('EventTarget');
    if (arguments.length < 2)
      throw new (codes().ERR_MISSING_ARGS)('type', 'listener');

    let once = false;
    let capture = false;
    let passive = false;
    let isNodeStyleListener = false;
    let weak = false;
    let resistStopPropagation = false;

    if (options !== kEmptyObject) {
      options = validateEventListenerOptions(options);

      once = options.once;
      capture = options.capture;
      passive = options.passive;
      isNodeStyleListener = options.isNodeStyleListener;
      weak = options.weak;
      resistStopPropagation = options.resistStopPropagation;

      const signal = options.signal;

      validateAbortSignal(signal, 'options.signal');

      if (signal) {
        if (signal.aborted) {
          return;
        }
        // Remove the listener once the signal aborts.
        signal.addEventListener('abort', () => {
          this.removeEventListener(type, listener, options);
        }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
      }
    }

    if (!validateEventListener(listener)) {
      // Node warns instead of throwing for null/undefined listeners.
      const w = new Error(`addEventListener called with ${listener}` +
                          ' which has no effect.');
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }

    type = toDOMString(type);

    let root = this[kEvents].get(type);

    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resistStopPropagation) };
      // The Listener constructor links itself after root.
      new Listener(this, type, root, listener, once, capture, passive,  // eslint-disable-line no-new
                   isNodeStyleListener, weak, resistStopPropagation);
      this[kNewListener](
        root.size,
        type,
        listener,
        once,
        capture,
        passive,
        weak);
      this[kEvents].set(type, root);
      return;
    }

    let handler = root.next;
    let previous = root;

    // Find the last listener, stopping at a duplicate.
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }

    if (handler !== undefined) { // Duplicate: ignored.
      return;
    }

    new Listener(this, type, previous, listener, once, capture, passive,  // eslint-disable-line no-new
                 isNodeStyleListener, weak, resistStopPropagation);
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  /**
   * @param {string} type
   * @param {Function | { handleEvent: Function }} listener
   * @param {boolean | { capture?: boolean }} [options]
   */
  removeEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this))
      throw invalidThis('EventTarget');
    if (arguments.length < 2)
      throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    if (!validateEventListener(listener))
      return;

    type = toDOMString(type);
    const capture = options === true ||
      (options != null && typeof options === 'object' && options.capture === true);

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined)
      return;

    let handler = root.next;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0)
          this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
      handler = handler.next;
    }
  }

  [kRemoveWeakListenerHelper](type, listener) {
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined)
      return;

    const capture = listener.capture === true;

    let handler = root.next;
    while (handler !== undefined) {
      if (handler === listener) {
        handler.remove();
        root.size--;
        if (root.size === 0)
          this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, undefined, capture);
        break;
      }
      handler = handler.next;
    }
  }

  /**
   * @param {Event} event
   * @returns {boolean} false when a cancelable event had preventDefault() called.
   */
  dispatchEvent(event) {
    if (!isEventTarget(this))
      throw invalidThis('EventTarget');
    if (arguments.length < 1)
      throw new (codes().ERR_MISSING_ARGS)('event');

    if (!(event instanceof Event))
      throw new (codes().ERR_INVALID_ARG_TYPE)('event', 'Event', event);

    if (event[kIsBeingDispatched])
      throw new (codes().ERR_EVENT_RECURSION)(event.type);

    this[kHybridDispatch](event, event.type, event);

    return event.defaultPrevented !== true;
  }

  [kHybridDispatch](nodeValue, type, event) {
    const createEvent = () => {
      if (event === undefined) {
        event = this[kCreateEvent](nodeValue, type);
        event[kTarget] = this;
        event[kIsBeingDispatched] = true;
      }
      return event;
    };
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined)
        event[kIsBeingDispatched] = false;
      return true;
    }

    let handler = root.next;
    let next;

    while (handler !== undefined &&
           (root.resistStopPropagation || handler.passive ||
            event === undefined || event[kStop] !== true)) {
      // Read next first: the listener may remove itself.
      next = handler.next;

      if (handler.removed ||
          (event !== undefined && event[kStop] === true && !handler.resistStopPropagation)) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        const { listener, capture } = handler;
        this[kRemoveListener](root.size, type, listener, capture);
      }

      try {
        let arg;
        if (handler.isNodeStyleListener) {
          arg = nodeValue;
        } else {
          arg = createEvent();
        }
        const callback = handler.weak ?
          handler.callback.deref() : handler.callback;
        let result;
        if (callback) {
          result = callback.call(this, arg);
          if (!handler.isNodeStyleListener) {
            arg[kIsBeingDispatched] = false;
          }
        }
        if (result !== undefined && result !== null)
          addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }

      handler = next;
    }

    if (event !== undefined)
      event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [customInspectSymbol](depth, options) {
    if (!isEventTarget(this))
      throw invalidThis('EventTarget');
    const name = this.constructor.name;
    if (depth < 0)
      return name;

    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });

    return `${name} ${inspect({}, opts)}`;
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: kEnumerableProperty,
  removeEventListener: kEnumerableProperty,
  dispatchEvent: kEnumerableProperty,
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'EventTarget',
  },
});

// EventTarget with the EventEmitter-like methods Node uses internally
// (worker MessagePort and friends).
class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  setMaxListeners(n) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
      throw new (codes().ERR_OUT_OF_RANGE)('n', 'a non-negative number', n);
    }
    this[kMaxEventTargetListeners] = n;
    this[kMaxEventTargetListenersWarned] = false;
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    return Array.from(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    if (typeof type !== 'string') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('type', 'string', type);
    }
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    this.addEventListener(type, listener,
                          { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this))
      throw invalidThis('NodeEventTarget');
    if (type !== undefined) {
      this[kEvents].delete(String(type));
    } else {
      this[kEvents].clear();
    }
    return this;
  }
}

Object.defineProperties(NodeEventTarget.prototype, {
  setMaxListeners: kEnumerableProperty,
  getMaxListeners: kEnumerableProperty,
  eventNames: kEnumerableProperty,
  listenerCount: kEnumerableProperty,
  off: kEnumerableProperty,
  removeListener: kEnumerableProperty,
  on: kEnumerableProperty,
  addListener: kEnumerableProperty,
  once: kEnumerableProperty,
  emit: kEnumerableProperty,
  removeAllListeners: kEnumerableProperty,
});

function makeEventHandler(handler) {
  // The wrapper is registered once; assigning onX again swaps `handler`, so
  // the listener keeps its position in the list.
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') {
      return;
    }
    return Reflect.apply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null ||
      !Object.prototype.hasOwnProperty.call(object, fieldKey)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('this', className, object);
  }
}

// Defines the `on<name>` event handler attribute on `emitter`.
function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;
  function get() {
    validateInternalField(this, kHandlers, 'EventTarget');
    const wrapped = this[kHandlers].get(event);
    return (wrapped !== undefined ? wrapped.handler : undefined) ?? null;
  }
  Object.defineProperty(get, 'name', {
    __proto__: null,
    value: `get ${propName}`,
  });

  function set(value) {
    validateInternalField(this, kHandlers, 'EventTarget');
    let wrappedHandler = this[kHandlers].get(event);
    if (wrappedHandler) {
      if (typeof wrappedHandler.handler === 'function') {
        this[kEvents].get(event).size--;
        const size = this[kEvents].get(event).size;
        this[kRemoveListener](size, event, wrappedHandler.handler, false);
      }
      wrappedHandler.handler = value;
      if (typeof wrappedHandler.handler === 'function') {
        this[kEvents].get(event).size++;
        const size = this[kEvents].get(event).size;
        this[kNewListener](size, event, value, false, false, false, false);
      }
    } else {
      wrappedHandler = makeEventHandler(value);
      this.addEventListener(event, wrappedHandler);
    }
    this[kHandlers].set(event, wrappedHandler);
  }
  Object.defineProperty(set, 'name', {
    __proto__: null,
    value: `set ${propName}`,
  });

  Object.defineProperty(emitter, propName, {
    __proto__: null,
    get,
    set,
    configurable: true,
    enumerable: true,
  });
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initEventTarget,
  isEventTarget,
  kCreateEvent,
  kNewListener,
  kTrustEvent,
  kRemoveListener,
  kEvents,
  kWeakHandler,
  kResistStopPropagation,
  kIsNodeStyleListener,
};
