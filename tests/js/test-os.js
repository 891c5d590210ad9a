'use strict';
// os: host facts checked against what Linux itself reports in /proc and
// /etc/passwd, network interfaces (loopback), constants and errors.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');

const proc = (p) => fs.readFileSync(p, 'latin1');

assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(`${os.platform}`, process.platform);
assert.strictEqual(os.endianness(), 'LE');

if (common.isLinux) {
  assert.strictEqual(os.type(), 'Linux');
  assert.strictEqual(os.hostname(), proc('/proc/sys/kernel/hostname').trim());
  assert.strictEqual(`${os.hostname}`, os.hostname());
  assert.strictEqual(os.release(), proc('/proc/sys/kernel/osrelease').trim());
  assert.strictEqual(os.version(), proc('/proc/sys/kernel/version').trim());
  assert.ok(['x86_64', 'aarch64', 'arm64', 'riscv64', 'ppc64le', 's390x'].includes(os.machine()), os.machine());

  // Memory: totalmem is MemTotal; freemem is positive and below it.
  const memTotal = Number(/^MemTotal:\s+(\d+) kB/m.exec(proc('/proc/meminfo'))[1]) * 1024;
  assert.strictEqual(os.totalmem(), memTotal);
  const free = os.freemem();
  assert.ok(Number.isInteger(free) && free > 0 && free <= memTotal, `${free}`);

  // Uptime in (fractional) seconds, as /proc/uptime says.
  const up = Number.parseFloat(proc('/proc/uptime'));
  assert.ok(Math.abs(os.uptime() - up) < 5, `${os.uptime()} vs ${up}`);

  const load = os.loadavg();
  assert.strictEqual(load.length, 3);
  const procLoad = proc('/proc/loadavg').split(' ').slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    assert.ok(load[i] >= 0);
    assert.ok(Math.abs(load[i] - procLoad[i]) < 1, `${load} vs ${procLoad}`);
  }

  // One entry per CPU line in /proc/stat, with model, speed and times.
  const cpuLines = proc('/proc/stat').split('\n').filter((l) => /^cpu\d+ /.test(l));
  const cpus = os.cpus();
  assert.strictEqual(cpus.length, cpuLines.length);
  for (const cpu of cpus) {
    assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
    assert.strictEqual(typeof cpu.model, 'string');
    assert.ok(Number.isInteger(cpu.speed) && cpu.speed >= 0);
    assert.deepStrictEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
    for (const v of Object.values(cpu.times)) assert.ok(Number.isInteger(v) && v >= 0);
    assert.ok(cpu.times.idle > 0);
  }
  const par = os.availableParallelism();
  assert.ok(Number.isInteger(par) && par >= 1 && par <= cpus.length, `${par}`);
}

// tmpdir follows TMPDIR, TMP, TEMP, less a trailing slash.
{
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  delete process.env.TMPDIR;
  delete process.env.TMP;
  delete process.env.TEMP;
  assert.strictEqual(os.tmpdir(), '/tmp');
  process.env.TEMP = '/temp-dir';
  assert.strictEqual(os.tmpdir(), '/temp-dir');
  process.env.TMP = '/tmp-dir/';
  assert.strictEqual(os.tmpdir(), '/tmp-dir');
  process.env.TMPDIR = '/a/b//';
  assert.strictEqual(os.tmpdir(), '/a/b/');
  process.env.TMPDIR = '/';
  assert.strictEqual(os.tmpdir(), '/');
  for (const k of Object.keys(saved)) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
}

// homedir is $HOME; userInfo matches the process and the passwd entry.
{
  const savedHome = process.env.HOME;
  process.env.HOME = '/somewhere/else';
  assert.strictEqual(os.homedir(), '/somewhere/else');
  if (savedHome === undefined) delete process.env.HOME;
  else process.env.HOME = savedHome;

  const info = os.userInfo();
  assert.strictEqual(Object.getPrototypeOf(info), null);
  assert.deepStrictEqual(Object.keys(info), ['uid', 'gid', 'username', 'homedir', 'shell']);
  assert.strictEqual(info.uid, process.getuid());
  assert.strictEqual(info.gid, process.getgid());
  const line = proc('/etc/passwd').split('\n').find((l) => l.split(':')[2] === String(info.uid));
  if (line !== undefined) {
    const f = line.split(':');
    assert.strictEqual(info.username, f[0]);
    assert.strictEqual(info.homedir, f[5]);
    assert.strictEqual(info.shell, f[6] || null);
  }
  const binfo = os.userInfo({ encoding: 'buffer' });
  assert.ok(Buffer.isBuffer(binfo.username));
  assert.strictEqual(binfo.username.toString(), info.username);
  assert.strictEqual(binfo.homedir.toString(), info.homedir);
}

