// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// A weft TLS server with clients that are not weft (Python's ssl module):
// 1 MiB echoed byte for byte, what the server's socket reports (servername,
// alpnProtocol, protocol, authorized without requestCert), what the client
// saw (version, ALPN chosen by the server's preference, the certificate),
// and a failed ALPN negotiation reported as 'tlsClientError'.
const common = require('../common');
const { peer, pythonClient } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');
const { once } = require('events');

// The next connection's view from the server side, once it closed.
function nextConnection(server) {
  return new Promise((resolve) => {
    server.once('secureConnection', (socket) => {
      const record = {
        servername: socket.servername,
        alpnProtocol: socket.alpnProtocol,
        protocol: socket.getProtocol(),
        cipherVersion: socket.getCipher().version,
        authorized: socket.authorized,
        authorizationError: socket.authorizationError,
        encrypted: socket.encrypted,
        peerCert: socket.getPeerCertificate(),
        ownCert: socket.getCertificate(),
        secureConnecting: socket.secureConnecting,
      };
      socket.pipe(socket);
      socket.on('close', () => {
        record.bytesRead = socket.bytesRead;
        record.bytesWritten = socket.bytesWritten;
        resolve(record);
      });
    });
  });
}

async function main() {
  const { pem } = await peer();
  const server = tls.createServer({
    key: pem['server.key'],
    cert: pem.server,
    ALPNProtocols: ['x-weft', 'http/1.1'],
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  // 1 MiB from Python, echoed back unchanged; SNI and ALPN.
  {
    const [result, r] = await Promise.all([
      pythonClient(port, { ca: 'ca', servername: 'localhost', alpn: ['http/1.1', 'x-weft'], send: 1 << 20 }),
      nextConnection(server),
    ]);
    assert.strictEqual(result.ok, true, result.error);
    assert.strictEqual(result.received, 1 << 20);
    assert.strictEqual(result.echo, true);
    assert.strictEqual(result.version, 'TLSv1.3');
    assert.strictEqual(result.alpn, 'x-weft');
    assert.strictEqual(result.peer.subject.commonName, 'localhost');
    assert.strictEqual(result.peer.issuer.commonName, 'Weft Test CA');
    assert.deepStrictEqual(result.peer.subjectAltName, [['DNS', 'localhost'], ['IP Address', '127.0.0.1']]);
    assert.strictEqual(r.servername, 'localhost');
    assert.strictEqual(r.alpnProtocol, 'x-weft');
    assert.strictEqual(r.protocol, 'TLSv1.3');
    assert.strictEqual(r.cipherVersion, 'TLSv1.3');
    assert.strictEqual(r.authorized, false);
    assert.strictEqual(r.authorizationError, null);
    assert.strictEqual(r.encrypted, true);
    assert.deepStrictEqual(r.peerCert, {});
    assert.deepStrictEqual({ ...r.ownCert.subject }, { CN: 'localhost', O: 'Weft Tests', OU: 'Peers' });
    assert.strictEqual(r.ownCert.serialNumber, '1001');
    assert.strictEqual(r.secureConnecting, false);
    assert.strictEqual(r.bytesRead, 1 << 20);
    assert.strictEqual(r.bytesWritten, 1 << 20);
  }

  // No SNI, no ALPN; TLS 1.2.
  {
    const [result, r] = await Promise.all([
      pythonClient(port, { ca: 'ca', max: 'TLSv1.2', text: 'twelve\n' }),
      nextConnection(server),
    ]);
    assert.strictEqual(result.ok, true, result.error);
    assert.strictEqual(result.echo, true);
    assert.strictEqual(result.version, 'TLSv1.2');
    assert.strictEqual(result.alpn, null);
    assert.strictEqual(r.servername, false);
    assert.strictEqual(r.alpnProtocol, false);
    assert.strictEqual(r.protocol, 'TLSv1.2');
    assert.strictEqual(r.cipherVersion, 'TLSv1.2');
  }

  // No protocol in common: the handshake fails with an alert.
  {
    server.on('secureConnection', common.mustNotCall());
    const [result, [tlsClientError, socket]] = await Promise.all([
      pythonClient(port, { ca: 'ca', alpn: ['h2'], text: 'x' }),
      once(server, 'tlsClientError'),
    ]);
    assert.strictEqual(result.ok, false);
    assert.strictEqual(result.stage, 'handshake');
    assert.match(result.error, /NO_APPLICATION_PROTOCOL|no application protocol/i);
    assert.ok(tlsClientError instanceof Error);
    assert.strictEqual(tlsClientError.code, 'ERR_SSL_NO_APPLICATION_PROTOCOL');
    assert.ok(socket instanceof tls.TLSSocket);
  }

  server.close(common.mustCall());
}

main().then(common.mustCall());
