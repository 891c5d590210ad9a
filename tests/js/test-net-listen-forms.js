'use strict';
// server.listen() in every form the seeds name (Kaluma 001, Ruff 002, IoT.js
// 003, Node.js v12 004): ([port[, host[, backlog]]][, cb]), (path[, backlog]
// [, cb]), (options[, cb]) with port / host / path / backlog / exclusive /
// ipv6Only / readableAll / writableAll / signal, and (handle[, backlog][, cb])
// with a handle or an object with a _handle. Each form is checked by what it
// does: the address bound, who can connect, the socket file's mode. The
// backlog's effect is checked in test-net-peer-sockopts.js.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tcpRow } = require('./test-net-procnet');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-listen-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// Resolves with the server once 'listening' is emitted.
function listening(server) {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

// Resolves once pred() holds, checked on every turn of the event loop.
function close(server) {
  return new Promise((resolve) => server.close(resolve));
}

// Connects, then ends: resolves with the client's remote address (the
// address connected to), or with the error code when the connection fails.
function tryConnect(options) {
  return new Promise((resolve) => {
    const c = net.connect(options);
    c.on('connect', () => {
      const { remoteAddress } = c;
      c.end();
      resolve(remoteAddress);
    });
    c.on('error', (err) => resolve(err.code));
  });
}

const steps = [
  // listen(): any free port on the unspecified IPv6 address, which also
  // accepts IPv4 (dual stack).
  async function noArgs() {
    const seen = [];
    const s = net.createServer((c) => {
      seen.push(c.remoteAddress);
      c.end();
    });
    assert.strictEqual(s.listen(), s);
    await listening(s);
    const { address, family, port } = s.address();
    assert.deepStrictEqual({ address, family }, { address: '::', family: 'IPv6' });
    assert.ok(port > 0 && port < 65536);
    assert.strictEqual(await tryConnect({ port, host: '127.0.0.1' }), '127.0.0.1');
    assert.strictEqual(await tryConnect({ port, host: '::1' }), '::1');
    await until(() => seen.length === 2);
    // IPv4 clients appear as IPv4-mapped IPv6 addresses.
    assert.deepStrictEqual(seen, ['::ffff:127.0.0.1', '::1']);
    await close(s);
  },

  // listen(cb): cb is a 'listening' listener, called once and removed.
  async function callbackOnly() {
    const s = net.createServer();
    const cb = common.mustCall(function() {
      assert.strictEqual(this, s);
    });
    s.listen(cb);
    await listening(s);
    assert.strictEqual(s.listenerCount('listening'), 0);
    assert.strictEqual(s.address().address, '::');
    await close(s);
  },

  // listen(port) and listen(port, cb), with port 0 as a number or a string.
  async function portOnly() {
    const a = net.createServer();
    a.listen(0);
    await listening(a);
    assert.strictEqual(a.address().address, '::');
    const b = net.createServer();
    b.listen('0', common.mustCall());
    await listening(b);
    assert.strictEqual(typeof b.address().port, 'number');
    assert.ok(b.address().port > 0);
    assert.notStrictEqual(b.address().port, a.address().port);
    // The port given is the port bound.
    const { port } = a.address();
    await close(a);
    const c = net.createServer();
    c.listen(port, common.mustCall());
    await listening(c);
    assert.strictEqual(c.address().port, port);
    await Promise.all([close(b), close(c)]);
  },

  // listen(port, host[, cb]): bound to that address only.
  async function portHost() {
    const v4 = net.createServer((c) => c.end());
    v4.listen(0, '127.0.0.1', common.mustCall());
    await listening(v4);
    assert.deepStrictEqual(v4.address(), { address: '127.0.0.1', family: 'IPv4', port: v4.address().port });
    assert.strictEqual(await tryConnect({ port: v4.address().port, host: '127.0.0.1' }), '127.0.0.1');
    assert.strictEqual(await tryConnect({ port: v4.address().port, host: '::1' }), 'ECONNREFUSED');

    const v6 = net.createServer((c) => c.end());
    v6.listen(0, '::1');
    await listening(v6);
    assert.deepStrictEqual(v6.address(), { address: '::1', family: 'IPv6', port: v6.address().port });
    assert.strictEqual(await tryConnect({ port: v6.address().port, host: '::1' }), '::1');
    assert.strictEqual(await tryConnect({ port: v6.address().port, host: '127.0.0.1' }), 'ECONNREFUSED');
    await Promise.all([close(v4), close(v6)]);

    // A host name is looked up first.
    const named = net.createServer();
    named.listen(0, 'localhost', common.mustCall());
    await listening(named);
    assert.ok(['127.0.0.1', '::1'].includes(named.address().address), named.address().address);
    await close(named);
  },

  // listen(port, host, backlog, cb) and listen(port, backlog, cb): the
  // backlog is taken from either position; the server returns itself.
  async function portHostBacklog() {
    const a = net.createServer();
    assert.strictEqual(a.listen(0, '127.0.0.1', 7, common.mustCall()), a);
    await listening(a);
    assert.strictEqual(a.address().address, '127.0.0.1');
    const b = net.createServer();
    assert.strictEqual(b.listen(0, 7, common.mustCall()), b);
    await listening(b);
    assert.strictEqual(b.address().address, '::');
    await Promise.all([close(a), close(b)]);
  },

  // listen(options[, cb]): port / host / backlog / exclusive.
  async function options() {
    const a = net.createServer((c) => c.end());
    a.listen({ port: 0, host: '127.0.0.1', backlog: 5, exclusive: true }, common.mustCall());
    await listening(a);
    assert.strictEqual(a.address().address, '127.0.0.1');
    assert.strictEqual(await tryConnect({ port: a.address().port, host: '127.0.0.1' }), '127.0.0.1');
    const b = net.createServer();
    b.listen({ port: 0 });
    await listening(b);
    assert.strictEqual(b.address().address, '::');
    // A port given with a path wins: a TCP server.
    const c = net.createServer();
    c.listen({ port: 0, host: '127.0.0.1', path: path.join(dir, 'ignored.sock') });
    await listening(c);
    assert.strictEqual(c.address().family, 'IPv4');
    assert.strictEqual(fs.existsSync(path.join(dir, 'ignored.sock')), false);
    await Promise.all([close(a), close(b), close(c)]);
  },

  // ipv6Only: true on '::' leaves IPv4 free for another server; without it
  // the same port over IPv4 is taken.
  async function ipv6Only() {
    const only = net.createServer((c) => c.end());
    only.listen({ port: 0, host: '::', ipv6Only: true });
    await listening(only);
    const { port } = only.address();
    assert.strictEqual(await tryConnect({ port, host: '::1' }), '::1');
    assert.strictEqual(await tryConnect({ port, host: '127.0.0.1' }), 'ECONNREFUSED');
    const v4 = net.createServer((c) => c.end());
    v4.listen(port, '0.0.0.0');
    await listening(v4);
    assert.strictEqual(await tryConnect({ port, host: '127.0.0.1' }), '127.0.0.1');
    await Promise.all([close(only), close(v4)]);

    const dual = net.createServer();
    dual.listen({ port: 0, host: '::', ipv6Only: false });
    await listening(dual);
    const other = net.createServer();
    const err = await new Promise((resolve) => {
      other.on('error', resolve);
      other.listen(dual.address().port, '0.0.0.0');
    });
    assert.strictEqual(err.code, 'EADDRINUSE');
    await close(dual);
  },

  // listen(path[, backlog][, cb]) and listen({ path }): a Unix domain socket.
  async function pathForms() {
    const p1 = path.join(dir, 'a.sock');
    const a = net.createServer((c) => c.end('a'));
    assert.strictEqual(a.listen(p1, common.mustCall()), a);
    await listening(a);
    assert.strictEqual(a.address(), p1);
    assert.ok(fs.statSync(p1).isSocket());
    const p2 = path.join(dir, 'b.sock');
    const b = net.createServer((c) => c.end('b'));
    b.listen(p2, 3, common.mustCall());
    await listening(b);
    assert.strictEqual(b.address(), p2);
    const p3 = path.join(dir, 'c.sock');
    const c = net.createServer((s) => s.end('c'));
    c.listen({ path: p3, backlog: 3 }, common.mustCall());
    await listening(c);
    assert.strictEqual(c.address(), p3);
    for (const [p, want] of [[p1, 'a'], [p2, 'b'], [p3, 'c']]) {
      const got = await new Promise((resolve) => {
        let data = '';
        net.connect(p).setEncoding('utf8').on('data', (d) => { data += d; }).on('end', () => resolve(data));
      });
      assert.strictEqual(got, want);
    }
    await Promise.all([close(a), close(b), close(c)]);
    assert.strictEqual(fs.existsSync(p1) || fs.existsSync(p2) || fs.existsSync(p3), false);
  },

  // readableAll / writableAll add read / write permission for everyone to
  // the socket file (under umask 077, which gives 0700 otherwise).
  async function pathModes() {
    const old = process.umask(0o077);
    try {
      const modes = {};
      for (const [name, opts] of [
        ['none', {}],
        ['readableAll', { readableAll: true }],
        ['writableAll', { writableAll: true }],
        ['both', { readableAll: true, writableAll: true }],
      ]) {
        const p = path.join(dir, `${name}.sock`);
        const s = net.createServer();
        s.listen({ path: p, ...opts });
        await listening(s);
        modes[name] = fs.statSync(p).mode & 0o777;
        await close(s);
      }
      assert.deepStrictEqual(modes, { none: 0o700, readableAll: 0o744, writableAll: 0o722, both: 0o766 });
    } finally {
      process.umask(old);
    }
  },

  // A path starting with '\0' is in Linux's abstract namespace: no file,
  // and so no readableAll / writableAll.
  async function abstractPath() {
    const name = `\0weft-test-${process.pid}-${Date.now()}`;
    const s = net.createServer((c) => c.end('abstract'));
    s.listen(name);
    await listening(s);
    assert.strictEqual(s.address(), name);
    const got = await new Promise((resolve) => {
      let data = '';
      net.connect(name).setEncoding('utf8').on('data', (d) => { data += d; }).on('end', () => resolve(data));
    });
    assert.strictEqual(got, 'abstract');
    await close(s);
    assert.throws(() => net.createServer().listen({ path: '\0x', readableAll: true }), {
      code: 'ERR_INVALID_ARG_VALUE',
    });
    assert.throws(() => net.createServer().listen({ path: '\0x', writableAll: true }), {
      code: 'ERR_INVALID_ARG_VALUE',
    });
  },

  // signal: aborting closes the server; an aborted signal stops listen().
  async function signal() {
    const ac = new AbortController();
    const s = net.createServer();
    s.listen({ port: 0, host: '127.0.0.1', signal: ac.signal });
    await listening(s);
    const { port } = s.address();
    const closed = new Promise((resolve) => s.on('close', resolve));
    ac.abort();
    await closed;
    assert.strictEqual(s.listening, false);
    assert.strictEqual(await tryConnect({ port, host: '127.0.0.1' }), 'ECONNREFUSED');

    const pre = net.createServer();
    pre.on('listening', common.mustNotCall());
    const preClosed = new Promise((resolve) => pre.on('close', resolve));
    pre.listen({ port: 0, host: '127.0.0.1', signal: AbortSignal.abort() });
    await preClosed;
    assert.strictEqual(pre.listening, false);
    assert.throws(() => net.createServer().listen({ port: 0, signal: 'nope' }), {
      code: 'ERR_INVALID_ARG_TYPE',
    });
  },

  // listen(handle[, backlog][, cb]): a bound handle, or anything with a
  // _handle, is listened on as it is.
  async function handle() {
    const h = net._createServerHandle('127.0.0.1', 0, 4);
    const bound = {};
    h.getsockname(bound);
    const s = net.createServer((c) => c.end());
    assert.strictEqual(s.listen(h, 5, common.mustCall()), s);
    await listening(s);
    assert.strictEqual(s._handle, h);
    assert.deepStrictEqual(s.address(), bound);
    assert.strictEqual(await tryConnect({ port: bound.port, host: '127.0.0.1' }), '127.0.0.1');
    await close(s);
    assert.strictEqual(await tryConnect({ port: bound.port, host: '127.0.0.1' }), 'ECONNREFUSED');

    const h2 = net._createServerHandle('::1', 0, 6);
    const s2 = net.createServer((c) => c.end());
    s2.listen({ _handle: h2 }, common.mustCall());
    await listening(s2);
    assert.strictEqual(s2.address().address, '::1');
    assert.strictEqual(await tryConnect({ port: s2.address().port, host: '::1' }), '::1');
    await close(s2);
  },

  // listen({ fd }): a descriptor that is not a socket fails with EINVAL, as
  // an 'error' event; a negative fd is no listen form at all.
  async function fdErrors() {
    const fd = fs.openSync(__filename, 'r');
    const s = net.createServer();
    const err = await new Promise((resolve) => {
      s.on('error', resolve);
      s.listen({ fd });
    });
    fs.closeSync(fd);
    assert.strictEqual(err.code, 'EINVAL');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(s.listening, false);
    assert.throws(() => net.createServer().listen({ fd: -1 }), { code: 'ERR_INVALID_ARG_VALUE' });
  },

  // listen() again: after close(), and after a failed listen().
  async function relisten() {
    const s = net.createServer();
    s.listen(0, '127.0.0.1');
    await listening(s);
    await close(s);
    s.listen(0, '127.0.0.1');
    await listening(s);
    const { port } = s.address();
    const t = net.createServer();
    const err = await new Promise((resolve) => {
      t.once('error', resolve);
      t.listen(port, '127.0.0.1');
    });
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(t.listening, false);
    t.listen(0, '127.0.0.1');
    await listening(t);
    assert.notStrictEqual(t.address().port, port);
    await Promise.all([close(s), close(t)]);
  },

  // Servers set SO_REUSEADDR (Ruff 002, Node.js v12 004): the port can be
  // listened on again while a connection that used it is in TIME_WAIT.
  async function reuseAddress() {
    const s = net.createServer((c) => c.end('bye'));
    s.listen(0, '127.0.0.1');
    await listening(s);
    const { port } = s.address();
    const c = net.connect(port, '127.0.0.1');
    c.resume();
    await new Promise((resolve) => c.on('connect', resolve));
    const clientPort = c.localPort;
    await new Promise((resolve) => c.on('close', resolve));
    await close(s);
    // The server's side closed first: it waits in TIME_WAIT on the port.
    await until(() => tcpRow(port, clientPort, (state) => state === 6) !== undefined);
    const again = net.createServer();
    again.listen(port, '127.0.0.1');
    await listening(again);
    assert.strictEqual(again.address().port, port);
    assert.notStrictEqual(tcpRow(port, clientPort, (state) => state === 6), undefined);
    await close(again);
  },

  // Invalid ports throw at once.
  async function badPorts() {
    for (const port of [65536, -1, 1.5]) {
      assert.throws(() => net.createServer().listen(port), { code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError' });
      assert.throws(() => net.createServer().listen({ port }), { code: 'ERR_SOCKET_BAD_PORT' });
    }
    assert.throws(() => net.createServer().listen({ host: '127.0.0.1' }), { code: 'ERR_INVALID_ARG_VALUE' });
  },
];

common.runSteps(steps);
