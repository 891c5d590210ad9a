// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// A TLS client against a server that is not weft (Python's ssl module):
// the handshake, authorized with the test CA, what the socket reports about
// the session and the server's certificate (getPeerCertificate() fields, the
// detailed chain up to the CA), SNI as the server saw it, an echo ended with
// end(), and no SNI when connecting by IP address.
const common = require('../common');
const { peer, readInfo, derOf } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

const opensslDate = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\d \d\d:\d\d:\d\d \d{4} GMT$/;
const hexPairs = (n) => new RegExp(`^([0-9A-F]{2}:){${n - 1}}[0-9A-F]{2}$`);

function checkServerCert(cert, pem) {
  assert.deepStrictEqual({ ...cert.subject }, { CN: 'localhost', O: 'Weft Tests', OU: 'Peers' });
  assert.deepStrictEqual({ ...cert.issuer }, { CN: 'Weft Test CA', O: 'Weft Tests' });
  assert.strictEqual(cert.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
  assert.strictEqual(cert.ca, false);
  assert.strictEqual(cert.serialNumber, '1001');
  assert.match(cert.valid_from, opensslDate);
  assert.match(cert.valid_to, opensslDate);
  // Made with -days 3650.
  assert.strictEqual(Date.parse(cert.valid_to) - Date.parse(cert.valid_from), 3650 * 86400e3);
  assert.ok(Date.parse(cert.valid_from) <= Date.now());
  assert.match(cert.fingerprint, hexPairs(20));
  assert.match(cert.fingerprint256, hexPairs(32));
  assert.match(cert.fingerprint512, hexPairs(64));
  assert.ok(Buffer.isBuffer(cert.raw));
  assert.ok(cert.raw.equals(derOf(pem.server)), 'raw is the DER of the server certificate');
}

async function withServername({ pem, ports }) {
  const socket = tls.connect({ host: '127.0.0.1', port: ports.good, servername: 'localhost', ca: pem.ca });
  const events = [];
  for (const e of ['connect', 'secureConnect', 'end', 'close']) socket.on(e, () => events.push(e));
  socket.on('secureConnect', common.mustCall(() => {
    assert.strictEqual(socket.authorized, true);
    assert.strictEqual(socket.authorizationError, null);
    assert.strictEqual(socket.encrypted, true);
    assert.strictEqual(socket.servername, 'localhost');
    assert.strictEqual(socket.alpnProtocol, false);
    assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
    const cipher = socket.getCipher();
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.match(cipher.name, /^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$/);
    assert.strictEqual(cipher.standardName, cipher.name);
    checkServerCert(socket.getPeerCertificate(), pem);
    // No certificate of its own.
    assert.deepStrictEqual(socket.getCertificate(), {});
    // The detailed form links issuers, up to the CA from `ca` (a root is its own issuer).
    const detailed = socket.getPeerCertificate(true);
    checkServerCert(detailed, pem);
    const root = detailed.issuerCertificate;
    assert.ok(root, 'issuerCertificate');
    assert.deepStrictEqual({ ...root.subject }, { CN: 'Weft Test CA', O: 'Weft Tests' });
    assert.strictEqual(root.ca, true);
    assert.ok(root.raw.equals(derOf(pem.ca)));
    assert.strictEqual(root.issuerCertificate, root);
  }));
  const info = await readInfo(socket);
  assert.deepStrictEqual([info.sni, info.alpn, info.version, info.client], ['localhost', null, 'TLSv1.3', null]);
  assert.strictEqual(info.cipher, socket.getCipher().name);

  socket.setEncoding('utf8');
  let echoed = '';
  socket.on('data', (d) => { echoed += d; });
  socket.resume();
  socket.end('hello over TLS\n');
  await new Promise((resolve) => socket.on('close', resolve));
  assert.strictEqual(echoed, 'hello over TLS\n');
  assert.strictEqual(socket.getPeerCertificate(), null);
  assert.strictEqual(socket.getCertificate(), null);
  assert.deepStrictEqual(events, ['connect', 'secureConnect', 'end', 'close']);
}

// An IP address as the host: no SNI is sent, and the name checked is the IP
// (the certificate has IP:127.0.0.1).
async function withIP({ pem, ports }) {
  const socket = tls.connect(ports.good, '127.0.0.1', { ca: pem.ca });
  await new Promise((resolve) => socket.on('secureConnect', resolve));
  assert.strictEqual(socket.authorized, true);
  const info = await readInfo(socket);
  assert.strictEqual(info.sni, null);
  socket.resume();
  socket.end();
  await new Promise((resolve) => socket.on('close', resolve));
}

async function main() {
  const p = await peer();
  await withServername(p);
  await withIP(p);
}

main().then(common.mustCall());
