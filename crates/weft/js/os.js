'use strict';

// os: host facts (Node 20's lib/os.js surface, Linux values). Most come from
// internalBinding('os'); a few are read from /proc the way libuv does, so that
// the numbers match Node's: uptime (/proc/uptime, fractional), loadavg
// (/proc/loadavg), freemem (MemAvailable) and availableParallelism (the
// affinity mask in /proc/self/status).

const binding = internalBinding('os');
const fsBinding = internalBinding('fs');
const {
  codes: { ERR_SYSTEM_ERROR },
  uvErrmapGet,
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');

function readProc(path) {
  const ctx = {};
  const buf = fsBinding.sync('readFile', [path], ctx);
  return buf === undefined ? undefined : buf.toString('latin1');
}

function systemError(errno, syscall) {
  const [code, message] = uvErrmapGet(errno) || ['UNKNOWN', 'unknown error'];
  return new ERR_SYSTEM_ERROR({ errno, code, message, syscall });
}

// Functions that Node lets stand in for their value (`${os.hostname}`).
function primitive(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

const arch = primitive(function arch() {
  return process.arch;
});

const platform = primitive(function platform() {
  return process.platform;
});

const type = primitive(function getOSType() {
  return binding.sysname();
});

const release = primitive(function getOSRelease() {
  return binding.release();
});

const version = primitive(function getOSVersion() {
  return binding.version();
});

const machine = primitive(function getMachine() {
  return binding.machine();
});

const hostname = primitive(function getHostname() {
  return binding.hostname();
});

const homedir = primitive(function getHomeDirectory() {
  const home = process.env.HOME;
  if (home) return home;
  return binding.userInfo().homedir;
});

const tmpdir = primitive(function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
});

const endianness = primitive(function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
});

const uptime = primitive(function getUptime() {
  const text = readProc('/proc/uptime');
  const v = text === undefined ? NaN : Number.parseFloat(text);
  return Number.isNaN(v) ? binding.sysinfo()[2] : v;
});

function loadavg() {
  const text = readProc('/proc/loadavg');
  if (text !== undefined) {
    const parts = text.split(' ');
    const v = [Number(parts[0]), Number(parts[1]), Number(parts[2])];
    if (!v.some(Number.isNaN)) return v;
  }
  const si = binding.sysinfo();
  return [si[3], si[4], si[5]];
}

const totalmem = primitive(function getTotalMem() {
  return binding.sysinfo()[0];
});

const freemem = primitive(function getFreeMem() {
  const avail = binding.availableMemory();
  return avail > 0 ? avail : binding.sysinfo()[1];
});

// Number of CPUs in a list such as "0-3,8,10-11".
function countCpuList(list) {
  let n = 0;
  for (const part of list.split(',')) {
    const [a, b] = part.split('-');
    const lo = Number.parseInt(a, 10);
    const hi = b === undefined ? lo : Number.parseInt(b, 10);
    if (Number.isNaN(lo) || Number.isNaN(hi)) return 0;
    n += hi - lo + 1;
  }
  return n;
}

const availableParallelism = primitive(function getAvailableParallelism() {
  const status = readProc('/proc/self/status');
  if (status !== undefined) {
    const m = /^Cpus_allowed_list:\s*(\S+)/m.exec(status);
    if (m) {
      const n = countCpuList(m[1]);
      if (n > 0) return n;
    }
  }
  const n = binding.cpus().length;
  return n > 0 ? n : 1;
});

function cpus() {
  const data = binding.cpus() || [];
  const result = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    // libuv takes the speed from cpufreq (0 without it), not /proc/cpuinfo.
    const freq = readProc(`/sys/devices/system/cpu/cpu${i}/cpufreq/scaling_cur_freq`);
    const khz = freq === undefined ? NaN : Number.parseInt(freq, 10);
    result.push({
      model: c[0],
      speed: Number.isNaN(khz) ? 0 : Math.floor(khz / 1000),
      times: { user: c[2], nice: c[3], sys: c[4], idle: c[5], irq: c[6] },
    });
  }
  return result;
}

