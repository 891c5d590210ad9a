'use strict';
// Harness for the tests that run the seed examples (examples/*.js) unchanged,
// in-process: `require(example)` while the harness
//  - captures process.stdout.write (what the example prints with console.log),
//  - records the servers and sockets the example creates (net.createServer,
//    new net.Socket, socket.connect) so that a test can reach objects the
//    example keeps in local variables, and close them between examples that
//    share a fixed port,
//  - turns an uncaught exception into a failure unless a test expects one.
// Run directly (as test-*.js files are), it checks itself.
//
// The test files using it run their examples one after another with run():
// one step per example, each with a time limit, then cleanup().

const assert = require('assert');
const net = require('net');
const path = require('path');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

// ---- stdout capture -------------------------------------------------------
let captured = '';
const realWrite = process.stdout.write;
process.stdout.write = function write(chunk, encoding, cb) {
  captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  if (typeof encoding === 'function') cb = encoding;
  if (typeof cb === 'function') process.nextTick(cb);
  return true;
};

function log(...args) {
  // Diagnostics go to stderr, unaffected by the capture.
  process._rawDebug(...args);
}

// ---- uncaught exceptions ----------------------------------------------------
let expectUncaught = null;
process.on('uncaughtException', (err) => {
  if (expectUncaught) {
    const resolve = expectUncaught;
    expectUncaught = null;
    resolve(err);
    return;
  }
  fail(`uncaught exception in step ${current}`, err);
});

// Resolves with the next uncaught exception (e.g. an 'error' event the
// example does not listen for, thrown as Node throws it).
function nextUncaught() {
  return new Promise((resolve) => { expectUncaught = resolve; });
}

// ---- recording what the examples create ------------------------------------
const servers = [];   // net.Server objects (example's and the test's)
const accepted = [];  // sockets the recorded servers accepted
const sockets = [];   // client sockets (example's and the test's)

// With EXAMPLES_TRACE set, the events of every recorded object are printed
// (per object, in order) after each step, to compare runtimes.
const TRACE = !!process.env.EXAMPLES_TRACE;
let traced = [];
function trace(obj, label) {
  if (!TRACE) return;
  const events = [];
  traced.push({ label, events });
  const emit = obj.emit;
  obj.emit = function(event, ...args) {
    const arg = args.map((a) => (Buffer.isBuffer(a) ? `<${a.length}>` :
      a instanceof Error ? a.code || a.message : typeof a === 'object' && a ? typeof a : String(a)));
    events.push(arg.length ? `${event}(${arg.join(',')})` : event);
    return emit.call(this, event, ...args);
  };
}

function recordServer(server) {
  if (servers.includes(server)) return server;
  servers.push(server);
  trace(server, `server#${servers.length}`);
  server.on('connection', (c) => {
    accepted.push(c);
    trace(c, `accepted#${accepted.length}`);
  });
  return server;
}

function recordSocket(socket) {
  if (!sockets.includes(socket)) {
    sockets.push(socket);
    trace(socket, `socket#${sockets.length}`);
  }
  return socket;
}

const realCreateServer = net.createServer;
net.createServer = function createServer(...args) {
  return recordServer(realCreateServer.apply(this, args));
};
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  recordSocket(this);
  return realConnect.apply(this, args);
};
net.Socket = new Proxy(net.Socket, {
  construct(target, args, newTarget) {
    return recordSocket(Reflect.construct(target, args, newTarget));
  },
});

// ---- loading an example ----------------------------------------------------
// Requires examples/<name> and returns what it created and printed.
function load(name) {
  const file = path.join(EXAMPLES, name);
  const s0 = servers.length;
  const k0 = sockets.length;
  const mark = captured.length;
  require(file);
  return {
    file,
    servers: servers.slice(s0),
    sockets: sockets.slice(k0),
    output: () => captured.slice(mark),
    // Waits until what the example printed contains text.
    wait: (text, ms) => waitOutput(text, mark, ms),
  };
}

function output() {
  return captured;
}

// ---- helpers for the test side ---------------------------------------------
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Waits until pred() is true (polled), or fails with `what` after ms.
async function waitFor(pred, what, ms = 5000) {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}

// Waits until the captured output (since `mark` if given) contains text.
function waitOutput(text, from = 0, ms = 5000) {
  return waitFor(() => captured.indexOf(text, from) !== -1, JSON.stringify(text), ms);
}

