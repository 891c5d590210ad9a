'use strict';
// net.Server as the seeds describe it (Kaluma 001, Ruff 002, IoT.js 003,
// Node.js v12 004): the constructors and createServer() options
// (allowHalfOpen, pauseOnConnect), close([cb]), address(), getConnections(),
// listening, the 'connections' property Node has removed, and the events
// 'listening', 'connection', 'close' and 'error'. ref()/unref() are in
// test-net-ref-unref.js, maxConnections in test-net-server-limits.js.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const EventEmitter = require('events');
const { socketRow } = require('./test-net-procnet');

function listening(server) {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function connections(server) {
  return new Promise((resolve, reject) => {
    server.getConnections((err, n) => (err ? reject(err) : resolve(n)));
  });
}

// Resolves once getConnections() reports n, asking on every turn of the loop.
async function countReaches(server, n) {
  while (await connections(server) !== n) await new Promise(setImmediate);
}

const steps = [
  // Constructors: createServer() / new net.Server() / net.Server(), with
  // options and a 'connection' listener, in any combination.
  async function constructors() {
    const listener = () => {};
    const made = [
      net.createServer(),
      net.createServer(listener),
      net.createServer({ allowHalfOpen: true }, listener),
      net.createServer({ pauseOnConnect: true }),
      new net.Server(),
      new net.Server(listener),
      new net.Server({ allowHalfOpen: true }, listener),
      net.Server(listener), // eslint-disable-line new-cap
    ];
    for (const s of made) {
      assert.ok(s instanceof net.Server);
      assert.ok(s instanceof EventEmitter);
      assert.strictEqual(s.listening, false);
      assert.strictEqual(s.address(), null);
    }
    assert.deepStrictEqual(made.map((s) => s.listeners('connection').length), [0, 1, 1, 0, 0, 1, 1, 1]);
    assert.strictEqual(made[1].listeners('connection')[0], listener);
    assert.deepStrictEqual(made.map((s) => s.allowHalfOpen), [false, false, true, false, false, false, true, false]);
    assert.deepStrictEqual(made.map((s) => s.pauseOnConnect), [false, false, false, true, false, false, false, false]);
    for (const bad of ['x', 1, true]) {
      assert.throws(() => net.createServer(bad), { code: 'ERR_INVALID_ARG_TYPE' });
    }
  },

  // The listener given to the constructor gets every connection, a net.Socket.
  async function connectionEvent() {
    const got = [];
    const s = new net.Server((c) => {
      assert.ok(c instanceof net.Socket);
      assert.strictEqual(c.remoteAddress, '127.0.0.1');
      assert.strictEqual(c.localPort, s.address().port);
      got.push(c.remotePort);
      c.end();
    });
    s.on('connection', common.mustCall(2));
    s.listen(0, '127.0.0.1');
    await listening(s);
    const ports = [];
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => {
        const c = net.connect(s.address().port, '127.0.0.1', () => ports.push(c.localPort));
        c.resume().on('close', resolve);
      });
    }
    assert.deepStrictEqual(got, ports);
    await new Promise((resolve) => s.close(resolve));
  },

  // allowHalfOpen: true — after the client's FIN the server's socket stays
  // writable until it ends itself; false — it ends at once.
  async function allowHalfOpen() {
    for (const half of [true, false]) {
      const s = net.createServer({ allowHalfOpen: half }, (c) => {
        assert.strictEqual(c.allowHalfOpen, half);
        c.resume();
        c.on('end', () => {
          if (!half) return;
          assert.strictEqual(c.writable, true);
          assert.strictEqual(c.readyState, 'writeOnly');
          // Later, to show the client waits for it.
          setImmediate(() => c.end('after your FIN'));
        });
      });
      s.listen(0, '127.0.0.1');
      await listening(s);
      const text = await new Promise((resolve) => {
        let data = '';
        const c = net.connect({ port: s.address().port, host: '127.0.0.1', allowHalfOpen: true });
        c.setEncoding('utf8');
        c.on('data', (d) => { data += d; });
        c.on('end', () => {
          c.end();
          resolve(data);
        });
        c.end('bye');
      });
      assert.strictEqual(text, half ? 'after your FIN' : '');
      await new Promise((resolve) => s.close(resolve));
    }
  },

  // pauseOnConnect: nothing is read from a new connection until resume(),
  // though the data is there (in the kernel's receive queue).
  async function pauseOnConnect() {
    let server;
    const s = net.createServer({ pauseOnConnect: true }, (c) => { server = c; });
    s.listen(0, '127.0.0.1');
    await listening(s);
    const c = net.connect(s.address().port, '127.0.0.1');
    c.write('hello');
    await until(() => server !== undefined && socketRow(server)?.rx === 5);
    assert.strictEqual(server.isPaused(), true);
    const onData = common.mustCall((d) => assert.strictEqual(d.toString(), 'hello'));
    server.on('data', onData);
    // Several turns of the loop later, still nothing read.
    for (let i = 0; i < 5; i++) await new Promise(setImmediate);
    assert.strictEqual(server.bytesRead, 0);
    assert.strictEqual(socketRow(server).rx, 5);
    const ended = new Promise((resolve) => server.on('end', resolve));
    server.resume();
    c.end();
    await ended;
    assert.strictEqual(server.bytesRead, 5);
    await new Promise((resolve) => s.close(resolve));
  },

  // close([cb]): no new connections, live ones continue; 'close' (and the
  // callback, without an error) come once the last connection has ended.
  async function closeWaitsForConnections() {
    const live = [];
    const s = net.createServer((c) => {
      live.push(c);
      c.on('data', (d) => c.write(d));
      c.on('end', () => c.end());
    });
    s.listen(0, '127.0.0.1');
    await listening(s);
    const { port } = s.address();
    const clients = [];
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => clients.push(net.connect(port, '127.0.0.1', resolve)));
    }
    await until(() => live.length === 2);
    let closed = false;
    let closeEvents = 0;
    s.on('close', () => closeEvents++);
    assert.strictEqual(s.close(common.mustCall((err) => {
      assert.strictEqual(err, undefined);
      closed = true;
    })), s);
    assert.strictEqual(s.listening, false);
    assert.strictEqual(s.address(), null);
    // No new connections.
    const refused = await new Promise((resolve) => net.connect(port, '127.0.0.1').on('error', resolve));
    assert.strictEqual(refused.code, 'ECONNREFUSED');
    // The live connections still work.
    const echoed = await new Promise((resolve) => {
      clients[0].once('data', (d) => resolve(d.toString()));
      clients[0].write('still here');
    });
    assert.strictEqual(echoed, 'still here');
    assert.strictEqual(await connections(s), 2);
    clients[0].end();
    await new Promise((resolve) => clients[0].on('close', resolve));
    await until(() => live[0].destroyed);
    assert.strictEqual(await connections(s), 1);
    for (let i = 0; i < 3; i++) await new Promise(setImmediate);
    assert.strictEqual(closed, false);
    assert.strictEqual(closeEvents, 0);
    clients[1].end();
    await until(() => closed);
    assert.strictEqual(closeEvents, 1);
    assert.strictEqual(await connections(s), 0);
  },

  // getConnections(cb): asynchronous, returns the server, counts accepted
  // connections until they close.
  async function getConnections() {
    const s = net.createServer((c) => c.resume());
    s.listen(0, '127.0.0.1');
    await listening(s);
    let sync = true;
    assert.strictEqual(s.getConnections(common.mustCall((err, n) => {
      assert.strictEqual(sync, false);
      assert.strictEqual(err, null);
      assert.strictEqual(n, 0);
    })), s);
    sync = false;
    const clients = [];
    for (let i = 0; i < 3; i++) clients.push(net.connect(s.address().port, '127.0.0.1'));
    await until(() => clients.every((c) => !c.connecting));
    await countReaches(s, 3);
    clients[0].destroy();
    await countReaches(s, 2);
    for (const c of clients) c.destroy();
    await new Promise((resolve) => s.close(resolve));
    assert.strictEqual(await connections(s), 0);
  },

  // address(): null, then { port, family, address } for TCP, the path for a
  // Unix socket, null again after close().
  async function address() {
    const s = net.createServer();
    assert.strictEqual(s.address(), null);
    s.listen(0, '127.0.0.1');
    await listening(s);
    const a = s.address();
    assert.deepStrictEqual(Object.keys(a).sort(), ['address', 'family', 'port']);
    assert.deepStrictEqual(a, { address: '127.0.0.1', family: 'IPv4', port: a.port });
    s.close();
    assert.strictEqual(s.address(), null);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-server-'));
    const p = path.join(dir, 's.sock');
    const u = net.createServer();
    u.listen(p);
    await listening(u);
    assert.strictEqual(u.address(), p);
    await new Promise((resolve) => u.close(resolve));
    // Node 20 (and so weft) still reports the path after close(), though
    // the documents say null: the name is kept for a later listen().
    assert.strictEqual(u.address(), p);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  // server.connections (Ruff 002, deprecated in Node.js v12 004) was removed
  // from Node (DEP0020); getConnections() replaces it.
  async function connectionsProperty() {
    const s = net.createServer();
    assert.strictEqual('connections' in s, false);
    s.listen(0, '127.0.0.1');
    await listening(s);
    assert.strictEqual(s.connections, undefined);
    await new Promise((resolve) => s.close(resolve));
  },

  // listening: true from 'listening' until close().
  async function listeningProperty() {
    const s = net.createServer();
    assert.strictEqual(s.listening, false);
    s.on('listening', common.mustCall(() => assert.strictEqual(s.listening, true)));
    s.listen(0, '127.0.0.1');
    await listening(s);
    assert.strictEqual(s.listening, true);
    s.close();
    assert.strictEqual(s.listening, false);
    await new Promise((resolve) => s.on('close', resolve));
  },

  // 'error': a failed listen() emits it, without a 'close' after it unless
  // close() is called; 'close' then follows, and close's callback gets
  // ERR_SERVER_NOT_RUNNING.
  async function errorEvent() {
    const holder = net.createServer();
    holder.listen(0, '127.0.0.1');
    await listening(holder);
    const s = net.createServer();
    s.on('listening', common.mustNotCall());
    let closes = 0;
    s.on('close', () => closes++);
    const err = await new Promise((resolve) => {
      s.on('error', resolve);
      s.listen(holder.address().port, '127.0.0.1');
    });
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'EADDRINUSE');
    for (let i = 0; i < 5; i++) await new Promise(setImmediate);
    assert.strictEqual(closes, 0);
    assert.strictEqual(s.listening, false);
    const cbErr = await new Promise((resolve) => s.close(resolve));
    assert.strictEqual(cbErr.code, 'ERR_SERVER_NOT_RUNNING');
    assert.strictEqual(closes, 1);
    await new Promise((resolve) => holder.close(resolve));
  },

  // 'close' with no connection: after close(), on a later tick.
  async function closeEvent() {
    const s = net.createServer();
    s.listen(0, '127.0.0.1');
    await listening(s);
    let closed = false;
    s.on('close', common.mustCall((...args) => {
      assert.deepStrictEqual(args, []);
      closed = true;
    }));
    s.close();
    assert.strictEqual(closed, false);
    await until(() => closed);
  },
];

common.runSteps(steps);
