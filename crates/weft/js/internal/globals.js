'use strict';

// The globals Node defines, installed as Node does (writable, configurable,
// not enumerable). Heavier ones load on first use.

// Node lists these in Object.keys(globalThis); the rest are not enumerable.
const enumerableGlobals = new Set(['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
  'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance']);

function defineValue(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: enumerableGlobals.has(name),
  });
}

function defineLazy(name, load) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: enumerableGlobals.has(name),
    get() {
      const value = load();
      defineValue(name, value);
      return value;
    },
    set(value) {
      defineValue(name, value);
    },
  });
}

const timers = require('internal/timers');
defineValue('setTimeout', timers.setTimeout);
defineValue('clearTimeout', timers.clearTimeout);
defineValue('setInterval', timers.setInterval);
defineValue('clearInterval', timers.clearInterval);
defineValue('setImmediate', timers.setImmediate);
defineValue('clearImmediate', timers.clearImmediate);
defineValue('queueMicrotask', require('internal/process/task_queues').queueMicrotask);

defineLazy('Buffer', () => require('buffer').Buffer);
defineLazy('console', () => require('console'));
defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazy('URL', () => require('internal/url').URL);
defineLazy('URLSearchParams', () => require('internal/url').URLSearchParams);
defineLazy('AbortController', () => require('internal/abort_controller').AbortController);
defineLazy('AbortSignal', () => require('internal/abort_controller').AbortSignal);
defineLazy('EventTarget', () => require('internal/event_target').EventTarget);
defineLazy('Event', () => require('internal/event_target').Event);
defineLazy('CustomEvent', () => require('internal/event_target').CustomEvent);
defineLazy('DOMException', () => require('internal/dom_exception').DOMException);
defineLazy('atob', () => require('internal/base64').atob);
defineLazy('btoa', () => require('internal/base64').btoa);
defineLazy('structuredClone', () => require('internal/structured_clone').structuredClone);
defineLazy('performance', () => require('internal/perf').performance);

// mJS's globals, a weft addition (Node defines neither): `load(file)` runs a
// built-in mJS library such as Mongoose OS's 'api_net.js' (which defines
// `Net`) or a script file; `print(...)` prints as mJS does. docs/mongoose.md.
defineLazy('load', () => require('internal/mjs/load').load);
defineLazy('print', () => require('internal/mjs/print').print);
