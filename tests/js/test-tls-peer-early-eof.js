// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// A TCP end in the middle of a handshake, with peers that are not weft
// (Python sockets): a weft client whose server closes before answering
// fails with Node's ECONNRESET "Client network socket disconnected before
// secure TLS connection was established"; a weft server whose client goes
// away before its hello reports 'tlsClientError' ECONNRESET "socket hang
// up". And an HTTP request sent to a TLS server is ERR_SSL_HTTP_REQUEST.
const common = require('../common');
const { peer, control } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');
const { once } = require('events');

async function main() {
  const { pem, ports } = await peer();

  // The server closes at once.
  {
    const socket = tls.connect({ host: '127.0.0.1', port: ports.closer, ca: pem.ca });
    socket.on('secureConnect', common.mustNotCall());
    const [err] = await once(socket, 'error');
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.message, 'Client network socket disconnected before secure TLS connection was established');
    assert.strictEqual(err.host, '127.0.0.1');
    assert.strictEqual(err.port, ports.closer);
    const [hadError] = await once(socket, 'close');
    assert.strictEqual(hadError, true);
  }

  const server = tls.createServer({ key: pem['server.key'], cert: pem.server });
  server.on('secureConnection', common.mustNotCall());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  // The client closes before its hello.
  {
    const [answer, [err, socket]] = await Promise.all([
      control({ op: 'raw', port, end: true }),
      once(server, 'tlsClientError'),
    ]);
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.message, 'socket hang up');
    assert.ok(socket instanceof tls.TLSSocket);
    assert.strictEqual(answer.received, '');
  }

  // An HTTP request instead of a ClientHello.
  {
    const [, [err]] = await Promise.all([
      control({ op: 'raw', port, text: 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n' }),
      once(server, 'tlsClientError'),
    ]);
    assert.strictEqual(err.code, 'ERR_SSL_HTTP_REQUEST');
    assert.strictEqual(err.reason, 'http request');
  }
  server.close(common.mustCall());
}

// A weft without the fix hangs in the handshake: fail with a message
// well before the runner's limit.
const guard = setTimeout(() => {
  throw new Error('a handshake did not notice the TCP end within 20 s');
}, 20000);
guard.unref();

main().then(common.mustCall());
