// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// minVersion / maxVersion against peers that are not weft (Python's ssl):
// TLS 1.2 and 1.3 negotiated as asked, with matching getProtocol() and
// getCipher(); a range the peer cannot meet fails the handshake, on the
// client with the server's alert, on a weft server as 'tlsClientError'.
const common = require('../common');
const { peer, pythonClient, attempt } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');
const { once } = require('events');

async function session(options) {
  const { socket, error } = await attempt({ host: '127.0.0.1', servername: 'localhost', ...options });
  assert.ifError(error);
  const seen = { protocol: socket.getProtocol(), cipher: socket.getCipher() };
  socket.destroy();
  return seen;
}

async function main() {
  const { pem, ports } = await peer();
  const { ca } = pem;

  // Client side.
  let s = await session({ port: ports.good, ca });
  assert.strictEqual(s.protocol, 'TLSv1.3');
  s = await session({ port: ports.good, ca, maxVersion: 'TLSv1.2' });
  assert.strictEqual(s.protocol, 'TLSv1.2');
  assert.strictEqual(s.cipher.version, 'TLSv1.2');
  // An RSA certificate: ECDHE-RSA suites, OpenSSL's names and IANA's.
  assert.match(s.cipher.name, /^ECDHE-RSA-(AES128-GCM-SHA256|AES256-GCM-SHA384|CHACHA20-POLY1305)$/);
  assert.match(s.cipher.standardName, /^TLS_ECDHE_RSA_WITH_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$/);
  s = await session({ port: ports.tls12, ca });
  assert.strictEqual(s.protocol, 'TLSv1.2');
  s = await session({ port: ports.tls12, ca, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
  assert.strictEqual(s.protocol, 'TLSv1.2');
  s = await session({ port: ports.good, ca, minVersion: 'TLSv1.3' });
  assert.strictEqual(s.protocol, 'TLSv1.3');

  // TLS 1.3 only against a TLS 1.2 server: its protocol_version alert.
  {
    const { socket, error } = await attempt({ host: '127.0.0.1', port: ports.tls12, ca, minVersion: 'TLSv1.3' });
    assert.ok(error);
    assert.strictEqual(error.code, 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    assert.strictEqual(error.library, 'SSL routines');
    assert.strictEqual(error.reason, 'tlsv1 alert protocol version');
    assert.strictEqual(socket.destroyed, true);
  }

  assert.throws(() => tls.connect({ port: ports.good, minVersion: 'TLSv1.4' }), {
    code: 'ERR_TLS_INVALID_PROTOCOL_VERSION',
    message: '"TLSv1.4" is not a valid minimum TLS protocol version',
  });
  assert.throws(() => tls.createSecureContext({ maxVersion: 'SSLv3' }), {
    code: 'ERR_TLS_INVALID_PROTOCOL_VERSION',
    message: '"SSLv3" is not a valid maximum TLS protocol version',
  });

  // Server side.
  const key = pem['server.key'];
  const cert = pem.server;
  for (const [serverRange, clientRange, protocol] of [
    [{}, { max: 'TLSv1.2' }, 'TLSv1.2'],
    [{ maxVersion: 'TLSv1.2' }, {}, 'TLSv1.2'],
    [{ minVersion: 'TLSv1.3' }, {}, 'TLSv1.3'],
  ]) {
    const server = tls.createServer({ key, cert, ...serverRange }, (socket) => {
      assert.strictEqual(socket.getProtocol(), protocol);
      socket.pipe(socket);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const result = await pythonClient(server.address().port, { ...clientRange, text: 'v\n' });
    assert.strictEqual(result.version, protocol);
    assert.strictEqual(result.echo, true);
    server.close();
  }
  for (const [serverRange, clientRange] of [
    [{ minVersion: 'TLSv1.3' }, { max: 'TLSv1.2' }],
    [{ maxVersion: 'TLSv1.2' }, { min: 'TLSv1.3' }],
  ]) {
    const server = tls.createServer({ key, cert, ...serverRange }, common.mustNotCall());
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const [result, [err, socket]] = await Promise.all([
      pythonClient(server.address().port, { ...clientRange, text: 'v\n' }),
      once(server, 'tlsClientError'),
    ]);
    assert.strictEqual(result.ok, false);
    assert.strictEqual(result.stage, 'handshake');
    assert.strictEqual(err.code, 'ERR_SSL_UNSUPPORTED_PROTOCOL');
    assert.ok(socket instanceof tls.TLSSocket);
    server.close();
  }
}

main().then(common.mustCall());
