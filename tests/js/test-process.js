'use strict';
// process: identity, environment, clocks, nextTick arguments, emitWarning, exit code.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

// Registered before any mustCall, so it runs before the call-count check.
let exitSeen = false;
process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(process.exitCode, undefined);
  exitSeen = true;
});
process.on('exit', () => assert.ok(exitSeen));

assert.ok(process instanceof EventEmitter);
assert.strictEqual(Object.prototype.toString.call(process), '[object process]');
assert.strictEqual(process.platform, 'linux');
assert.ok(['x64', 'arm64', 'ia32'].includes(process.arch));
assert.match(process.version, /^v\d+\.\d+\.\d+/);
assert.strictEqual(typeof process.versions.node, 'string');
assert.strictEqual(typeof process.pid, 'number');
assert.strictEqual(typeof process.ppid, 'number');
assert.ok(Array.isArray(process.argv));
assert.strictEqual(process.argv[1], __filename);
assert.strictEqual(process.argv0.length > 0, true);
assert.strictEqual(process.cwd(), __dirname.replace(/\/js$/, ''));

// env: string coercion and write-through.
process.env.WEFT_TEST_VAR = 42;
assert.strictEqual(process.env.WEFT_TEST_VAR, '42');
delete process.env.WEFT_TEST_VAR;
assert.strictEqual(process.env.WEFT_TEST_VAR, undefined);
assert.strictEqual(typeof process.env.PATH, 'string');

// Clocks.
const [s, ns] = process.hrtime();
assert.ok(Number.isInteger(s) && Number.isInteger(ns) && ns < 1e9);
const d = process.hrtime([s, ns]);
assert.ok(d[0] >= 0 && d[1] >= 0);
assert.strictEqual(typeof process.hrtime.bigint(), 'bigint');
assert.ok(process.hrtime.bigint() > 0n);
assert.ok(process.uptime() >= 0);
const mem = process.memoryUsage();
for (const k of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']) assert.strictEqual(typeof mem[k], 'number', k);
assert.ok(mem.rss > 0);
assert.strictEqual(typeof process.memoryUsage.rss(), 'number');
const cpu = process.cpuUsage();
assert.ok(cpu.user >= 0 && cpu.system >= 0);
assert.throws(() => process.hrtime(1), { code: 'ERR_INVALID_ARG_TYPE' });

// nextTick passes arguments and validates the callback.
process.nextTick(common.mustCall((a, b, c, d) => {
  assert.deepStrictEqual([a, b, c, d], [1, 'two', null, undefined]);
}), 1, 'two', null, undefined);
assert.throws(() => process.nextTick(42), { code: 'ERR_INVALID_ARG_TYPE' });

// emitWarning emits 'warning' asynchronously with name and code.
process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.name, 'CustomWarning');
  assert.strictEqual(w.message, 'careful');
  assert.strictEqual(w.code, 'W01');
}));
process.emitWarning('careful', 'CustomWarning', 'W01');

// stdout/stderr are writable streams.
assert.strictEqual(typeof process.stdout.write, 'function');
assert.strictEqual(process.stdout.fd, 1);
assert.strictEqual(process.stderr.fd, 2);
assert.strictEqual(process.stdout.writable, true);

// kill with signal 0 checks the process exists.
assert.strictEqual(process.kill(process.pid, 0), true);
assert.throws(() => process.kill(process.pid, 'SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });

