'use strict';

// Timers as Node implements them (lib/internal/timers.js): timers with the
// same duration share a list ordered by start time, and a priority queue of
// lists ordered by expiry drives one native loop timer. Immediates are a
// linked list run in the check phase.

const binding = internalBinding('task_queue');
const { scheduleTimer, toggleTimerRef, getLibuvNow, toggleImmediateRef, setImmediatePending } = binding;
const { runNextTicks } = require('internal/process/task_queues');
const { validateFunction } = require('internal/validators');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const async_id_symbol = Symbol('asyncId');
const trigger_async_id_symbol = Symbol('triggerId');

let timerListId = Number.MIN_SAFE_INTEGER;
let asyncIdCounter = 1;
let refCount = 0;
let nextExpiry = Infinity;
const timerListMap = Object.create(null);
const knownTimersById = Object.create(null);

// --- intrusive doubly linked list (Node's internal/linkedlist) -------------
function L_init(list) {
  list._idleNext = list;
  list._idlePrev = list;
  return list;
}
function L_peek(list) {
  if (list._idlePrev === list) return null;
  return list._idlePrev;
}
function L_remove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
function L_append(list, item) {
  if (item._idleNext || item._idlePrev) L_remove(item);
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}
function L_isEmpty(list) {
  return list._idleNext === list;
}

// --- binary heap of lists by (expiry, id) ---------------------------------
const heap = [null];
let heapSize = 0;
function listLess(a, b) {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id);
}
function heapSet(pos, item) {
  heap[pos] = item;
  item.priorityQueuePosition = pos;
}
function percolateUp(pos) {
  const item = heap[pos];
  while (pos > 1) {
    const parent = heap[pos >> 1];
    if (!listLess(item, parent)) break;
    heapSet(pos, parent);
    pos >>= 1;
  }
  heapSet(pos, item);
}
function percolateDown(pos) {
  const item = heap[pos];
  const half = heapSize >> 1;
  while (pos <= half) {
    let child = pos << 1;
    const right = child + 1;
    if (right <= heapSize && listLess(heap[right], heap[child])) child = right;
    if (!listLess(heap[child], item)) break;
    heapSet(pos, heap[child]);
    pos = child;
  }
  heapSet(pos, item);
}
function heapInsert(item) {
  heapSize++;
  heap[heapSize] = item;
  percolateUp(heapSize);
}
function heapPeek() {
  return heapSize > 0 ? heap[1] : null;
}
function heapRemoveAt(pos) {
  const last = heap[heapSize];
  heap[heapSize] = undefined;
  heapSize--;
  if (pos <= heapSize) {
    heapSet(pos, last);
    if (pos > 1 && listLess(last, heap[pos >> 1])) percolateUp(pos);
    else percolateDown(pos);
  }
}
function heapShift() {
  if (heapSize === 0) return null;
  const top = heap[1];
  heapRemoveAt(1);
  return top;
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}
function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[async_id_symbol] = asyncIdCounter++;
    this[trigger_async_id_symbol] = 0;
  }

  refresh() {
    if (this[kRefed]) active(this);
    else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[async_id_symbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[async_id_symbol]) {
    item._destroyed = false;
    item[async_id_symbol] = asyncIdCounter++;
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
}

function insert(item, msecs, start = getLibuvNow()) {
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    heapInsert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  L_append(list, item);
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[async_id_symbol]];
  if (item[kRefed]) decRefCount();
  item[kRefed] = null;
  const list = timerListMap[item._idleTimeout];
  if (list !== undefined && L_isEmpty(list)) {
    // Nothing to do; the list is deleted when it next expires.
  }
  L_remove(item);
  if (list !== undefined && L_isEmpty(list) && list.priorityQueuePosition != null) {
    heapRemoveAt(list.priorityQueuePosition);
    delete timerListMap[list.msecs];
  }
  item._idleTimeout = -1;
}

function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = heapPeek()) !== null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks();
    else ranAtLeastOneList = true;
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = L_peek(list)) !== null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      percolateDown(list.priorityQueuePosition);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks();
    else ranAtLeastOneTimer = true;
    L_remove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else timer._onTimeout(...args);
    } finally {
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[timer[async_id_symbol]];
        if (timer[kRefed]) refCount--;
      }
    }
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    heapShift();
  }
  if (refCount === 0) toggleTimerRef(false);
}

// --- immediates ----------------------------------------------------------------
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }
  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
const outstandingQueue = new ImmediateList();
let immediateCount = 0;
let immediateRefCount = 0;

function immediateCountChanged(delta) {
  const before = immediateCount;
  immediateCount += delta;
  if ((before === 0) !== (immediateCount === 0)) setImmediatePending(immediateCount > 0);
}
function immediateRefChanged(delta) {
  const before = immediateRefCount;
  immediateRefCount += delta;
  if (before === 0 && immediateRefCount > 0) toggleImmediateRef(true);
  else if (before > 0 && immediateRefCount === 0) toggleImmediateRef(false);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[async_id_symbol] = asyncIdCounter++;
    this.ref();
    immediateCountChanged(1);
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      immediateRefChanged(1);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      immediateRefChanged(-1);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

function processImmediate() {
  const queue = outstandingQueue.head !== null ? outstandingQueue : immediateQueue;
  let immediate = queue.head;
  if (queue !== outstandingQueue) {
    queue.head = queue.tail = null;
  }
  let prevImmediate;
  let ranAtLeastOneImmediate = false;
  while (immediate !== null) {
    if (ranAtLeastOneImmediate) runNextTicks();
    else ranAtLeastOneImmediate = true;
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateCountChanged(-1);
    if (immediate[kRefed]) immediateRefChanged(-1);
    immediate[kRefed] = null;
    prevImmediate = immediate;
    // Remember where to resume if the callback throws.
    outstandingQueue.head = immediate;
    try {
      const argv = immediate._argv;
      if (!argv) immediate._onImmediate();
      else immediate._onImmediate(...argv);
    } finally {
      immediate._onImmediate = null;
      outstandingQueue.head = immediate = immediate._idleNext;
    }
  }
  if (queue === outstandingQueue) outstandingQueue.head = null;
}

function clearImmediateInternal(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateCountChanged(-1);
  immediate._destroyed = true;
  if (immediate[kRefed]) immediateRefChanged(-1);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
}

// --- public functions (re-exported by timers.js and the globals) -----------
function setTimeout(callback, after, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let i, args;
  switch (arguments.length) {
    case 0: case 1: case 2: break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 5; i < arguments.length; i++) args[i - 2] = arguments[i];
      break;
  }
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let i, args;
  switch (arguments.length) {
    case 0: case 1: case 2: break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 5; i < arguments.length; i++) args[i - 2] = arguments[i];
      break;
  }
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  clearTimeout(timer);
}

function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let i, args;
  switch (arguments.length) {
    case 0: case 1: break;
    case 2: args = [arg1]; break;
    case 3: args = [arg1, arg2]; break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 4; i < arguments.length; i++) args[i - 1] = arguments[i];
      break;
  }
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  clearImmediateInternal(immediate);
}

// util.promisify(setTimeout / setImmediate) gives the timers/promises
// versions, as in Node; defined here so that the globals have it from start.
const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, kCustomPromisified, {
    enumerable: true,
    configurable: true,
    get() {
      return require('timers/promises')[name];
    },
  });
}

module.exports = {
  TIMEOUT_MAX,
  kRefed,
  Timeout,
  Immediate,
  active,
  unrefActive,
  insert,
  unenroll,
  processTimers,
  processImmediate,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
  getLibuvNow,
};
