'use strict';
// The seed examples that use the Unix domain socket /tmp/echo.sock (Ruff 002,
// Node.js v12 004: "To listen on / connect to the socket /tmp/echo.sock"),
// run unchanged and one after another in this one file. For the client
// example the test listens on /tmp/echo.sock itself.
const assert = require('assert');
const fs = require('fs');
const h = require('./test-examples-harness');

const SOCK = '/tmp/echo.sock';

// A socket file left by a server that died is removed; a live one is an error.
async function ensureFree() {
  if (!fs.existsSync(SOCK)) return;
  const err = await h.connectError({ path: SOCK });
  assert.strictEqual(err.code, 'ECONNREFUSED', `${SOCK} is in use`);
  fs.unlinkSync(SOCK);
}

// A greeting server example on /tmp/echo.sock.
async function unixServer(file, { echoes }) {
  await ensureFree();
  const ex = h.load(file);
  const server = ex.servers[0];
  await ex.wait('server bound\n');
  assert.strictEqual(server.address(), SOCK);
  assert.ok(fs.statSync(SOCK).isSocket());
  const c = await h.client({ path: SOCK });
  await h.waitFor(() => c.text().length >= 7, 'greeting');
  if (echoes) {
    c.socket.write('over unix\r\n');
    await h.waitFor(() => c.text().length >= 18, 'echo');
  }
  c.socket.end();
  await h.waitFor(() => c.closed, 'the connection to close');
  await ex.wait('client disconnected\n');
  assert.strictEqual(c.text(), echoes ? 'hello\r\nover unix\r\n' : 'hello\r\n');
  assert.strictEqual(ex.output(), 'server bound\nclient connected\nclient disconnected\n');
  // Closing the server removes the socket file it created.
  await new Promise((resolve) => server.close(resolve));
  assert.strictEqual(fs.existsSync(SOCK), false);
}

h.run([
  ['ruff-echo-server-unix.js', () => unixServer('ruff-echo-server-unix.js', { echoes: false })],
  ['node-echo-server-unix.js', () => unixServer('node-echo-server-unix.js', { echoes: true })],
  ['node-echo-client-unix.js', async () => {
    await ensureFree();
    const peer = await h.server(SOCK, (socket) => socket.write('hello\r\n'));
    const ex = h.load('node-echo-client-unix.js');
    await ex.wait('disconnected from server\n');
    await h.waitFor(() => peer.conns.length === 1 && peer.conns[0].ended, "the client's FIN");
    assert.strictEqual(peer.conns[0].text(), 'world!\r\n');
    assert.strictEqual(ex.output(), 'connected to server!\nhello\r\n\ndisconnected from server\n');
    await new Promise((resolve) => peer.close(resolve));
    assert.strictEqual(fs.existsSync(SOCK), false);
  }],
]);
