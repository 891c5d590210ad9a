'use strict';
// The IoT.js (003) seed examples that do not use port 80 (those are in
// test-examples-port-80.js), run unchanged, one after another: their fixed
// ports (22702, 22703, 22704, 22709, 4010, 40) are each used by several.
// Where an example elides part of its program with `/* ... */`, the test
// supplies it from outside (e.g. connects the example's socket).
const assert = require('assert');
const net = require('net');
const h = require('./test-examples-harness');

// The IoT.js net.createServer example's behaviour, as the peer of the client
// examples: collect what the client sends, answer it back when it ends.
function iotjsPeer(port) {
  return h.server({ port }, (socket, conn) => {
    socket.on('end', () => socket.end(conn.text()));
  }, { allowHalfOpen: true });
}

// A client example on 22702 that sends 'Hello IoT.js', ends, prints the answer.
async function echoClient(file, { prints = true, family } = {}) {
  const peer = await iotjsPeer(22702);
  const ex = h.load(file);
  assert.strictEqual(ex.sockets.length, 1);
  await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, "the client's FIN");
  assert.strictEqual(peer.conns[0].text(), 'Hello IoT.js');
  if (family === 4) assert.strictEqual(peer.conns[0].remoteAddress, '::ffff:127.0.0.1');
  const s = ex.sockets[0];
  if (prints) {
    await h.waitFor(() => s.destroyed, 'the client to close');
    await ex.wait('Hello IoT.js\n');
    assert.strictEqual(ex.output(), 'Hello IoT.js\n');
  } else {
    // No 'data' listener: the answer stays buffered, unread, so 'end' is not
    // emitted and the socket stays open.
    await h.waitFor(() => s.readableLength === 12, 'the answer to be buffered');
    await h.delay(100);
    assert.strictEqual(s.readableLength, 12);
    assert.strictEqual(s.destroyed, false);
    assert.strictEqual(ex.output(), '');
  }
}

// Nothing listens on `port` (on 127.0.0.1).
async function freePort(port) {
  const err = await h.connectError({ port, host: '127.0.0.1' });
  assert.strictEqual(err.code, 'ECONNREFUSED');
}

