'use strict';

// Program start, uncaught exceptions and exit (Node's
// lib/internal/process/execution.js and the C++ exit path).

const binding = internalBinding('process');

function emitExit() {
  if (!process._exiting) {
    process._exiting = true;
    const code = process.exitCode === undefined ? 0 : process.exitCode | 0;
    process.emit('exit', code);
  }
  return process.exitCode === undefined ? 0 : process.exitCode | 0;
}

function exit() {
  const code = emitExit();
  binding.reallyExit(code);
}

// The source line an error points at, for the report Node prints above the stack.
function sourceContext(err) {
  if (err === null || typeof err !== 'object') return '';
  const stack = typeof err.stack === 'string' ? err.stack : '';
  const m = /\(?((?:\/|file:\/\/)[^():]+):(\d+):(\d+)\)?/.exec(stack) ||
    (err instanceof SyntaxError && typeof err.fileName === 'string' ? [null, err.fileName, err.lineNumber, err.columnNumber] : null);
  if (!m) return '';
  const file = m[1].replace(/^file:\/\//, '');
  const line = +m[2];
  const col = +m[3];
  let text;
  try {
    text = require('internal/modules/cjs').sourceLine(file, line);
  } catch {
    return '';
  }
  if (text === undefined) return '';
  return `${file}:${line}\n${text}\n${' '.repeat(Math.max(col - 1, 0))}^\n\n`;
}

function formatUncaught(err) {
  let body;
  try {
    if (err instanceof Error || (err && typeof err.stack === 'string')) {
      const util = require('util');
      body = util.inspect(err, { customInspect: false, depth: Math.max(util.inspect.defaultOptions.depth, 5) });
    } else {
      body = `Uncaught ${require('util').inspect(err)}`;
    }
  } catch {
    try { body = String(err && err.stack ? err.stack : err); } catch { body = 'Uncaught exception'; }
  }
  let ctx = '';
  try { ctx = sourceContext(err); } catch {}
  return `${ctx}${body}\n\nWeft ${binding.version}\n`;
}

// Called for every exception that escapes a callback from the loop. Returns when
// an 'uncaughtException' listener handled it; otherwise prints it and exits with 1.
function fatalException(err, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, type);
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, type);
    return;
  }
  // Node runs 'exit' listeners first, then prints the error (C++ PrintUncaughtException).
  process.exitCode = 1;
  if (!process._exiting) {
    process._exiting = true;
    try {
      process.emit('exit', 1);
    } catch (e) {
      binding.writeStderr(formatUncaught(e));
    }
  }
  binding.writeStderr(formatUncaught(err));
  binding.reallyExit(process.exitCode === 1 || process.exitCode === undefined ? 1 : process.exitCode | 0);
}

function runMain(main) {
  const loader = require('internal/modules/cjs');
  switch (main.kind) {
    case 'file':
      loader.runMain(main.value);
      break;
    case 'eval':
      loader.evalScript(main.value, false);
      break;
    case 'print':
      loader.evalScript(main.value, true);
      break;
    default:
      break;
  }
}

module.exports = { emitExit, exit, fatalException, runMain, formatUncaught };
