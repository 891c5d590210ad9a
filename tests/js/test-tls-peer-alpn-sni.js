// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// ALPN and SNI both ways with peers that are not weft (Python's ssl).
// The server's preference decides ALPN; no protocol in common means none
// for a Python server (it does not abort); Node's wire format for
// ALPNProtocols works too. SNI is sent only when `servername` is given
// (as in Node, not derived from `host`), and a weft server reports the
// name it received as socket.servername.
const common = require('../common');
const { peer, pythonClient, readInfo } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

async function clientSees(port, options) {
  const socket = tls.connect({ port, ...options });
  await new Promise((resolve) => socket.on('secureConnect', resolve));
  const info = await readInfo(socket);
  const seen = { alpnProtocol: socket.alpnProtocol, servername: socket.servername, info };
  socket.destroy();
  await new Promise((resolve) => socket.on('close', resolve));
  return seen;
}

async function main() {
  const { pem, ports } = await peer();
  const base = { host: '127.0.0.1', ca: pem.ca };

  // Client side, against a server preferring x-weft, then http/1.1.
  const alpnCases = [
    [['h2', 'http/1.1', 'x-weft'], 'x-weft'],
    [['http/1.1'], 'http/1.1'],
    // Node's wire format: length-prefixed names.
    [Buffer.from('\x02h2\x08http/1.1', 'latin1'), 'http/1.1'],
    [['h2'], false],
    [undefined, false],
  ];
  for (const [ALPNProtocols, expected] of alpnCases) {
    const { alpnProtocol, info } = await clientSees(ports.good, { ...base, servername: 'localhost', ALPNProtocols });
    assert.strictEqual(alpnProtocol, expected, `${ALPNProtocols}`);
    assert.strictEqual(info.alpn, expected || null);
  }

  // Neither an array nor a buffer: a TypeError at once.
  assert.throws(() => tls.connect({ port: ports.good, ALPNProtocols: 'h2' }), TypeError);

  // SNI from a weft client.
  const sniCases = [
    [{ servername: 'localhost' }, 'localhost', 'localhost'],
    [{ servername: 'LocalHost' }, 'LocalHost', 'localhost'],
    // No servername: none is sent, whatever the host (Node's tls.connect).
    [{ host: 'localhost' }, false, null],
    [{}, false, null],
    [{ host: 'localhost', servername: '' }, false, null],
  ];
  for (const [options, socketServername, peerSni] of sniCases) {
    const { servername, info } = await clientSees(ports.good, { ...base, ...options });
    assert.strictEqual(servername, socketServername, JSON.stringify(options));
    assert.strictEqual(info.sni === null ? null : info.sni.toLowerCase(), peerSni);
  }

  // A weft server: the name a Python client sent, and ALPN by the server's
  // preference.
  const server = tls.createServer({
    key: pem['server.key'], cert: pem.server, ALPNProtocols: ['x-weft', 'http/1.1'],
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serverCases = [
    [{ servername: 'localhost', alpn: ['http/1.1', 'x-weft'] }, 'localhost', 'x-weft'],
    [{ servername: 'weft.example', alpn: ['http/1.1'] }, 'weft.example', 'http/1.1'],
    [{}, false, false],
  ];
  for (const [options, servername, alpnProtocol] of serverCases) {
    const [result, seen] = await Promise.all([
      pythonClient(server.address().port, { ...options, text: 'sni\n' }),
      new Promise((resolve) => server.once('secureConnection', (socket) => {
        resolve({ servername: socket.servername, alpnProtocol: socket.alpnProtocol });
        socket.pipe(socket);
      })),
    ]);
    assert.strictEqual(result.echo, true);
    assert.strictEqual(result.alpn, alpnProtocol || null);
    assert.deepStrictEqual(seen, { servername, alpnProtocol });
  }
  server.close(common.mustCall());
}

main().then(common.mustCall());
