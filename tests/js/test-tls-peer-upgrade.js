// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// tls.connect({ socket }) against a server that is not weft (Python's ssl):
// upgrading a connected net.Socket, one still connecting, and a STARTTLS
// exchange (plaintext lines first, then TLS on the same connection). The
// name checked is the socket's host when no servername is given.
const common = require('../common');
const { peer, readInfo, onLines } = require('../common/tls');
const assert = require('assert');
const net = require('net');
const tls = require('tls');

// Echo one line over a secure socket, then end; resolves when it closed.
async function echoOnce(secure, line) {
  secure.setEncoding('utf8');
  let echoed = '';
  secure.on('data', (d) => { echoed += d; });
  secure.resume();
  secure.end(line);
  await new Promise((resolve) => secure.on('close', resolve));
  assert.strictEqual(echoed, line);
}

async function main() {
  const { pem, ports } = await peer();

  // A connected socket.
  {
    const raw = net.connect(ports.good, '127.0.0.1');
    await new Promise((resolve) => raw.on('connect', resolve));
    const secure = tls.connect({ socket: raw, ca: pem.ca, servername: 'localhost' });
    assert.ok(secure instanceof tls.TLSSocket);
    assert.strictEqual(secure.encrypted, true);
    await new Promise((resolve) => secure.on('secureConnect', resolve));
    assert.strictEqual(secure.authorized, true);
    assert.strictEqual(secure.getProtocol(), 'TLSv1.3');
    assert.strictEqual(secure.remotePort, ports.good);
    assert.strictEqual(secure.remoteAddress, '127.0.0.1');
    const info = await readInfo(secure);
    assert.strictEqual(info.sni, 'localhost');
    await echoOnce(secure, 'upgraded\n');
  }

  // Still connecting: the handshake starts once it connected. No servername:
  // the host the socket connected to is the name checked (IP 127.0.0.1).
  {
    const raw = net.connect(ports.good, '127.0.0.1');
    assert.strictEqual(raw.connecting, true);
    const secure = tls.connect({ socket: raw, ca: pem.ca }, common.mustCall(() => {
      assert.strictEqual(secure.authorized, true);
    }));
    await new Promise((resolve) => secure.on('secureConnect', resolve));
    const info = await readInfo(secure);
    assert.strictEqual(info.sni, null);
    await echoOnce(secure, 'while connecting\n');
  }

  // STARTTLS: plaintext lines, then TLS on the same connection.
  {
    const raw = net.connect(ports.starttls, '127.0.0.1');
    const secure = await new Promise((resolve) => {
      const lines = [];
      onLines(raw, (line) => {
        lines.push(line);
        if (line === '220 plaintext first') {
          raw.write('STARTTLS\n');
        } else if (line === '220 go ahead') {
          assert.deepStrictEqual(lines, ['220 plaintext first', '220 go ahead']);
          raw.removeAllListeners('data');
          resolve(tls.connect({ socket: raw, ca: pem.ca, servername: 'localhost' }));
        }
      });
    });
    await new Promise((resolve) => secure.on('secureConnect', resolve));
    assert.strictEqual(secure.authorized, true);
    const info = await readInfo(secure);
    assert.strictEqual(info.version, 'TLSv1.3');
    await echoOnce(secure, 'after STARTTLS\n');
  }

  // The name is still checked: the certificate is not for this servername.
  {
    const raw = net.connect(ports.good, '127.0.0.1');
    await new Promise((resolve) => raw.on('connect', resolve));
    const secure = tls.connect({ socket: raw, ca: pem.ca, servername: 'elsewhere.example' });
    secure.on('secureConnect', common.mustNotCall());
    const err = await new Promise((resolve) => secure.on('error', resolve));
    assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  }
}

main().then(common.mustCall());
