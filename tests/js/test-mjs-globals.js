'use strict';
// mJS's globals, a weft addition (Node has neither): print(...) and
// load(file), and what load('api_net.js') defines: the global `Net` with
// Mongoose OS's functions and event codes (EV_POLL 0 ... EV_TIMER 6).
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

for (const name of ['print', 'load']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.ok(d, `${name} is an own property of globalThis`);
  assert.strictEqual(d.enumerable, false, name);
  assert.strictEqual(typeof globalThis[name], 'function', name);
  assert.ok(!Object.keys(globalThis).includes(name), name);
}
assert.strictEqual(typeof Net, 'undefined', 'Net exists only after load()');

// ---- print: mjs_print / mjs_fprintf --------------------------------------------
function capture(fn) {
  const chunks = [];
  const write = process.stdout.write;
  process.stdout.write = (chunk) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return true;
  };
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return Buffer.concat(chunks);
}
const printed = (...args) => capture(() => assert.strictEqual(print(...args), undefined)).toString('latin1');

// Each argument is followed by a space, then a newline ends the line.
assert.strictEqual(printed(1, 2, 'x'), '1 2 x \n');
assert.strictEqual(printed(), '\n');
assert.strictEqual(printed('a b'), 'a b \n');
// Integral numbers print as integers, others as C's %g.
assert.strictEqual(printed(-0, 42, -7, 2 ** 53, 1e21), '0 42 -7 9007199254740992 1000000000000000000000 \n');
assert.strictEqual(printed(2.5, 1 / 3, -0.125, 123456789.5, 1e-7, 0.0001),
                   '2.5 0.333333 -0.125 1.23457e+08 1e-07 0.0001 \n');
assert.strictEqual(printed(NaN, Infinity, -Infinity), 'nan inf -inf \n');
assert.strictEqual(printed(true, false, null, undefined), 'true false null undefined \n');
assert.strictEqual(printed([1, 2], {}, { a: 1 }, function f() {}, () => 1),
                   '<array> <object> <object> <function> <function> \n');
// Strings: text as UTF-8; a byte string (what Net receives) that is valid
// UTF-8 goes out as its bytes.
assert.deepStrictEqual(capture(() => print('h\u00e9')), Buffer.from('h\u00e9 \n', 'utf8'));
assert.deepStrictEqual(capture(() => print('h\u00c3\u00a9')), Buffer.from('h\u00e9 \n', 'utf8'));
assert.deepStrictEqual(capture(() => print('\u20ac', 1)), Buffer.from('\u20ac 1 \n', 'utf8'));

// ---- load('api_net.js') ---------------------------------------------------------
assert.strictEqual(load('api_net.js'), undefined);
assert.strictEqual(typeof Net, 'object');
const net1 = Net;
load('api_net.js');
assert.strictEqual(Net, net1, 'loading again keeps the same Net');
assert.deepStrictEqual(
  [Net.EV_POLL, Net.EV_ACCEPT, Net.EV_CONNECT, Net.EV_RECV, Net.EV_SEND, Net.EV_CLOSE, Net.EV_TIMER],
  [0, 1, 2, 3, 4, 5, 6]);
for (const fn of ['bind', 'connect', 'connect_ssl', 'close', 'send', '_send', 'serve', 'ctos', 'discard',
                  '_rbuf', '_isin', 'set_timer', 'setStatusEventHandler']) {
  assert.strictEqual(typeof Net[fn], 'function', fn);
}
assert.deepStrictEqual(
  [Net.STATUS_DISCONNECTED, Net.STATUS_CONNECTING, Net.STATUS_CONNECTED, Net.STATUS_GOT_IP], [0, 1, 2, 3]);
// The host's network does not change under weft: the handler is never called.
assert.strictEqual(Net.setStatusEventHandler(common.mustNotCall(), null), undefined);

// A connection prints as mJS prints a pointer; it is not a listener until bound.
const l = Net.bind('127.0.0.1:0', common.mustNotCall(), null);
assert.match(printed(l), /^<foreign_ptr@[0-9a-f]+> \n$/);
Net.close(l);

// ---- load(file): a script, run as global code ------------------------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-mjs-load-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'lib.js'),
                 "let mjsLibValue = 40;\nlet mjsLibRuns = (globalThis.mjsLibCount = (globalThis.mjsLibCount || 0) + 1);\n" +
                 'function mjsLibAdd(a, b) { return a + b; }\nmjsLibAdd(mjsLibValue, 2);\n');
fs.writeFileSync(path.join(dir, 'bad.js'), 'throw new Error("from bad.js");\n');

// Relative to the current directory.
const cwd = process.cwd();
process.chdir(dir);
try {
  assert.strictEqual(load('lib.js'), 42);
  // Its top-level bindings are globals the program sees.
  // eslint-disable-next-line no-undef
  assert.strictEqual(mjsLibValue, 40);
  // eslint-disable-next-line no-undef
  assert.strictEqual(mjsLibAdd(1, 2), 3);
  // A file that ran without error is not run again (mJS).
  assert.strictEqual(load('lib.js'), undefined);
  assert.strictEqual(load(path.join(dir, 'lib.js')), undefined);
  assert.strictEqual(globalThis.mjsLibCount, 1);
  // A file that threw runs again when loaded again.
  assert.throws(() => load('bad.js'), /from bad\.js/);
  assert.throws(() => load('bad.js'), /from bad\.js/);
  // Missing files, including api_*.js names weft does not provide.
  assert.throws(() => load('missing.js'), { code: 'ENOENT', message: /failed to exec file "missing\.js"/ });
  assert.throws(() => load('api_gpio.js'), { code: 'ENOENT' });
} finally {
  process.chdir(cwd);
}
