'use strict';
// The seed examples that use the fixed TCP port 8124 (Kaluma 001, Ruff 002,
// Node.js v12 004), run unchanged and one after another in this one file so
// that they never hold the port at the same time. Servers are examples the
// test connects to; for client examples the test listens on 8124 itself.
const assert = require('assert');
const h = require('./test-examples-harness');

const PORT = 8124;

// A greeting-server example: prints 'server bound', greets a client, prints
// 'client connected' / 'client disconnected'.
async function greetingServer(file, greeting, { endsAfterGreeting = false, echoes = false } = {}) {
  const ex = h.load(file);
  assert.strictEqual(ex.servers.length, 1);
  await ex.wait('server bound\n');
  const c = await h.client({ port: PORT, host: '127.0.0.1' });
  await h.waitFor(() => c.text().length >= greeting.length, 'greeting');
  assert.strictEqual(c.text(), greeting);
  if (endsAfterGreeting) {
    // The server half-closed after its greeting.
    await h.waitFor(() => c.ended, "client 'end'");
    assert.strictEqual(c.text(), greeting);
  }
  if (echoes) {
    c.socket.write('echo me\r\n');
    await h.waitFor(() => c.text().length >= greeting.length + 9, 'echo');
    assert.strictEqual(c.text(), `${greeting}echo me\r\n`);
  }
  c.socket.end();
  await h.waitFor(() => c.closed, "client 'close'");
  await ex.wait('client disconnected\n');
  assert.strictEqual(ex.output(), 'server bound\nclient connected\nclient disconnected\n');
  assert.strictEqual(c.ended, true);
  assert.strictEqual(c.text(), echoes ? `${greeting}echo me\r\n` : greeting);
}

// A client example: connects to 8124, sends `sends`, prints what it got, ends.
async function greetedClient(file, sends, printed) {
  const peer = await h.server({ port: PORT }, (socket) => socket.write('hello\r\n'));
  const ex = h.load(file);
  await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, 'the client to end');
  const conn = peer.conns[0];
  assert.strictEqual(conn.text(), sends);
  await ex.wait('disconnected from server\n');
  assert.strictEqual(ex.output(), `connected to server!\n${printed}\ndisconnected from server\n`);
}

// A listen-retry example: the port is taken when it starts, it prints
// 'Address in use, retrying...', retries after a second on 127.0.0.1.
async function retryServer(file, { echoes }) {
  const blocker = await h.server({ port: PORT, host: '127.0.0.1' });
  const ex = h.load(file);
  const server = ex.servers[0];
  await ex.wait('Address in use, retrying...\n');
  const at = Date.now();
  assert.strictEqual(server.listening, false);
  await new Promise((resolve) => blocker.close(resolve));
  await ex.wait('server bound\n', 3000);
  const waited = Date.now() - at;
  assert.ok(waited >= 800, `retried after ${waited} ms, not about 1000`);
  assert.strictEqual(server.listening, true);
  assert.deepStrictEqual(server.address(), { address: '127.0.0.1', family: 'IPv4', port: PORT });
  const c = await h.client({ port: PORT, host: '127.0.0.1' });
  await h.waitFor(() => c.text().length >= 7, 'greeting');
  if (echoes) {
    c.socket.write('again\r\n');
    await h.waitFor(() => c.text().length >= 14, 'echo');
  }
  c.socket.end();
  await h.waitFor(() => c.closed, "client 'close'");
  await ex.wait('client disconnected\n');
  assert.strictEqual(c.text(), echoes ? 'hello\r\nagain\r\n' : 'hello\r\n');
  assert.strictEqual(ex.output(),
                     'Address in use, retrying...\nserver bound\nclient connected\nclient disconnected\n');
}

h.run([
  // Kaluma: the server greets and half-closes at once.
  ['kaluma-server.js', () => greetingServer('kaluma-server.js', 'hello, world\r\n', { endsAfterGreeting: true })],
  // Kaluma: the client connects to 0.0.0.0:8124 and prints the Buffer it got.
  ['kaluma-client.js', async () => {
    const peer = await h.server({ port: PORT }, (socket) => {
      socket.once('data', () => socket.write('hello, world\r\n'));
    });
    const ex = h.load('kaluma-client.js');
    await ex.wait('disconnected from server\n');
    assert.strictEqual(peer.conns.length, 1);
    await h.waitFor(() => peer.conns[0].ended, 'the client to end');
    assert.strictEqual(peer.conns[0].text(), 'hello, world!\r\n');
    assert.strictEqual(ex.output(),
                       'connected to server!\n' +
                       '<Buffer 68 65 6c 6c 6f 2c 20 77 6f 72 6c 64 0d 0a>\n' +
                       'disconnected from server\n');
  }],
  // Ruff: the "echo server" greets and keeps the connection until the client ends.
  ['ruff-echo-server.js', () => greetingServer('ruff-echo-server.js', 'hello\r\n')],
  ['ruff-echo-client.js', () => greetedClient('ruff-echo-client.js', 'world!\r\n', 'hello\r\n')],
  ['ruff-listen-retry.js', () => retryServer('ruff-listen-retry.js', { echoes: false })],
  // Node.js v12: the echo server and client (also run as processes by
  // crates/weft-cli/tests/echo.rs).
  ['echo-server.js', () => greetingServer('echo-server.js', 'hello\r\n', { echoes: true })],
  ['echo-client.js', () => greetedClient('echo-client.js', 'world!\r\n', 'hello\r\n')],
  ['node-listen-retry.js', () => retryServer('node-listen-retry.js', { echoes: true })],
  // Node.js v12 socket.setTimeout: 3 s idle, prints 'socket timeout', ends.
  ['node-socket-timeout.js', async () => {
    const peer = await h.server({ port: PORT });
    const ex = h.load('node-socket-timeout.js');
    await h.waitFor(() => peer.conns.length === 1, 'the connection');
    const conn = peer.conns[0];
    await ex.wait('socket timeout\n', 6000);
    const idle = Date.now() - conn.at;
    assert.ok(idle >= 2900 && idle < 4500, `timed out after ${idle} ms, not 3000`);
    await h.waitFor(() => conn.ended, "the client's FIN");
    assert.strictEqual(conn.text(), '');
    assert.strictEqual(ex.output(), 'socket timeout\n');
    // Our end completes the close; the socket does not time out again.
    conn.socket.end();
    await h.waitFor(() => ex.sockets[0].destroyed, 'the client to close');
    await h.delay(50);
    assert.strictEqual(ex.output(), 'socket timeout\n');
  }],
], { limit: 15000 });
