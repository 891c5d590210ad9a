// peer: python3 tests/peers/sockinfo_peer.py
'use strict';
// What setNoDelay(), setKeepAlive() and the backlog of listen() do to the
// kernel's sockets, read back by a peer that is not weft
// (tests/peers/sockinfo_peer.py): TCP_NODELAY, SO_KEEPALIVE and TCP_KEEPIDLE
// of this process's sockets (through pidfd_getfd), and the backlog of its
// listening sockets (through NETLINK_SOCK_DIAG). Where the system does not
// let the peer take a descriptor (pidfd_getfd needs Linux 5.6 and ptrace
// permission), the socket-option checks are skipped with a message.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

// One query connection; answers come back in order, one line each.
const control = net.connect(port, '127.0.0.1');
control.setEncoding('utf8');
const waiting = [];
let buffered = '';
control.on('data', (d) => {
  buffered += d;
  let i;
  while ((i = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, i);
    buffered = buffered.slice(i + 1);
    waiting.shift()(line);
  }
});

function ask(query) {
  return new Promise((resolve) => {
    waiting.push(resolve);
    control.write(`${query}\n`);
  });
}

// { nodelay, keepalive, keepidle } of a connected socket, or a string saying
// why the peer cannot tell.
async function opts(socket) {
  const fd = socket._handle && socket._handle.fd;
  assert.ok(Number.isInteger(fd) && fd > 2, `a socket descriptor, not ${fd}`);
  const line = await ask(`opts ${process.pid} ${fd}`);
  if (line.startsWith('unsupported')) return line;
  const m = /^nodelay=(\d+) keepalive=(\d+) keepidle=(\d+)$/.exec(line);
  assert.ok(m, line);
  return { nodelay: Number(m[1]) !== 0, keepalive: Number(m[2]) !== 0, keepidle: Number(m[3]) };
}

async function backlog(server) {
  const line = await ask(`backlog ${server.address().port}`);
  const m = /^backlog=(\d+)$/.exec(line);
  assert.ok(m, line);
  return Number(m[1]);
}

function listening(server, ...args) {
  return new Promise((resolve) => server.listen(...args, () => resolve(server)));
}

function connected(options) {
  return new Promise((resolve) => {
    const s = net.connect(options, () => resolve(s));
  });
}

async function socketOptions() {
  let accepted;
  const server = net.createServer((c) => { accepted = c; });
  await listening(server, 0, '127.0.0.1');
  const { port: serverPort } = server.address();
  const host = '127.0.0.1';

  // Defaults: Nagle's algorithm on, no keepalive, on both ends.
  const a = await connected({ port: serverPort, host });
  const first = await opts(a);
  if (typeof first === 'string') {
    console.log(`skipping the socket-option checks: ${first}`);
    a.destroy();
    await new Promise((resolve) => server.close(resolve));
    return;
  }
  const defaultIdle = first.keepidle;
  assert.deepStrictEqual(first, { nodelay: false, keepalive: false, keepidle: defaultIdle });
  await new Promise((resolve) => (accepted ? resolve() : server.once('connection', resolve)));
  assert.deepStrictEqual(await opts(accepted), { nodelay: false, keepalive: false, keepidle: defaultIdle });

  // setNoDelay(): no argument means true; false turns Nagle back on.
  a.setNoDelay();
  assert.strictEqual((await opts(a)).nodelay, true);
  a.setNoDelay(false);
  assert.strictEqual((await opts(a)).nodelay, false);
  a.setNoDelay(true);
  assert.strictEqual((await opts(a)).nodelay, true);

  // setKeepAlive(true, initialDelay): on, idle time in whole seconds;
  // setKeepAlive(false): off.
  a.setKeepAlive(true, 5000);
  assert.deepStrictEqual(await opts(a), { nodelay: true, keepalive: true, keepidle: 5 });
  a.setKeepAlive(true, 7500);
  assert.strictEqual((await opts(a)).keepidle, 7);
  a.setKeepAlive(false);
  assert.strictEqual((await opts(a)).keepalive, false);
  a.destroy();

  // Set before connecting: applied on connect.
  const b = new net.Socket();
  b.setNoDelay(true);
  b.setKeepAlive(true, 3000);
  await new Promise((resolve) => b.connect(serverPort, host, resolve));
  assert.deepStrictEqual(await opts(b), { nodelay: true, keepalive: true, keepidle: 3 });
  b.destroy();

  // The connect options noDelay / keepAlive / keepAliveInitialDelay.
  const c = await connected({ port: serverPort, host, noDelay: true, keepAlive: true, keepAliveInitialDelay: 4000 });
  assert.deepStrictEqual(await opts(c), { nodelay: true, keepalive: true, keepidle: 4 });
  c.destroy();
  await new Promise((resolve) => server.close(resolve));

  // The server options of the same names, on every accepted socket.
  let served;
  const tuned = net.createServer({ noDelay: true, keepAlive: true, keepAliveInitialDelay: 6000 }, (s) => { served = s; });
  await listening(tuned, 0, host);
  const d = await connected({ port: tuned.address().port, host });
  await new Promise((resolve) => (served ? resolve() : tuned.once('connection', resolve)));
  assert.deepStrictEqual(await opts(served), { nodelay: true, keepalive: true, keepidle: 6 });
  d.destroy();
  await new Promise((resolve) => tuned.close(resolve));
}

// listen()'s backlog, in each position the seeds give it; 511 by default.
async function backlogs() {
  const cases = [
    [[0, '127.0.0.1', 7], 7],
    [[{ port: 0, host: '127.0.0.1', backlog: 9 }], 9],
    [[0, 12], 12],
    [[0, '127.0.0.1'], 511],
    [[{ port: 0, host: '::1' }], 511],
    [[0], 511],
  ];
  for (const [args, want] of cases) {
    const server = net.createServer();
    await listening(server, ...args);
    assert.strictEqual(await backlog(server), want, JSON.stringify(args));
    await new Promise((resolve) => server.close(resolve));
  }
  // listen(handle, backlog).
  const h = net._createServerHandle('127.0.0.1', 0, 4);
  const server = net.createServer();
  await listening(server, h, 5);
  assert.strictEqual(await backlog(server), 5);
  await new Promise((resolve) => server.close(resolve));
}

(async () => {
  await socketOptions();
  await backlogs();
  control.end();
})().then(common.mustCall());
