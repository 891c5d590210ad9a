// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// Mutual TLS with peers that are not weft (Python's ssl module).
// A weft server with requestCert: a client certificate signed by the CA is
// authorized; none, or a self-signed one, is not (authorizationError) and,
// with rejectUnauthorized, the connection is dropped before
// 'secureConnection', with Node's 'tlsClientError'. A weft client presents
// its certificate to a Python server that requires one, and fails without
// one.
const common = require('../common');
const { peer, pythonClient, readInfo, attempt } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');
const { once } = require('events');

function nextConnection(server) {
  return new Promise((resolve) => {
    server.once('secureConnection', (socket) => {
      const cert = socket.getPeerCertificate(true);
      const record = {
        authorized: socket.authorized,
        authorizationError: socket.authorizationError,
        subject: cert.subject ? { ...cert.subject } : undefined,
        issuer: cert.issuer ? cert.issuer.CN : undefined,
        root: cert.issuerCertificate ? cert.issuerCertificate.subject.CN : undefined,
      };
      socket.pipe(socket);
      socket.on('close', () => resolve(record));
    });
  });
}

async function listen(options) {
  const server = tls.createServer(options);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function main() {
  const { pem, ports } = await peer();
  const base = { key: pem['server.key'], cert: pem.server, ca: pem.ca, requestCert: true };

  // requestCert without rejectUnauthorized: every client gets in, with a verdict.
  {
    const server = await listen({ ...base, rejectUnauthorized: false });
    const port = server.address().port;
    const cases = [
      // [client certificate, authorized, authorizationError]
      ['client', true, null],
      [undefined, false, 'UNABLE_TO_GET_ISSUER_CERT'],
      ['self', false, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ];
    for (const [cert, authorized, authorizationError] of cases) {
      const [result, r] = await Promise.all([
        pythonClient(port, { ca: 'ca', cert, text: 'mutual\n' }),
        nextConnection(server),
      ]);
      assert.strictEqual(result.ok, true, result.error);
      assert.strictEqual(result.echo, true);
      assert.strictEqual(r.authorized, authorized, cert);
      assert.strictEqual(r.authorizationError, authorizationError);
      if (cert === 'client') {
        assert.deepStrictEqual(r.subject, { CN: 'weft client', O: 'Weft Tests' });
        assert.strictEqual(r.issuer, 'Weft Test CA');
        assert.strictEqual(r.root, 'Weft Test CA');
      } else if (cert === undefined) {
        assert.strictEqual(r.subject, undefined);
      } else {
        assert.strictEqual(r.subject.O, 'Weft Self');
      }
    }
    server.close();
  }

  // requestCert with rejectUnauthorized: only the CA's client gets through.
  {
    const server = await listen(base);
    const port = server.address().port;
    const [good, r] = await Promise.all([
      pythonClient(port, { ca: 'ca', cert: 'client', text: 'let me in\n' }),
      nextConnection(server),
    ]);
    assert.strictEqual(good.echo, true);
    assert.strictEqual(r.authorized, true);

    server.on('secureConnection', common.mustNotCall());
    for (const [cert, code, message] of [
      // No certificate: the handshake fails (OpenSSL's
      // SSL_VERIFY_FAIL_IF_NO_PEER_CERT).
      [undefined, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE', /peer did not return a certificate/],
      // A certificate that does not verify: the socket is destroyed after
      // the handshake, before 'secureConnection'.
      ['self', 'ECONNRESET', /^socket hang up$/],
    ]) {
      const [result, [err, socket]] = await Promise.all([
        pythonClient(port, { ca: 'ca', cert, text: 'let me in\n' }),
        once(server, 'tlsClientError'),
      ]);
      // TLS 1.3: the client finished its handshake before the server looked
      // at its certificate; then the server drops the connection.
      assert.notStrictEqual(result.echo, true);
      assert.ok(!result.received, JSON.stringify(result));
      assert.strictEqual(err.code, code);
      assert.match(err.message, message);
      assert.ok(socket instanceof tls.TLSSocket);
    }
    server.close();
  }

  // A weft client with a certificate, to a Python server that requires one.
  {
    const { socket, error } = await attempt({
      host: '127.0.0.1', port: ports.mtls, servername: 'localhost',
      ca: pem.ca, cert: pem.client, key: pem['client.key'],
    });
    assert.ifError(error);
    assert.strictEqual(socket.authorized, true);
    assert.strictEqual(socket.getCertificate().subject.CN, 'weft client');
    const info = await readInfo(socket);
    assert.strictEqual(info.client, 'weft client');
    socket.resume();
    socket.end();
    await new Promise((resolve) => socket.on('close', resolve));
  }
  // Without one, the server's alert ends the connection.
  {
    const socket = tls.connect({ host: '127.0.0.1', port: ports.mtls, servername: 'localhost', ca: pem.ca });
    socket.on('data', common.mustNotCall());
    const [err] = await new Promise((resolve) => socket.on('error', (...args) => resolve(args)));
    assert.strictEqual(err.code, 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
  }
}

main().then(common.mustCall());