function once(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

// A client the test drives: collects what it receives, records end/close.
// Resolves once connected (rejects on a connect error).
function client(options) {
  return new Promise((resolve, reject) => {
    const c = {
      chunks: [],
      ended: false,
      closed: false,
      error: null,
      text() { return Buffer.concat(this.chunks).toString(); },
    };
    const sock = net.connect(options);
    c.socket = sock;
    sock.on('data', (d) => c.chunks.push(d));
    sock.on('end', () => { c.ended = true; c.endAt = Date.now(); });
    sock.on('close', () => { c.closed = true; });
    sock.on('error', (err) => {
      c.error = err;
      if (sock.connecting || !c.connectedAt) reject(err);
    });
    sock.on('connect', () => { c.connectedAt = Date.now(); resolve(c); });
  });
}

// Resolves with the error of a connection attempt that must fail.
function connectError(options) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(options);
    sock.on('connect', () => reject(new Error(`connected to ${JSON.stringify(options)}`)));
    sock.on('error', resolve);
  });
}

// A server the test runs (peer for client examples). onConnection(socket, conn)
// gets the socket and a record { chunks, ended, text() } that is filled in.
function server(listenArgs, onConnection, options = {}) {
  return new Promise((resolve, reject) => {
    const conns = [];
    const srv = recordServer(new net.Server(options, (socket) => {
      const conn = {
        socket,
        chunks: [],
        ended: false,
        at: Date.now(),
        remoteAddress: socket.remoteAddress,
        remoteFamily: socket.remoteFamily,
        text() { return Buffer.concat(this.chunks).toString(); },
      };
      conns.push(conn);
      socket.on('data', (d) => { conn.chunks.push(d); conn.lastDataAt = Date.now(); });
      socket.on('end', () => { conn.ended = true; conn.endAt = Date.now(); });
      socket.on('error', (err) => { conn.error = err; });
      if (onConnection) onConnection(socket, conn);
    }));
    srv.conns = conns;
    srv.once('error', reject);
    srv.listen(listenArgs, () => {
      srv.removeListener('error', reject);
      resolve(srv);
    });
  });
}

// Ends everything recorded: client sockets, accepted sockets, servers (and
// waits for the servers to close, so that a port is free for the next example).
async function cleanup() {
  const noop = () => {};
  for (const s of sockets.concat(accepted)) {
    s.on('error', noop);
    s.destroy();
  }
  const closing = servers.filter((s) => s.listening).map((s) => new Promise((resolve) => {
    s.close(() => resolve());
  }));
  sockets.length = 0;
  accepted.length = 0;
  servers.length = 0;
  await Promise.all(closing);
  await delay(20);
}

// server.getConnections() as a promise.
function connections(srv) {
  return new Promise((resolve, reject) => srv.getConnections((err, n) => (err ? reject(err) : resolve(n))));
}

// ---- running steps ------------------------------------------------------------
let current = '(none)';
const done = [];

function fail(what, err) {
  log(`FAIL: ${what}`);
  if (err) log(err && err.stack ? err.stack : String(err));
  process.exit(1);
}

// steps: [[name, async fn], ...], run one after another, each followed by
// cleanup(). Checks at exit that every step ran.
function run(steps, { limit = 15000 } = {}) {
  process.on('exit', (code) => {
    if (code === 0 && done.length !== steps.length) {
      log(`FAIL: only ${done.length} of ${steps.length} steps ran: ${done.join(', ')}`);
      process.exit(1);
    }
  });
  (async () => {
    for (const [name, fn] of steps) {
      current = name;
      const guard = setTimeout(() => fail(`${name}: took longer than ${limit} ms`), limit);
      try {
        await fn();
      } catch (err) {
        fail(name, err);
      }
      clearTimeout(guard);
      if (TRACE) {
        // Data chunking depends on timing: consecutive 'data' events are merged.
        for (const t of traced) {
          log(`${name} ${t.label}: ${t.events.join(' ').replace(/(data\(<\d+>\) ?)+/g, 'data* ')}`);
        }
        traced = [];
      }
      await cleanup();
      done.push(name);
      if (process.env.EXAMPLES_VERBOSE) log(`ok ${name}`);
    }
    current = '(after all steps)';
  })();
}

module.exports = {
  EXAMPLES, load, output, log, delay, waitFor, waitOutput, once, client, connectError,
  server, connections, cleanup, run, nextUncaught, recordServer, realWrite,
};

if (require.main === module) {
  // Self-check: the capture sees console.log, the recorders see what is created.
  run([
    ['harness', async () => {
      const mark = output().length;
      console.log('captured %d', 1);
      assert.strictEqual(output().slice(mark), 'captured 1\n');
      const sock = new net.Socket();
      assert.ok(sockets.includes(sock));
      assert.ok(sock instanceof net.Socket);
      const srv = net.createServer();
      assert.ok(servers.includes(srv));
      const peer = await server({ port: 0, host: '127.0.0.1' }, (s) => s.end('hi'));
      const c = await client({ port: peer.address().port, host: '127.0.0.1' });
      await waitFor(() => c.closed, 'close');
      assert.strictEqual(c.text(), 'hi');
    }],
  ]);
}
