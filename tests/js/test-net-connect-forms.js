'use strict';
// Connecting, in the forms and with the options the seeds name:
// net.connect() / net.createConnection() (options / port[, host] / path,
// with a connect listener) and socket.connect() likewise (Kaluma 001, Ruff
// 002, IoT.js 003, Node.js v12 004); the options host and port (host
// defaults to 'localhost'), localAddress, localPort, family (IoT.js 003),
// hints, lookup (Ruff 002, Node.js v12 004), allowHalfOpen, readable /
// writable, fd, onread (Node.js v12 004), and Node's keepAlive /
// keepAliveInitialDelay and signal. The timeout option is checked in
// test-net-timeout.js, noDelay in test-net-peer-sockopts.js.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');
const dns = require('dns');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { socketRow } = require('./test-net-procnet');

// A server that records each connection's remote address and port, and
// answers what it got when the client ends.
async function startServer(listenArgs, options = {}) {
  const seen = [];
  const server = net.createServer(options, (c) => {
    seen.push({ address: c.remoteAddress, port: c.remotePort });
    const chunks = [];
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => c.end(Buffer.concat(chunks)));
  });
  await new Promise((resolve) => server.listen(...listenArgs, resolve));
  return { server, seen };
}

// Sends `text`, ends, resolves with what comes back before the socket closes.
function exchange(socket, text) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.end(text);
  });
}