// Prefix length of a netmask, or null when its bits are not contiguous.
function getCIDR(address, netmask, family) {
  let groups;
  let bits;
  if (family === 'IPv6') {
    bits = 16;
    const halves = netmask.split('::');
    const head = halves[0] ? halves[0].split(':') : [];
    const tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
    groups = head.concat(new Array(Math.max(0, 8 - head.length - tail.length)).fill('0'), tail)
      .map((g) => Number.parseInt(g, 16));
  } else {
    bits = 8;
    groups = netmask.split('.').map((g) => Number.parseInt(g, 10));
  }
  let ones = 0;
  let ended = false;
  for (const g of groups) {
    for (let b = bits - 1; b >= 0; b--) {
      if ((g >> b) & 1) {
        if (ended) return null;
        ones++;
      } else {
        ended = true;
      }
    }
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const data = binding.networkInterfaces();
  const result = {};
  for (let i = 0; i < data.length; i++) {
    const [name, address, netmask, family, mac, internal, scopeid] = data[i];
    const entry = {
      address,
      netmask,
      family,
      mac,
      internal,
      cidr: getCIDR(address, netmask, family),
    };
    if (scopeid !== -1) entry.scopeid = scopeid;
    const existing = result[name];
    if (existing !== undefined) existing.push(entry);
    else result[name] = [entry];
  }
  return result;
}

function processExists(pid) {
  if (pid === 0 || pid === process.pid) return true;
  const ctx = {};
  fsBinding.sync('stat', [`/proc/${pid < 0 ? -pid : pid}`], ctx);
  return ctx.errno === undefined;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const priority = binding.getPriority(pid);
  // getpriority() returns -1 both as a priority and on failure.
  if (priority === -1 && !processExists(pid)) throw systemError(-3, 'uv_os_getpriority');
  return priority;
}

// There is no native setpriority(): setting the current value succeeds,
// anything else fails with ENOSYS.
function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  if (!processExists(pid)) throw systemError(-3, 'uv_os_setpriority');
  if (binding.getPriority(pid) === priority) return;
  throw systemError(-38, 'uv_os_setpriority');
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const info = binding.userInfo();
  const user = { __proto__: null, uid: info.uid, gid: info.gid };
  let { username, homedir: home, shell } = info;
  if (username === undefined) throw systemError(-2, 'uv_os_get_passwd');
  if (shell === undefined) shell = null;
  if (options !== null && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    username = Buffer.from(username);
    home = Buffer.from(home);
    if (shell !== null) shell = Buffer.from(shell);
  }
  user.username = username;
  user.homedir = home;
  user.shell = shell;
  return user;
}

function nullProto(obj) {
  return Object.assign(Object.create(null), obj);
}

const constants = nullProto({
  UV_UDP_REUSEADDR: 4,
  dlopen: nullProto({
    RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8,
  }),
  errno: nullProto({
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAFNOSUPPORT: 97, EAGAIN: 11,
    EALREADY: 114, EBADF: 9, EBADMSG: 74, EBUSY: 16, ECANCELED: 125, ECHILD: 10,
    ECONNABORTED: 103, ECONNREFUSED: 111, ECONNRESET: 104, EDEADLK: 35, EDESTADDRREQ: 89,
    EDOM: 33, EDQUOT: 122, EEXIST: 17, EFAULT: 14, EFBIG: 27, EHOSTUNREACH: 113, EIDRM: 43,
    EILSEQ: 84, EINPROGRESS: 115, EINTR: 4, EINVAL: 22, EIO: 5, EISCONN: 106, EISDIR: 21,
    ELOOP: 40, EMFILE: 24, EMLINK: 31, EMSGSIZE: 90, EMULTIHOP: 72, ENAMETOOLONG: 36,
    ENETDOWN: 100, ENETRESET: 102, ENETUNREACH: 101, ENFILE: 23, ENOBUFS: 105, ENODATA: 61,
    ENODEV: 19, ENOENT: 2, ENOEXEC: 8, ENOLCK: 37, ENOLINK: 67, ENOMEM: 12, ENOMSG: 42,
    ENOPROTOOPT: 92, ENOSPC: 28, ENOSR: 63, ENOSTR: 60, ENOSYS: 38, ENOTCONN: 107,
    ENOTDIR: 20, ENOTEMPTY: 39, ENOTSOCK: 88, ENOTSUP: 95, ENOTTY: 25, ENXIO: 6,
    EOPNOTSUPP: 95, EOVERFLOW: 75, EPERM: 1, EPIPE: 32, EPROTO: 71, EPROTONOSUPPORT: 93,
    EPROTOTYPE: 91, ERANGE: 34, EROFS: 30, ESPIPE: 29, ESRCH: 3, ESTALE: 116, ETIME: 62,
    ETIMEDOUT: 110, ETXTBSY: 26, EWOULDBLOCK: 11, EXDEV: 18,
  }),
  signals: nullProto({
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6,
    SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13,
    SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19,
    SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
    SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  }),
  priority: nullProto({
    PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
  }),
});

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