// Network interfaces: loopback is there, with Node's fields.
{
  const ifaces = os.networkInterfaces();
  assert.strictEqual(typeof ifaces, 'object');
  const all = Object.values(ifaces).flat();
  assert.ok(all.length > 0);
  for (const e of all) {
    assert.ok(e.family === 'IPv4' || e.family === 'IPv6', e.family);
    assert.strictEqual(typeof e.address, 'string');
    assert.strictEqual(typeof e.netmask, 'string');
    assert.strictEqual(typeof e.internal, 'boolean');
    assert.match(e.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    assert.ok(e.cidr === null || e.cidr.startsWith(`${e.address}/`), e.cidr);
    if (e.family === 'IPv6') assert.strictEqual(typeof e.scopeid, 'number');
    else assert.strictEqual('scopeid' in e, false);
  }
  const lo4 = all.find((e) => e.address === '127.0.0.1');
  assert.deepStrictEqual(lo4, {
    address: '127.0.0.1',
    netmask: '255.0.0.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal: true,
    cidr: '127.0.0.1/8',
  });
  const lo6 = all.find((e) => e.address === '::1');
  if (lo6 !== undefined) {
    assert.strictEqual(lo6.netmask, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    assert.strictEqual(lo6.cidr, '::1/128');
    assert.strictEqual(lo6.internal, true);
    assert.strictEqual(lo6.scopeid, 0);
    assert.strictEqual(common.hasIPv6, true);
  }
  // Loopback addresses are internal.
  for (const e of all) if (e.address.startsWith('127.')) assert.strictEqual(e.internal, true);
}

// Priority of this process; setting it to what it is works.
{
  const p = os.getPriority();
  assert.ok(Number.isInteger(p) && p >= -20 && p <= 19);
  assert.strictEqual(os.getPriority(0), p);
  assert.strictEqual(os.getPriority(process.pid), p);
  assert.strictEqual(os.setPriority(p), undefined);
  assert.strictEqual(os.setPriority(0, p), undefined);
  assert.throws(() => os.getPriority('1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "pid" argument must be of type number. Received type string (\'1\')',
  });
  assert.throws(() => os.setPriority(0, 20), { code: 'ERR_OUT_OF_RANGE' });
  // A process that does not exist (pids are below 2^22 on Linux).
  assert.throws(() => os.getPriority(2 ** 30), (err) => {
    assert.strictEqual(err.name, 'SystemError');
    assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
    assert.strictEqual(err.errno, -3);
    assert.strictEqual(err.syscall, 'uv_os_getpriority');
    assert.strictEqual(err.message,
                       'A system error occurred: uv_os_getpriority returned ESRCH (no such process)');
    assert.deepStrictEqual({ ...err.info }, {
      errno: -3, code: 'ESRCH', message: 'no such process', syscall: 'uv_os_getpriority',
    });
    return true;
  });
}

// Constants a network program reaches for.
{
  const { signals, errno, priority } = os.constants;
  assert.strictEqual(Object.getPrototypeOf(os.constants), null);
  assert.strictEqual(signals.SIGINT, 2);
  assert.strictEqual(signals.SIGTERM, 15);
  assert.strictEqual(signals.SIGKILL, 9);
  assert.strictEqual(signals.SIGPIPE, 13);
  assert.strictEqual(signals.SIGHUP, 1);
  assert.strictEqual(signals.SIGUSR2, 12);
  assert.strictEqual(errno.ECONNRESET, 104);
  assert.strictEqual(errno.ECONNREFUSED, 111);
  assert.strictEqual(errno.EADDRINUSE, 98);
  assert.strictEqual(errno.ETIMEDOUT, 110);
  assert.strictEqual(errno.EPIPE, 32);
  assert.strictEqual(errno.EAGAIN, errno.EWOULDBLOCK);
  assert.strictEqual(priority.PRIORITY_HIGHEST, -20);
  assert.strictEqual(priority.PRIORITY_LOW, 19);
  assert.strictEqual(os.constants.UV_UDP_REUSEADDR, 4);
  assert.strictEqual(os.constants.dlopen.RTLD_NOW, 2);
  assert.throws(() => { 'use strict'; os.constants = {}; }, TypeError);
}