h.run([
  ['iotjs-connect-options.js', () => echoClient('iotjs-connect-options.js', { family: 4 })],
  ['iotjs-connect-port-host.js', () => echoClient('iotjs-connect-port-host.js')],
  ['iotjs-createconnection-port-host.js', () => echoClient('iotjs-createconnection-port-host.js')],
  ['iotjs-socket-connect-options.js',
   () => echoClient('iotjs-socket-connect-options.js', { prints: false, family: 4 })],

  // net.createServer({allowHalfOpen: true}): answers with what it got after the
  // client's FIN; the first connection closes the server.
  ['iotjs-createserver-halfopen.js', async () => {
    const ex = h.load('iotjs-createserver-halfopen.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    let closed = false;
    server.on('close', () => { closed = true; });
    const c = await h.client({ port: 22702, host: '127.0.0.1' });
    c.socket.write('Hello ');
    await h.delay(50);
    await freePort(22702);
    c.socket.end('IoT.js');
    await h.waitFor(() => c.closed, 'the connection to close');
    assert.strictEqual(c.text(), 'Hello IoT.js');
    assert.strictEqual(c.ended, true);
    await h.waitFor(() => closed, "the server's 'close'");
  }],

  // server.close() right after server.listen(port): nothing listens on 22704.
  ['iotjs-server-close.js', async () => {
    const ex = h.load('iotjs-server-close.js');
    const server = ex.servers[0];
    let closed = false;
    server.on('close', () => { closed = true; });
    assert.strictEqual(server.listening, false);
    await h.waitFor(() => closed, "the server's 'close'");
    await freePort(22704);
  }],

  // server.listen(22709): accepts connections (on ::, so over IPv4 and IPv6).
  ['iotjs-server-listen.js', async () => {
    const ex = h.load('iotjs-server-listen.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    assert.deepStrictEqual(server.address(), { address: '::', family: 'IPv6', port: 22709 });
    await h.client({ port: 22709, host: '127.0.0.1' });
    await h.client({ port: 22709, host: '::1' });
    await h.delay(50);
    assert.strictEqual(await h.connections(server), 2);
  }],

  // socket.end(data) on the first 'data' (port 4010).
  ['iotjs-socket-end.js', async () => {
    const ex = h.load('iotjs-socket-end.js');
    await h.once(ex.servers[0], 'listening');
    const c = await h.client({ port: 4010, host: '127.0.0.1' });
    c.socket.write('hi');
    await h.waitFor(() => c.closed, 'the connection to close');
    assert.strictEqual(c.text(), 'Hello IoT.js');
    assert.strictEqual(c.ended, true);
  }],

  // socket.pause() on connection (port 4010): what the client sends is never
  // consumed, so its FIN is not seen and the server never ends.
  ['iotjs-socket-pause.js', async () => {
    const ex = h.load('iotjs-socket-pause.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    let serverSide;
    server.on('connection', (s) => { serverSide = s; });
    const c = await h.client({ port: 4010, host: '127.0.0.1' });
    c.socket.end('some data');
    await h.delay(300);
    assert.strictEqual(c.ended, false);
    assert.strictEqual(c.closed, false);
    assert.strictEqual(serverSide.isPaused(), true);
    assert.strictEqual(serverSide.readableEnded, false);
    assert.strictEqual(await h.connections(server), 1);
  }],

  // socket.setTimeout(2000, end) on connection (port 40).
  ['iotjs-socket-settimeout.js', async () => {
    const ex = h.load('iotjs-socket-settimeout.js');
    await h.once(ex.servers[0], 'listening');
    const c = await h.client({ port: 40, host: '127.0.0.1' });
    await h.waitFor(() => c.ended, "the server's FIN", 5000);
    const idle = c.endAt - c.connectedAt;
    assert.ok(idle >= 1900 && idle < 3500, `ended after ${idle} ms, not about 2000`);
    await h.waitFor(() => c.closed, 'the connection to close');
  }],

  // Event 'drain' (port 22703): writes 200 digits, waiting for 'drain' when
  // write() returns false, then ends.
  ['iotjs-socket-drain-event.js', async () => {
    const ex = h.load('iotjs-socket-drain-event.js');
    await h.once(ex.servers[0], 'listening');
    const c = await h.client({ port: 22703, host: '127.0.0.1' });
    await h.waitFor(() => c.closed, 'the connection to close');
    assert.strictEqual(c.text(), '0123456789'.repeat(20));
  }],

  // new net.Socket(): a socket that is not connected.
  ['iotjs-socket-new.js', async () => {
    const ex = h.load('iotjs-socket-new.js');
    assert.strictEqual(ex.sockets.length, 1);
    const s = ex.sockets[0];
    assert.ok(s instanceof net.Socket);
    assert.strictEqual(s.connecting, false);
    assert.strictEqual(s.pending, true);
    assert.strictEqual(s.destroyed, false);
    assert.strictEqual(s.remoteAddress, undefined);
  }],

  // setKeepAlive(true, 1000) before connecting: no error; the socket connects.
  ['iotjs-socket-setkeepalive.js', async () => {
    const ex = h.load('iotjs-socket-setkeepalive.js');
    const s = ex.sockets[0];
    const peer = await h.server({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => s.connect(peer.address().port, '127.0.0.1', resolve));
    s.end();
  }],

  // Event 'error' (server): a listen error reaches the example's listener,
  // whose assert.fail() throws.
  ['iotjs-server-error-event.js', async () => {
    const ex = h.load('iotjs-server-error-event.js');
    const server = ex.servers[0];
    assert.strictEqual(server.listening, false);
    assert.strictEqual(server.listenerCount('error'), 1);
    const busy = await h.server({ port: 0, host: '127.0.0.1' });
    const uncaught = h.nextUncaught();
    server.listen(busy.address().port, '127.0.0.1');
    const err = await uncaught;
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    assert.strictEqual(err.message, 'Failed');
    assert.strictEqual(server.listening, false);
  }],

  // socket.write(): 'Hello IoT.js' written a second after 'connect'; the test
  // connects the socket (the example's `/* ... */`).
  ['iotjs-socket-write.js', async () => {
    const ex = h.load('iotjs-socket-write.js');
    const s = ex.sockets[0];
    const peer = await h.server({ port: 0, host: '127.0.0.1' });
    s.connect(peer.address().port, '127.0.0.1');
    await h.waitFor(() => peer.conns.length === 1, 'the connection');
    const conn = peer.conns[0];
    await h.waitFor(() => conn.text() === 'Hello IoT.js', 'the write', 3000);
    const after = conn.lastDataAt - conn.at;
    assert.ok(after >= 950 && after < 2500, `written after ${after} ms, not about 1000`);
  }],

  // Event 'data': the example's listener consumes what arrives, so 'end' follows.
  ['iotjs-socket-data-event.js', async () => {
    const ex = h.load('iotjs-socket-data-event.js');
    const s = ex.sockets[0];
    assert.strictEqual(s.listenerCount('data'), 1);
    const peer = await h.server({ port: 0, host: '127.0.0.1' }, (socket) => socket.end('some data'));
    let ended = false;
    s.on('end', () => { ended = true; });
    s.connect(peer.address().port, '127.0.0.1');
    await h.waitFor(() => ended && s.destroyed, "'end' and close");
    assert.strictEqual(s.bytesRead, 9);
  }],

  // Event 'end': the example ends its side when the peer ends.
  ['iotjs-socket-end-event.js', async () => {
    const ex = h.load('iotjs-socket-end-event.js');
    const s = ex.sockets[0];
    const peer = await h.server({ port: 0, host: '127.0.0.1' }, (socket) => socket.end(),
                                { allowHalfOpen: true });
    s.connect(peer.address().port, '127.0.0.1');
    await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, "the example's FIN");
    await h.waitFor(() => s.destroyed, 'the example socket to close');
  }],

  // Event 'error': a refused connection reaches the example's listener
  // (whose assert passes: err is an Error), not an uncaught exception.
  ['iotjs-socket-error-event.js', async () => {
    const ex = h.load('iotjs-socket-error-event.js');
    const s = ex.sockets[0];
    const peer = await h.server({ port: 0, host: '127.0.0.1' });
    const port = peer.address().port;
    await new Promise((resolve) => peer.close(resolve));
    let error;
    s.on('error', (err) => { error = err; });
    s.connect(port, '127.0.0.1');
    await h.waitFor(() => s.destroyed && error, "'error'");
    assert.strictEqual(error.code, 'ECONNREFUSED');
    assert.strictEqual(s.listenerCount('error'), 2);
  }],

  // Event 'lookup': emitted when connecting by host name.
  ['iotjs-socket-lookup-event.js', async () => {
    const ex = h.load('iotjs-socket-lookup-event.js');
    const s = ex.sockets[0];
    assert.strictEqual(s.listenerCount('lookup'), 1);
    const peer = await h.server({ port: 0, host: '127.0.0.1' });
    let lookup;
    s.on('lookup', (...args) => { lookup = args; });
    await new Promise((resolve) => s.connect(peer.address().port, 'localhost', resolve));
    assert.deepStrictEqual(lookup, [null, '127.0.0.1', 4, 'localhost']);
  }],

  // Event 'timeout': connects to 192.0.2.1:11111 (TEST-NET-1) with a 1 s
  // timeout. Where that address does not answer, the socket times out and is
  // destroyed; where it refuses or is unreachable (here it is the gateway and
  // refuses), the example has no 'error' listener, so the error is uncaught.
  ['iotjs-socket-timeout-event.js', async () => {
    const uncaught = h.nextUncaught();
    const start = Date.now();
    const ex = h.load('iotjs-socket-timeout-event.js');
    const s = ex.sockets[0];
    let timedOut = false;
    s.on('timeout', () => { timedOut = true; });
    const destroyed = h.waitFor(() => timedOut && s.destroyed, 'timeout', 4000).then(() => null);
    const err = await Promise.race([uncaught, destroyed]);
    if (timedOut) {
      const after = Date.now() - start;
      assert.ok(after >= 950, `timed out after ${after} ms`);
    } else {
      assert.ok(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH'].includes(err.code), err.code);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '192.0.2.1');
      assert.strictEqual(err.port, 11111);
      assert.strictEqual(err.message, `connect ${err.code} 192.0.2.1:11111`);
    }
  }],
]);
