'use strict';

// console as Node has it: a Console writing to process.stdout / process.stderr,
// with util.format semantics.

const binding = internalBinding('process');
const { codes: { ERR_CONSOLE_WRITABLE_STREAM, ERR_INVALID_ARG_VALUE } } = require('internal/errors');

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kGroupIndent = Symbol('groupIndent');
const kStdout = Symbol('stdout');
const kStderr = Symbol('stderr');
const kUseStdio = Symbol('useStdio');

let util;
function lazyUtil() {
  if (util === undefined) util = require('util');
  return util;
}

function format(args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  let plain = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a !== 'string' || (i === 0 && a.includes('%'))) {
      plain = false;
      break;
    }
  }
  if (plain) return args.join(' ');
  return lazyUtil().format(...args);
}

// Writes through process.stdout/stderr once a program has touched them (so
// that replacing process.stdout.write works); before that, straight to the fd.
const stdio = require('internal/process/stdio');
function writeStdio(fd, string) {
  const stream = stdio.getIfCreated(fd);
  if (stream === undefined) {
    if (fd === 1) binding.writeStdout(string);
    else binding.writeStderr(string);
    return;
  }
  stream.write(string);
}

class Console {
  constructor(options, stderr, ignoreErrors) {
    if (!new.target) return new Console(options, stderr, ignoreErrors);
    if (options && typeof options.write === 'function') {
      options = { stdout: options, stderr, ignoreErrors };
    }
    const { stdout, stderr: err = stdout, ignoreErrors: ie = true, groupIndentation = 2 } = options || {};
    if (!stdout || typeof stdout.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
    if (!err || typeof err.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
    this[kStdout] = stdout;
    this[kStderr] = err;
    this[kUseStdio] = false;
    this._ignoreErrors = ie;
    this[kGroupIndentWidth] = groupIndentation;
    initState(this);
    bindMethods(this);
  }
}
const kGroupIndentWidth = Symbol('groupIndentWidth');

function initState(c) {
  c[kCounts] = new Map();
  c[kTimers] = new Map();
  c[kGroupIndent] = '';
}

function bindMethods(c) {
  for (const key of Object.getOwnPropertyNames(Console.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Console.prototype, key);
    if (typeof desc.value === 'function') {
      Object.defineProperty(c, key, { value: desc.value.bind(c), writable: true, enumerable: true, configurable: true });
    }
  }
}

function write(c, toErr, string) {
  const indent = c[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (c[kUseStdio]) {
    writeStdio(toErr ? 2 : 1, string);
    return;
  }
  const stream = toErr ? c[kStderr] : c[kStdout];
  try {
    stream.write(string);
  } catch (e) {
    if (!c._ignoreErrors) throw e;
  }
}

const methods = {
  log(...args) {
    write(this, false, format(args));
  },
  warn(...args) {
    write(this, true, format(args));
  },
  dir(object, options) {
    write(this, false, lazyUtil().inspect(object, { customInspect: false, ...options }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, process.hrtime.bigint());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace(...args) {
    const err = new Error(format(args));
    err.name = 'Trace';
    const stack = (err.stack || '').split('\n').filter((l) => /^\s+at /.test(l));
    write(this, true, `Trace: ${format(args)}\n${stack.slice(1).join('\n')}`.trimEnd());
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      this.warn(...args);
    }
  },
  clear() {
    if (this[kUseStdio] ? process.stdout.isTTY : this[kStdout].isTTY) write(this, false, '\x1b[1;1H\x1b[0J');
  },
  count(label = 'default') {
    label = `${label}`;
    const n = (this[kCounts].get(label) || 0) + 1;
    this[kCounts].set(label, n);
    this.log(`${label}: ${n}`);
  },
  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].delete(label);
  },
  group(...data) {
    if (data.length > 0) this.log(...data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentWidth] || 2);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - (this[kGroupIndentWidth] || 2));
  },
  table(data, properties) {
    if (data === null || typeof data !== 'object') return this.log(data);
    const rows = Object.keys(data);
    const cols = new Set();
    let hasValues = false;
    for (const r of rows) {
      const v = data[r];
      if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) cols.add(k);
      else hasValues = true;
    }
    let columns = properties || [...cols];
    const header = ['(index)', ...columns];
    if (hasValues && !properties) header.push('Values');
    const { inspect } = lazyUtil();
    const fmt = (v) => (v === undefined ? '' : inspect(v, { depth: 1, breakLength: Infinity, compact: true }));
    const table = rows.map((r) => {
      const v = data[r];
      const isObj = v !== null && typeof v === 'object';
      const line = [r, ...columns.map((c) => (isObj && c in v ? fmt(v[c]) : ''))];
      if (hasValues && !properties) line.push(isObj ? '' : fmt(v));
      return line;
    });
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((l) => l[i].length)) + 2);
    const center = (s, w) => {
      const left = Math.floor((w - s.length) / 2);
      return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
    };
    const line = (l, r, m) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
    const out = [line('┌', '┐', '┬'), `│${header.map((h, i) => center(h, widths[i])).join('│')}│`, line('├', '┤', '┼')];
    for (const l of table) out.push(`│${l.map((c, i) => center(c, widths[i])).join('│')}│`);
    out.push(line('└', '┘', '┴'));
    write(this, false, out.join('\n'));
    columns = undefined;
  },
};
methods.info = methods.log;
methods.debug = methods.log;
methods.error = methods.warn;
methods.dirxml = methods.log;
methods.groupCollapsed = methods.group;

function timeLogImpl(c, name, label, data) {
  const start = c[kTimers].get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let t;
  if (ms >= 1000) {
    const s = ms / 1000;
    t = s >= 60 ? (s >= 3600 ? `${(s / 3600).toFixed(3)}h` : `${(s / 60).toFixed(3)}min`) : `${s.toFixed(3)}s`;
  } else {
    t = `${Number(ms.toFixed(3))}ms`;
  }
  if (data === undefined || data.length === 0) c.log(`${label}: ${t}`);
  else c.log(`${label}: ${t}`, ...data);
  return true;
}

for (const [k, v] of Object.entries(methods)) {
  Object.defineProperty(Console.prototype, k, { value: v, writable: true, enumerable: false, configurable: true });
}
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && kCounts in instance;
  },
});

// The global console writes to the process's stdio.
const globalConsole = Object.create({});
globalConsole[kUseStdio] = true;
globalConsole[kGroupIndentWidth] = 2;
globalConsole._ignoreErrors = true;
initState(globalConsole);
for (const key of Object.keys(methods)) {
  Object.defineProperty(globalConsole, key, { value: methods[key].bind(globalConsole), writable: true, enumerable: true, configurable: true });
}
globalConsole.Console = Console;
globalConsole.profile = () => {};
globalConsole.profileEnd = () => {};
globalConsole.timeStamp = () => {};
globalConsole.context = () => globalConsole;
Object.defineProperty(globalConsole, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });
void ERR_INVALID_ARG_VALUE;

module.exports = globalConsole;