function close(server) {
  return new Promise((resolve) => server.close(resolve));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-connect-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const steps = [
  // net.connect and net.createConnection are the same function; each form
  // returns a new Socket that connects; the listener is a once 'connect'
  // listener.
  async function netConnectForms() {
    assert.strictEqual(net.createConnection, net.connect);
    const { server } = await startServer([0, '127.0.0.1']);
    const { port } = server.address();
    const forms = [
      (cb) => net.connect({ port, host: '127.0.0.1' }, cb),
      (cb) => net.createConnection({ port, host: '127.0.0.1' }, cb),
      (cb) => net.connect(port, '127.0.0.1', cb),
      (cb) => net.createConnection(port, '127.0.0.1', cb),
      (cb) => net.connect(String(port), '127.0.0.1', cb),
      (cb) => net.connect({ port: String(port), host: '127.0.0.1' }, cb),
    ];
    for (const form of forms) {
      const cb = common.mustCall(function() {
        assert.strictEqual(this, s);
      });
      const s = form(cb);
      assert.ok(s instanceof net.Socket);
      assert.strictEqual(s.connecting, true);
      assert.strictEqual(s.listenerCount('connect'), 1);
      await new Promise((resolve) => s.on('connect', resolve));
      assert.strictEqual(s.listenerCount('connect'), 1); // Ours; cb removed.
      assert.strictEqual(s.remotePort, port);
      assert.strictEqual(await exchange(s, 'ping'), 'ping');
    }
    await close(server);
  },

  // Without a host, 'localhost' (whatever it resolves to here: the server
  // listens on both families).
  async function defaultHost() {
    const { server } = await startServer([0]);
    const { port } = server.address();
    const addresses = (await dns.promises.lookup('localhost', { all: true })).map((a) => a.address);
    for (const form of [
      () => net.connect(port),
      () => net.connect({ port }),
      () => net.createConnection(port, common.mustCall()),
      () => new net.Socket().connect(port),
      () => new net.Socket().connect({ port }),
    ]) {
      const s = form();
      await new Promise((resolve) => s.on('connect', resolve));
      assert.ok(addresses.includes(s.remoteAddress), `${s.remoteAddress} not in ${addresses}`);
      assert.strictEqual(await exchange(s, 'x'), 'x');
    }
    await close(server);
  },

  // socket.connect(options / port[, host] / path[, cb]) returns the socket.
  async function socketConnectForms() {
    const { server } = await startServer([0, '127.0.0.1']);
    const { port } = server.address();
    const p = path.join(dir, 's.sock');
    const { server: unix } = await startServer([p]);
    const forms = [
      (s, cb) => s.connect({ port, host: '127.0.0.1' }, cb),
      (s, cb) => s.connect(port, '127.0.0.1', cb),
      (s, cb) => s.connect(p, cb),
      (s, cb) => s.connect({ path: p }, cb),
    ];
    for (const form of forms) {
      const s = new net.Socket();
      assert.strictEqual(form(s, common.mustCall()), s);
      await new Promise((resolve) => s.on('connect', resolve));
      assert.strictEqual(await exchange(s, 'hi'), 'hi');
    }
    // Connecting again after 'close' reuses the socket.
    const s = new net.Socket();
    s.connect(port, '127.0.0.1');
    assert.strictEqual(await exchange(s, 'one'), 'one');
    assert.strictEqual(s.destroyed, true);
    s.connect(port, '127.0.0.1', common.mustCall());
    assert.strictEqual(s.connecting, true);
    assert.strictEqual(await exchange(s, 'two'), 'two');
    // Neither a port nor a path: refused at once.
    assert.throws(() => new net.Socket().connect({}), { code: 'ERR_MISSING_ARGS' });
    assert.throws(() => net.connect({ host: '127.0.0.1' }), { code: 'ERR_MISSING_ARGS' });
    await Promise.all([close(server), close(unix)]);
  },

  // net.connect(path[, cb]) / createConnection(path) / { path }.
  async function pathForms() {
    const p = path.join(dir, 'p.sock');
    const { server } = await startServer([p]);
    for (const form of [
      () => net.connect(p, common.mustCall()),
      () => net.createConnection(p),
      () => net.connect({ path: p }),
      () => net.createConnection({ path: p }, common.mustCall()),
    ]) {
      const s = form();
      assert.strictEqual(await exchange(s, 'unix'), 'unix');
      assert.strictEqual(s.remoteAddress, undefined);
    }
    await close(server);
  },

  // localAddress / localPort: the connection comes from there.
  async function localAddressAndPort() {
    const { server, seen } = await startServer([0, '::']);
    const { port } = server.address();
    // A port known to be free: bound by a server that is then closed.
    const probe = net.createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = probe.address().port;
    await close(probe);

    const a = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1', localPort: free });
    await new Promise((resolve) => a.on('connect', resolve));
    assert.strictEqual(a.localPort, free);
    assert.strictEqual(a.localAddress, '127.0.0.1');
    assert.strictEqual(await exchange(a, 'a'), 'a');
    const b = net.connect({ port, host: '::1', localAddress: '::1' });
    await new Promise((resolve) => b.on('connect', resolve));
    assert.strictEqual(b.localAddress, '::1');
    const bPort = b.localPort;
    assert.strictEqual(await exchange(b, 'b'), 'b');
    assert.deepStrictEqual(seen, [
      { address: '::ffff:127.0.0.1', port: free },
      { address: '::1', port: bPort },
    ]);

    // A local port in use: the bind fails.
    const c = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1', localPort: port });
    c.on('connect', common.mustNotCall());
    const err = await new Promise((resolve) => c.on('error', resolve));
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `bind EADDRINUSE 127.0.0.1:${port}`);

    // Not an IP address: thrown at once.
    assert.throws(() => net.connect({ port, localAddress: 'localhost' }), { code: 'ERR_INVALID_IP_ADDRESS' });
    assert.throws(() => net.connect({ port, host: '127.0.0.1', localPort: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
    await close(server);
  },

  // lookup: a custom resolver is called with the host and the family /
  // hints options; the 'lookup' event reports what it answered; the socket
  // connects to that address. A lookup error is the socket's 'error'.
  async function lookupFamilyHints() {
    const { server, seen } = await startServer([0, '::']);
    const { port } = server.address();
    const calls = [];
    // Answers asynchronously, as dns.lookup does; honours `all`.
    const lookup = (host, options, cb) => {
      calls.push({ host, ...options });
      const address = options.family === 6 ? '::1' : '127.0.0.1';
      const family = options.family === 6 ? 6 : 4;
      setImmediate(() => {
        if (options.all) cb(null, [{ address, family }]);
        else cb(null, address, family);
      });
    };
    const cases = [
      [{ family: 4 }, '127.0.0.1', 4],
      [{ family: 6 }, '::1', 6],
      [{ family: 4, hints: dns.ADDRCONFIG | dns.V4MAPPED }, '127.0.0.1', 4],
      [{}, '127.0.0.1', 4],
    ];
    for (const [opts, address, family] of cases) {
      const s = net.connect({ port, host: 'weft.test', lookup, ...opts });
      const lookupEvent = new Promise((resolve) => s.on('lookup', (...args) => resolve(args)));
      await new Promise((resolve) => s.on('connect', resolve));
      assert.deepStrictEqual(await lookupEvent, [null, address, family, 'weft.test']);
      assert.strictEqual(s.remoteAddress, address);
      assert.strictEqual(s.remoteFamily, family === 6 ? 'IPv6' : 'IPv4');
      assert.strictEqual(await exchange(s, 'l'), 'l');
    }
    assert.deepStrictEqual(calls.map(({ host, family, hints }) => ({ host, family, hints })), [
      { host: 'weft.test', family: 4, hints: 0 },
      { host: 'weft.test', family: 6, hints: 0 },
      { host: 'weft.test', family: 4, hints: dns.ADDRCONFIG | dns.V4MAPPED },
      // No family: any, with ADDRCONFIG.
      { host: 'weft.test', family: undefined, hints: dns.ADDRCONFIG },
    ]);
    assert.deepStrictEqual(seen.map((x) => x.address), ['::ffff:127.0.0.1', '::1', '::ffff:127.0.0.1', '::ffff:127.0.0.1']);

    // The resolver fails: 'lookup' with the error, then 'error', no 'connect'.
    const failure = Object.assign(new Error('getaddrinfo ENOTFOUND weft.test'), { code: 'ENOTFOUND' });
    const f = net.connect({ port, host: 'weft.test', family: 4, lookup: (h, o, cb) => setImmediate(cb, failure) });
    f.on('connect', common.mustNotCall());
    f.on('lookup', common.mustCall((err, address, family, host) => {
      assert.strictEqual(err, failure);
      assert.strictEqual(host, 'weft.test');
    }));
    assert.strictEqual(await new Promise((resolve) => f.on('error', resolve)), failure);
    // Not an IP address from the resolver.
    const g = net.connect({ port, host: 'weft.test', family: 4, lookup: (h, o, cb) => setImmediate(cb, null, 'nope', 4) });
    const gErr = await new Promise((resolve) => g.on('error', resolve));
    assert.strictEqual(gErr.code, 'ERR_INVALID_IP_ADDRESS');
    assert.throws(() => net.connect({ port, host: 'weft.test', lookup: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
    await close(server);
  },

  // family with the system resolver: 'localhost' over IPv4, and over IPv6
  // when the system resolves it so (else the lookup's error).
  async function familyWithSystemResolver() {
    const { server } = await startServer([0]);
    const { port } = server.address();
    const s4 = net.connect({ port, host: 'localhost', family: 4 });
    const ev = new Promise((resolve) => s4.on('lookup', (...args) => resolve(args)));
    await new Promise((resolve) => s4.on('connect', resolve));
    const [err, address, family, host] = await ev;
    assert.strictEqual(err, null);
    assert.strictEqual(family, 4);
    assert.strictEqual(host, 'localhost');
    assert.strictEqual(s4.remoteAddress, address);
    assert.strictEqual(s4.remoteFamily, 'IPv4');
    assert.strictEqual(await exchange(s4, '4'), '4');

    let v6;
    try {
      v6 = await dns.promises.lookup('localhost', { family: 6 });
    } catch (e) {
      v6 = e;
    }
    const s6 = net.connect({ port, host: 'localhost', family: 6 });
    if (v6 instanceof Error) {
      const e = await new Promise((resolve) => s6.on('error', resolve));
      assert.strictEqual(e.code, v6.code);
      assert.strictEqual(e.syscall, 'getaddrinfo');
    } else {
      await new Promise((resolve) => s6.on('connect', resolve));
      assert.strictEqual(s6.remoteFamily, 'IPv6');
      assert.strictEqual(s6.remoteAddress, v6.address);
      assert.strictEqual(await exchange(s6, '6'), '6');
    }
    await close(server);
  },

  // allowHalfOpen (new net.Socket / connect option): after the server's FIN
  // the client can still write; without it, the client ends too.
  async function allowHalfOpen() {
    let serverGot;
    const server = net.createServer({ allowHalfOpen: true }, (c) => {
      const chunks = [];
      c.on('data', (d) => chunks.push(d));
      c.on('end', () => { serverGot = Buffer.concat(chunks).toString(); });
      c.end('server done');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    for (const half of [true, false]) {
      serverGot = undefined;
      const s = new net.Socket({ allowHalfOpen: half });
      assert.strictEqual(s.allowHalfOpen, half);
      s.connect(port, '127.0.0.1');
      s.resume();
      await new Promise((resolve) => s.on('end', resolve));
      if (half) {
        assert.strictEqual(s.writable, true);
        assert.strictEqual(s.readyState, 'writeOnly');
        s.end('client after FIN');
      }
      await new Promise((resolve) => s.on('close', resolve));
      await until(() => serverGot !== undefined);
      assert.strictEqual(serverGot, half ? 'client after FIN' : '');
    }
    // The same through net.connect's options.
    const c = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    assert.strictEqual(c.allowHalfOpen, true);
    c.destroy();
    await close(server);
  },

  // readable / writable false, without fd: Node 20 honours them anyway (its
  // documents say they are ignored without fd): nothing is delivered, and
  // writing is writing after end.
  async function readableWritable() {
    const { server } = await startServer([0, '127.0.0.1']);
    const s = new net.Socket({ readable: false, writable: false });
    assert.strictEqual(s.readable, false);
    assert.strictEqual(s.writable, false);
    s.on('data', common.mustNotCall());
    s.connect(server.address().port, '127.0.0.1');
    await new Promise((resolve) => s.on('connect', resolve));
    const err = await new Promise((resolve) => {
      s.on('error', resolve);
      s.write('x');
    });
    assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
    await new Promise((resolve) => (s.destroyed ? resolve() : s.on('close', resolve)));
    const t = new net.Socket({ readable: true, writable: true });
    assert.strictEqual(t.readable, true);
    assert.strictEqual(t.writable, true);
    t.connect(server.address().port, '127.0.0.1');
    assert.strictEqual(await exchange(t, 'rw'), 'rw');
    await close(server);
  },

  // fd: only descriptors of sockets (or pipes) can be wrapped; others and
  // bad values are refused at once. (Wrapping a live socket's descriptor is
  // not tested: see docs/net.md.)
  async function fdOption() {
    const fd = fs.openSync(__filename, 'r');
    try {
      assert.throws(() => new net.Socket({ fd }), {
        code: 'ERR_INVALID_FD_TYPE', name: 'TypeError', message: 'Unsupported fd type: FILE',
      });
    } finally {
      fs.closeSync(fd);
    }
    assert.throws(() => new net.Socket({ fd: -1 }), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => new net.Socket({ fd: 1.5 }), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => new net.Socket({ fd: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
  },

  // onread: each read lands in the given buffer (at most its length at a
  // time) and goes to the callback instead of 'data'; 'end' and 'close'
  // are as usual. The buffer may come from a function (called for each
  // read); the callback returning false pauses the socket until resume().
  async function onread() {
    const payload = Buffer.alloc(10000);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
    const server = net.createServer((c) => c.end(payload));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();

    for (const kind of ['Buffer', 'Uint8Array', 'function']) {
      const fixed = kind === 'Uint8Array' ? new Uint8Array(1000) : Buffer.alloc(1000);
      const made = [];
      const buffer = kind === 'function' ? () => {
        const b = Buffer.alloc(1000);
        made.push(b);
        return b;
      } : fixed;
      const chunks = [];
      const s = net.connect({
        port,
        host: '127.0.0.1',
        onread: {
          buffer,
          callback: common.mustCallAtLeast(function(n, buf) {
            assert.ok(n > 0 && n <= 1000);
            // The function's latest buffer (it is called again after each read).
            if (kind === 'function') assert.strictEqual(buf, made[made.length - 1]);
            else assert.strictEqual(buf, fixed);
            // A copy: the buffer is reused for the next read.
            chunks.push(Buffer.from(buf.subarray(0, n)));
          }, 10),
        },
      });
      s.on('data', common.mustNotCall());
      await new Promise((resolve) => s.on('end', resolve));
      await new Promise((resolve) => s.on('close', resolve));
      assert.deepStrictEqual(Buffer.concat(chunks), payload);
      assert.strictEqual(s.bytesRead, payload.length);
    }

    // Returning false pauses: no more callbacks until resume().
    let calls = 0;
    let paused = false;
    const chunks = [];
    const s = net.connect({
      port,
      host: '127.0.0.1',
      onread: {
        buffer: Buffer.alloc(1000),
        callback(n, buf) {
          assert.strictEqual(paused, false);
          calls++;
          chunks.push(Buffer.from(buf.subarray(0, n)));
          if (calls === 3) {
            paused = true;
            return false;
          }
        },
      },
    });
    await until(() => paused);
    for (let i = 0; i < 5; i++) await new Promise(setImmediate);
    assert.strictEqual(calls, 3);
    assert.strictEqual(s.readableEnded, false);
    paused = false;
    s.resume();
    await new Promise((resolve) => s.on('close', resolve));
    assert.deepStrictEqual(Buffer.concat(chunks), payload);
    assert.ok(calls >= 10);
    await close(server);
  },

  // keepAlive / keepAliveInitialDelay: the kernel arms the keepalive timer
  // once connected (see test-net-socket-methods.js for setKeepAlive()).
  async function keepAliveOptions() {
    const { server } = await startServer([0, '127.0.0.1']);
    const since = Date.now();
    const s = net.connect({ port: server.address().port, host: '127.0.0.1', keepAlive: true, keepAliveInitialDelay: 80000 });
    await new Promise((resolve) => s.on('connect', resolve));
    const { timer, when } = socketRow(s);
    // Armed for the delay, less the time the connection has been idle.
    const idle = (Date.now() - since) / 1000;
    assert.strictEqual(timer, 2);
    assert.ok(when <= 80 && when >= 80 - idle - 0.2, `keepalive in ${when} s`);
    assert.strictEqual(await exchange(s, 'k'), 'k');
    assert.throws(() => new net.Socket({ keepAliveInitialDelay: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
    await close(server);
  },

  // signal: aborting destroys the socket with an AbortError, connected or
  // still connecting.
  async function signal() {
    const { server } = await startServer([0, '127.0.0.1']);
    const { port } = server.address();
    const ac = new AbortController();
    const s = net.connect({ port, host: '127.0.0.1', signal: ac.signal });
    await new Promise((resolve) => s.on('connect', resolve));
    const events = [];
    s.on('error', (err) => events.push(`${err.name} ${err.code}`));
    s.on('close', (hadError) => events.push(`close ${hadError}`));
    ac.abort();
    await until(() => events.length === 2);
    assert.deepStrictEqual(events, ['AbortError ABORT_ERR', 'close true']);
    assert.strictEqual(s.destroyed, true);

    const ac2 = new AbortController();
    const t = net.connect({ port, host: '127.0.0.1', signal: ac2.signal });
    t.on('connect', common.mustNotCall());
    const tEvents = [];
    t.on('error', (err) => tEvents.push(err.name));
    t.on('close', (hadError) => tEvents.push(`close ${hadError}`));
    ac2.abort();
    await until(() => tEvents.length === 2);
    assert.deepStrictEqual(tEvents, ['AbortError', 'close true']);
    assert.throws(() => net.connect({ port, signal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
    await close(server);
  },
];

common.runSteps(steps);
