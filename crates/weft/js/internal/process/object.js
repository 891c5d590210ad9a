'use strict';

// The `process` object: an EventEmitter with Node's properties and methods.

const EventEmitter = require('events');
const binding = internalBinding('process');
const { validateNumber, validateString } = require('internal/validators');
// Codes are looked up when thrown (see internal/validators).
const {
  codes,
  uvException,
} = require('internal/errors');

const process = Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
EventEmitter.call(process);

process.title = 'weft';
process.version = 'v20.18.0';
process.versions = {
  node: '20.18.0',
  weft: binding.version.slice(1),
  quickjs: '0.10',
  uv: '1.0.0',
  modules: '115',
};
process.weftVersion = binding.version;
process.arch = binding.arch;
process.platform = binding.platform;
process.release = { name: 'node', lts: undefined, sourceUrl: '', headersUrl: '' };
process.argv = binding.argv;
process.execArgv = binding.execArgv;
process.execPath = binding.execPath;
process.argv0 = 'weft';
process.pid = binding.pid;
process.ppid = binding.ppid;
process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: false, tls: true, cached_builtins: true, typescript: false };
process.config = { variables: {} };
process.moduleLoadList = [];
process._exiting = false;
process.exitCode = undefined;
process.allowedNodeEnvironmentFlags = new Set();

// process.env coerces assigned values to strings and writes through to the OS.
const envTarget = binding.env;
process.env = new Proxy(envTarget, {
  set(target, key, value) {
    if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    const v = `${value}`;
    target[key] = v;
    binding.setEnv(key, v);
    return true;
  },
  defineProperty(target, key, desc) {
    if ('value' in desc) {
      const v = `${desc.value}`;
      target[key] = v;
      binding.setEnv(`${key}`, v);
      return true;
    }
    throw new TypeError("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
  },
  deleteProperty(target, key) {
    if (typeof key === 'string') binding.unsetEnv(key);
    delete target[key];
    return true;
  },
});

process.cwd = function cwd() {
  const ctx = {};
  const dir = binding.cwd(ctx);
  if (ctx.errno !== undefined) throw uvException(ctx);
  return dir;
};

process.chdir = function chdir(directory) {
  validateString(directory, 'directory');
  const err = binding.chdir(directory);
  if (err < 0) throw uvException({ errno: err, syscall: 'chdir', path: process.cwd(), dest: directory });
};

process.umask = function umask(mask) {
  if (mask === undefined) return binding.umask();
  if (typeof mask === 'string') mask = parseInt(mask, 8);
  validateNumber(mask, 'mask');
  return binding.umask(mask);
};

function hrtime(time) {
  const [s, ns] = binding.hrtime();
  if (time !== undefined) {
    if (!Array.isArray(time)) throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', time);
    if (time.length !== 2) {
      const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
      throw new ERR_OUT_OF_RANGE('time', 2, time.length);
    }
    let sec = s - time[0];
    let nsec = ns - time[1];
    if (nsec < 0) { sec -= 1; nsec += 1e9; }
    return [sec, nsec];
  }
  return [s, ns];
}
hrtime.bigint = function bigint() {
  const [s, ns] = binding.hrtime();
  return BigInt(s) * 1000000000n + BigInt(ns);
};
process.hrtime = hrtime;

process.uptime = function uptime() { return binding.uptime(); };

function memoryUsage() { return binding.memoryUsage(); }
memoryUsage.rss = function rss() { return binding.memoryUsage().rss; };
process.memoryUsage = memoryUsage;

process.cpuUsage = function cpuUsage(prev) {
  const [user, system] = binding.resourceUsage();
  if (prev) return { user: user - prev.user, system: system - prev.system };
  return { user, system };
};
process.resourceUsage = function resourceUsage() {
  const [userCPUTime, systemCPUTime, maxRSS] = binding.resourceUsage();
  return { userCPUTime, systemCPUTime, maxRSS, sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
};

// Loads the tick queue on first use. Only replaces itself: a wrapper that
// code installed over it (and calls through) stays in place.
process.nextTick = function nextTick() {
  const tq = require('internal/process/task_queues');
  if (process.nextTick === nextTick) process.nextTick = tq.nextTick;
  return tq.nextTick.apply(null, arguments);
};

process.emitWarning = function emitWarning(warning, type, code, ctor) {
  return require('internal/process/warning').emitWarning(warning, type, code, ctor);
};

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  return require('internal/process/execution').exit();
};
process.reallyExit = function reallyExit(code) { binding.reallyExit(code | 0); };
process.abort = function abort() { binding.kill(binding.pid, 6); binding.reallyExit(134); };

const signals = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31 };
process.kill = function kill(pid, sig = 'SIGTERM') {
  if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let n;
  if (typeof sig === 'number') n = sig;
  else if (typeof sig === 'string' && signals[sig] !== undefined) n = signals[sig];
  else throw new codes.ERR_UNKNOWN_SIGNAL(sig);
  const err = binding.kill(pid, n);
  if (err < 0) {
    const { errnoException } = require('internal/errors');
    throw errnoException(err, 'kill');
  }
  return true;
};
process.getuid = function getuid() { return require('os').userInfo().uid; };
process.geteuid = process.getuid;
process.getgid = function getgid() { return require('os').userInfo().gid; };
process.getegid = process.getgid;
process.binding = function binding(name) {
  throw new codes.ERR_INVALID_ARG_VALUE('name', name, 'No such module');
};

function lazyStdio(name, fd) {
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get() {
      return require('internal/process/stdio').get(fd);
    },
  });
}
lazyStdio('stdout', 1);
lazyStdio('stderr', 2);
lazyStdio('stdin', 0);

process._rawDebug = function _rawDebug() {
  binding.writeStderr(require('util').format.apply(null, arguments) + '\n');
};

module.exports = process;
