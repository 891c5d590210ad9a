// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// Certificate verdicts against servers that are not weft (Python's ssl),
// each certificate made by the peer with the openssl command: every error
// has OpenSSL's code and text; with rejectUnauthorized the client socket is
// destroyed with it before 'secureConnect'; with rejectUnauthorized: false
// the connection is made and authorized / authorizationError tell.
const common = require('../common');
const { peer, attempt, readInfo, verifyMessages } = require('../common/tls');
const assert = require('assert');

async function expectRejected(options, code, message) {
  const { socket, error } = await attempt({ host: '127.0.0.1', servername: 'localhost', ...options });
  assert.ok(error, `expected ${code}`);
  assert.strictEqual(error.code, code);
  assert.strictEqual(error.message, message);
  assert.strictEqual(socket.authorized, false);
  assert.strictEqual(socket.destroyed, true);
  await new Promise((resolve) => {
    if (socket.closed) resolve();
    else socket.on('close', resolve);
  });
  return error;
}

async function expectUnauthorized(options, code) {
  const { socket, error } = await attempt({ host: '127.0.0.1', servername: 'localhost', rejectUnauthorized: false, ...options });
  assert.ifError(error);
  assert.strictEqual(socket.authorized, false);
  assert.strictEqual(socket.authorizationError, code);
  // The connection works anyway.
  const info = await readInfo(socket);
  assert.strictEqual(info.version, 'TLSv1.3');
  socket.setEncoding('utf8');
  let echoed = '';
  socket.on('data', (d) => { echoed += d; });
  socket.resume();
  socket.end('still talking\n');
  await new Promise((resolve) => socket.on('close', resolve));
  assert.strictEqual(echoed, 'still talking\n');
}

async function expectAuthorized(options) {
  const { socket, error } = await attempt({ host: '127.0.0.1', servername: 'localhost', ...options });
  assert.ifError(error);
  assert.strictEqual(socket.authorized, true);
  assert.strictEqual(socket.authorizationError, null);
  const cert = socket.getPeerCertificate(true);
  socket.resume();
  socket.end();
  await new Promise((resolve) => socket.on('close', resolve));
  return cert;
}

async function main() {
  const { pem, ports } = await peer();
  const chainCases = [
    // [server, ca, code]
    ['self', pem.ca, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['self', undefined, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    // Signed by a CA the client does not know, sent alone.
    ['good', undefined, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['good', pem.self, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    // The unknown root is in the chain the server sends.
    ['chain', undefined, 'SELF_SIGNED_CERT_IN_CHAIN'],
    ['chain', pem.self, 'SELF_SIGNED_CERT_IN_CHAIN'],
    // An intermediate whose root is unknown.
    ['inter', undefined, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
    ['expired', pem.ca, 'CERT_HAS_EXPIRED'],
    ['future', pem.ca, 'CERT_NOT_YET_VALID'],
  ];
  for (const [server, ca, code] of chainCases) {
    await expectRejected({ port: ports[server], ca }, code, verifyMessages[code]);
    await expectUnauthorized({ port: ports[server], ca }, code);
  }

  // Trusted: through an intermediate the server sends, with the root sent
  // too, and a self-signed certificate given as the CA itself.
  const viaInter = await expectAuthorized({ port: ports.inter, ca: pem.ca });
  const chain = [];
  for (let c = viaInter; c; c = c.issuerCertificate === c ? null : c.issuerCertificate) {
    chain.push(c.subject.CN);
  }
  assert.deepStrictEqual(chain, ['localhost', 'Weft Test Intermediate', 'Weft Test CA']);
  await expectAuthorized({ port: ports.chain, ca: pem.ca });
  await expectAuthorized({ port: ports.self, ca: pem.self });
  // Several CAs; a Buffer works as a PEM.
  await expectAuthorized({ port: ports.good, ca: [pem.self, Buffer.from(pem.ca)] });
  // No subjectAltName: the CN is the name (Node's fallback).
  await expectAuthorized({ port: ports.cnonly, ca: pem.ca });

  // The chain is fine but the name is not (checked by tls.checkServerIdentity).
  const byName = await expectRejected({ port: ports.wrongname, ca: pem.ca }, 'ERR_TLS_CERT_ALTNAME_INVALID',
    "Hostname/IP does not match certificate's altnames: " +
    "Host: localhost. is not in the cert's altnames: DNS:other.example, IP Address:10.9.8.7");
  assert.strictEqual(byName.reason, "Host: localhost. is not in the cert's altnames: DNS:other.example, IP Address:10.9.8.7");
  assert.strictEqual(byName.host, 'localhost');
  assert.strictEqual(byName.cert.subject.CN, 'wrong.example');
  const byIP = await expectRejected({ port: ports.wrongname, ca: pem.ca, servername: undefined }, 'ERR_TLS_CERT_ALTNAME_INVALID',
    "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: 10.9.8.7");
  assert.strictEqual(byIP.host, '127.0.0.1');
  await expectRejected({ port: ports.cnonly, ca: pem.ca, servername: 'other.example' }, 'ERR_TLS_CERT_ALTNAME_INVALID',
    "Hostname/IP does not match certificate's altnames: Host: other.example. is not cert's CN: localhost");
  await expectUnauthorized({ port: ports.wrongname, ca: pem.ca }, 'ERR_TLS_CERT_ALTNAME_INVALID');
  // A checkServerIdentity of one's own decides.
  const seen = [];
  await expectAuthorized({
    port: ports.wrongname,
    ca: pem.ca,
    checkServerIdentity: common.mustCall((host, cert) => {
      seen.push(host, cert.subject.CN, typeof cert.issuerCertificate);
      return undefined;
    }),
  });
  assert.deepStrictEqual(seen, ['localhost', 'wrong.example', 'object']);
  const custom = new Error('not this one');
  const { error } = await attempt({ host: '127.0.0.1', port: ports.good, ca: pem.ca, checkServerIdentity: () => custom });
  assert.strictEqual(error, custom);

  // A chain error comes before the name check: the expired certificate is
  // reported as expired, whatever the name.
  await expectRejected({ port: ports.expired, ca: pem.ca, servername: 'nowhere.example' }, 'CERT_HAS_EXPIRED',
    'certificate has expired');
}

main().then(common.mustCall());
