// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// Handshakes that fail against peers that are not weft (Python sockets
// that do not speak TLS). A weft server reports them as 'tlsClientError'
// with Node's error (code ERR_SSL_*, library, reason) and never emits
// 'secureConnection'; a handshake that times out is reported and left to
// the listener to destroy (as in Node). A weft client reading something
// that is not TLS fails with Node's code.
const common = require('../common');
const { peer, control } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');
const { once } = require('events');

async function main() {
  const { pem, ports } = await peer();
  const listen = async (options) => {
    const server = tls.createServer({ key: pem['server.key'], cert: pem.server, ...options });
    server.on('secureConnection', common.mustNotCall());
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return [server, server.address().port];
  };
  let [server, port] = await listen({});

  // Bytes that are not a TLS record.
  {
    const [answer, [err, socket]] = await Promise.all([
      control({ op: 'raw', port, text: 'hello world\n' }),
      once(server, 'tlsClientError'),
    ]);
    assert.strictEqual(err.code, 'ERR_SSL_WRONG_VERSION_NUMBER');
    assert.strictEqual(err.library, 'SSL routines');
    assert.strictEqual(err.reason, 'wrong version number');
    assert.match(err.message, /wrong version number/);
    assert.ok(socket instanceof tls.TLSSocket);
    assert.strictEqual(socket.destroyed, true);
    assert.strictEqual(answer.ok, true);
  }

  server.close();

  // Nothing at all: the handshake times out; the socket stays open until
  // the listener destroys it.
  [server, port] = await listen({ handshakeTimeout: 100 });
  {
    const answered = control({ op: 'raw', port });
    const [err, socket] = await once(server, 'tlsClientError');
    assert.strictEqual(err.code, 'ERR_TLS_HANDSHAKE_TIMEOUT');
    assert.strictEqual(err.message, 'TLS handshake timeout');
    assert.strictEqual(socket.destroyed, false);
    socket.destroy();
    const answer = await answered;
    assert.strictEqual(answer.received, '');
  }
  server.close();

  // A client reading an HTTP response instead of a ServerHello.
  {
    const socket = tls.connect({ host: '127.0.0.1', port: ports.http, ca: pem.ca });
    socket.on('secureConnect', common.mustNotCall());
    const [err] = await once(socket, 'error');
    assert.strictEqual(err.code, 'ERR_SSL_WRONG_VERSION_NUMBER');
    assert.strictEqual(err.reason, 'wrong version number');
    const [hadError] = await once(socket, 'close');
    assert.strictEqual(hadError, true);
  }
}

main().then(common.mustCall());
