'use strict';
// The seed examples that use the fixed TCP port 80 (Ruff 002, IoT.js 003,
// Node.js v12 004), run unchanged and one after another in this one file so
// that they never hold the port at the same time (port 80 needs root, or
// net.ipv4.ip_unprivileged_port_start <= 80). For client examples the test
// listens on port 80 itself.
const assert = require('assert');
const h = require('./test-examples-harness');

const PORT = 80;

// The IoT.js examples' own server behaviour (net.createServer section):
// collect what the client sends, answer it back when the client ends.
function iotjsPeer(host) {
  return h.server({ port: PORT, host }, (socket, conn) => {
    socket.on('end', () => socket.end(conn.text()));
  }, { allowHalfOpen: true });
}

// A server example listening on localhost:80 without a connection listener.
async function localhostServer(file) {
  const ex = h.load(file);
  assert.strictEqual(ex.servers.length, 1);
  const server = ex.servers[0];
  await h.once(server, 'listening');
  assert.deepStrictEqual(server.address(), { address: '127.0.0.1', family: 'IPv4', port: PORT });
  const c = await h.client({ port: PORT, host: 'localhost' });
  assert.strictEqual(c.socket.remoteAddress, '127.0.0.1');
  await h.delay(50);
  assert.strictEqual(await h.connections(server), 1);
  // Nobody answers or ends on the server side.
  c.socket.end('ping');
  await h.delay(100);
  assert.strictEqual(c.ended, false);
  assert.strictEqual(c.text(), '');
}

