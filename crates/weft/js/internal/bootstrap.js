'use strict';

// Runs once per runtime, before user code: sets up the built-in module
// loader, `process`, the task queues, timers and the globals, then hands the
// loop its entry points (internalBinding('task_queue').setHooks) and exports
// `runMain`, which Rust calls to start the program.

const builtinsBinding = internalBinding('builtins');
const moduleCache = new Map();
const bindingCache = new Map();

function getBinding(name) {
  let b = bindingCache.get(name);
  if (b === undefined) {
    b = internalBinding(name);
    if (b === undefined) throw new Error(`No such binding: ${name}`);
    bindingCache.set(name, b);
  }
  return b;
}

function requireBuiltin(id) {
  const cached = moduleCache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = builtinsBinding.compile(id);
  if (fn === undefined) {
    const err = new Error(`Cannot find module '${id}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const mod = { exports: {}, id, loaded: false };
  moduleCache.set(id, mod);
  try {
    fn.call(mod.exports, mod.exports, requireBuiltin, mod, getBinding);
  } catch (e) {
    moduleCache.delete(id);
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}
requireBuiltin.cache = moduleCache;

// --- error stacks ---------------------------------------------------------
// V8's stack format: a "Name: message" header, then one "    at" line per
// JS frame (engine-internal frames without a file are left out, as V8 does).
function formatFrame(frame) {
  const file = frame.getFileName();
  if (file === null || file === undefined) return null;
  const fn = frame.getFunctionName();
  const where = `${file}:${frame.getLineNumber()}:${frame.getColumnNumber()}`;
  return fn ? `    at ${fn} (${where})` : `    at ${where}`;
}

function errorHeader(error) {
  let header;
  try {
    header = Error.prototype.toString.call(error);
  } catch {
    header = 'Error';
  }
  return header;
}

// The engine reads Error.prepareStackTrace through an accessor: assign, don't define.
Error.prepareStackTrace = function prepareStackTrace(error, frames) {
  let out = errorHeader(error);
  for (let i = 0; i < frames.length; i++) {
    const line = formatFrame(frames[i]);
    if (line !== null) out += `\n${line}`;
  }
  return out;
};

// --- process ---------------------------------------------------------------
const process = requireBuiltin('internal/process/object');
globalThis.process = process;
Object.defineProperty(globalThis, 'global', {
  value: globalThis, writable: true, configurable: true, enumerable: true,
});

const taskQueues = requireBuiltin('internal/process/task_queues');
const timers = requireBuiltin('internal/timers');
const { fatalException } = requireBuiltin('internal/process/execution');

// --- globals ---------------------------------------------------------------
requireBuiltin('internal/globals');


getBinding('task_queue').setHooks({
  processTicksAndRejections: taskQueues.processTicksAndRejections,
  processTimers: timers.processTimers,
  processImmediates: timers.processImmediate,
  fatalException,
  emitBeforeExit() {
    if (process._exiting) return;
    const code = process.exitCode === undefined ? 0 : process.exitCode;
    process.emit('beforeExit', code | 0);
  },
  emitExit() {
    return requireBuiltin('internal/process/execution').emitExit();
  },
  esmResolve(specifier, base) {
    return requireBuiltin('internal/modules/cjs').esmResolve(specifier, base);
  },
  esmLoad(name) {
    return requireBuiltin('internal/modules/cjs').esmLoad(name);
  },
  loadBuffer() {
    requireBuiltin('buffer');
  },
});

exports.runMain = function runMain() {
  requireBuiltin('internal/process/execution').runMain(getBinding('process').main);
};