h.run([
  ['ruff-listen-options.js', () => localhostServer('ruff-listen-options.js')],
  ['node-listen-exclusive.js', () => localhostServer('node-listen-exclusive.js')],
  ['iotjs-server-listen-options.js', () => localhostServer('iotjs-server-listen-options.js')],

  // Node.js v12 onread: every chunk is read into one reused 4 KiB buffer.
  ['node-onread-client.js', async () => {
    const data = 'abcdefghij'.repeat(1000);
    const peer = await h.server({ port: PORT }, (socket) => socket.end(data));
    const ex = h.load('node-onread-client.js');
    await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, "the client's FIN");
    await h.waitFor(() => ex.output().replace(/\n/g, '').length >= data.length, 'all data printed');
    const pieces = ex.output().split('\n');
    assert.strictEqual(pieces.pop(), '');
    assert.strictEqual(pieces.join(''), data);
    for (const p of pieces) assert.ok(p.length > 0 && p.length <= 4096, `a chunk of ${p.length}`);
    assert.ok(pieces.length >= 3, `${pieces.length} chunks for 10000 bytes`);
    // onread replaces 'data': the stream has nothing buffered.
    const sock = ex.sockets[0];
    await h.waitFor(() => sock.destroyed, 'the client to close');
    assert.strictEqual(sock.bytesRead, data.length);
    assert.strictEqual(peer.conns[0].text(), '');
  }],

  // IoT.js createConnection({port: 80, family: 4}): sends and ends, prints the answer.
  ['iotjs-createconnection-options.js', async () => {
    const peer = await iotjsPeer();
    const ex = h.load('iotjs-createconnection-options.js');
    await ex.wait('Hello IoT.js\n');
    assert.strictEqual(peer.conns.length, 1);
    assert.strictEqual(peer.conns[0].text(), 'Hello IoT.js');
    // family: 4 — an IPv4 connection, seen by a server on :: as IPv4-mapped.
    assert.strictEqual(peer.conns[0].remoteAddress, '::ffff:127.0.0.1');
    await h.waitFor(() => ex.sockets[0].destroyed, 'the client to close');
    assert.strictEqual(ex.output(), 'Hello IoT.js\n');
  }],

  // IoT.js socket.connect(80, '127.0.0.1'): sends 'Hello IoT.js' and ends.
  ['iotjs-socket-connect-port-host.js', async () => {
    const peer = await h.server({ port: PORT, host: '127.0.0.1' }, (socket) => {
      socket.on('end', () => socket.end());
    });
    const ex = h.load('iotjs-socket-connect-port-host.js');
    await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, "the client's FIN");
    assert.strictEqual(peer.conns[0].text(), 'Hello IoT.js');
    await h.waitFor(() => ex.sockets[0].destroyed, 'the client to close');
    assert.strictEqual(ex.output(), '');
  }],

  // IoT.js socket.destroy(): destroyed right after connect() was called: never connects.
  ['iotjs-socket-destroy.js', async () => {
    const peer = await h.server({ port: PORT, host: '127.0.0.1' });
    const ex = h.load('iotjs-socket-destroy.js');
    const sock = ex.sockets[0];
    assert.strictEqual(sock.destroyed, true);
    let closed = false;
    sock.on('close', () => { closed = true; });
    sock.on('connect', () => assert.fail("'connect' after destroy()"));
    await h.delay(300);
    assert.strictEqual(closed, true);
    assert.strictEqual(peer.conns.length, 0, 'the server got a connection');
    assert.strictEqual(sock.bytesWritten, 0);
  }],

  // IoT.js Event 'close' (server): a 'close' listener is added per connection.
  ['iotjs-server-close-event.js', async () => {
    const ex = h.load('iotjs-server-close-event.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    assert.strictEqual(server.listenerCount('close'), 0);
    const a = await h.client({ port: PORT, host: '127.0.0.1' });
    const b = await h.client({ port: PORT, host: '::1' });
    await h.waitFor(() => server.listenerCount('close') === 2, "two 'close' listeners");
    // The server closes once both connections are gone.
    let closed = false;
    server.close(() => { closed = true; });
    a.socket.end();
    await h.waitFor(() => a.closed, 'the first client to close');
    await h.delay(50);
    assert.strictEqual(closed, false);
    b.socket.end();
    await h.waitFor(() => closed, "the server's 'close'");
  }],

  // IoT.js Event 'connection': reads (and keeps) what the client sends.
  ['iotjs-server-connection-event.js', async () => {
    const ex = h.load('iotjs-server-connection-event.js');
    await h.once(ex.servers[0], 'listening');
    const c = await h.client({ port: PORT, host: '127.0.0.1' });
    c.socket.end('some data');
    // Reading, the server sees the FIN and (allowHalfOpen false) closes too.
    await h.waitFor(() => c.closed, 'the connection to close');
    assert.strictEqual(c.ended, true);
    assert.strictEqual(c.text(), '');
  }],

  // IoT.js Event 'listening': prints 'started listening'; the first connection
  // closes the server, which stays open while that (half-open) connection lasts.
  ['iotjs-server-listening-event.js', async () => {
    const ex = h.load('iotjs-server-listening-event.js');
    const server = ex.servers[0];
    await ex.wait('started listening\n');
    assert.strictEqual(ex.output(), 'started listening\n');
    let closed = false;
    server.on('close', () => { closed = true; });
    const c = await h.client({ port: PORT, host: '127.0.0.1' });
    await h.waitFor(() => !server.listening, 'server.close()');
    const err = await h.connectError({ port: PORT, host: '127.0.0.1' });
    assert.strictEqual(err.code, 'ECONNREFUSED');
    c.socket.end('bye');
    await h.delay(200);
    // allowHalfOpen: the server side does not end; the connection keeps the server.
    assert.strictEqual(c.ended, false);
    assert.strictEqual(closed, false);
    assert.strictEqual(await h.connections(server), 1);
  }],

  // IoT.js socket.resume(): the server pauses each connection and resumes it
  // after 2 s; then it reads, ends, and closes itself when the socket closes.
  ['iotjs-socket-resume.js', async () => {
    const ex = h.load('iotjs-socket-resume.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    let closed = false;
    server.on('close', () => { closed = true; });
    const c = await h.client({ port: PORT, host: '127.0.0.1' });
    c.socket.write('abc');
    await h.waitFor(() => c.ended, "the server's FIN", 5000);
    const waited = c.endAt - c.connectedAt;
    assert.ok(waited >= 1900 && waited < 3500, `ended after ${waited} ms, not about 2000`);
    await h.waitFor(() => closed, "the server's 'close'");
    assert.strictEqual(c.text(), '');
  }],

  // IoT.js Event 'connect': 40 sockets to localhost:80, each sends its index.
  ['iotjs-socket-connect-event.js', async () => {
    const peer = await h.server({ port: PORT }, (socket) => socket.on('end', () => socket.end()));
    const ex = h.load('iotjs-socket-connect-event.js');
    assert.strictEqual(ex.sockets.length, 40);
    await h.waitFor(() => peer.conns.length === 40 && peer.conns.every((c) => c.ended), '40 connections');
    const got = peer.conns.map((c) => c.text()).sort((x, y) => x - y);
    assert.deepStrictEqual(got, Array.from({ length: 40 }, (_, i) => String(i)));
    await h.waitFor(() => ex.sockets.every((s) => s.destroyed), 'all to close');
  }],

  // IoT.js Event 'close' (socket): the server closes when its connection closes.
  ['iotjs-socket-close-event.js', async () => {
    const ex = h.load('iotjs-socket-close-event.js');
    const server = ex.servers[0];
    await h.once(server, 'listening');
    let closed = false;
    server.on('close', () => { closed = true; });
    const c = await h.client({ port: PORT, host: '127.0.0.1' });
    c.socket.end();
    await h.waitFor(() => closed, "the server's 'close'");
    assert.strictEqual(server.listening, false);
    assert.strictEqual(c.ended, true);
    const err = await h.connectError({ port: PORT, host: '127.0.0.1' });
    assert.strictEqual(err.code, 'ECONNREFUSED');
  }],
]);
