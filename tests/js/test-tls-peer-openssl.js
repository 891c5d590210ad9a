// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// weft against the openssl command line tools: a weft client to
// `openssl s_server -rev` (answers each line reversed), and
// `openssl s_client` to a weft server, with SNI, ALPN and a client
// certificate.
const common = require('../common');
const { peer, control, attempt, onLines } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

async function main() {
  const { pem, ports } = await peer();

  // A weft client, openssl's server.
  {
    const { socket, error } = await attempt({
      host: '127.0.0.1', port: ports.s_server, servername: 'localhost', ca: pem.ca,
      ALPNProtocols: ['http/1.1', 'x-weft'],
    });
    assert.ifError(error);
    assert.strictEqual(socket.authorized, true);
    assert.strictEqual(socket.alpnProtocol, 'x-weft');
    assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
    assert.strictEqual(socket.getPeerCertificate().subject.CN, 'localhost');
    const lines = [];
    await new Promise((resolve) => {
      onLines(socket, (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      socket.write('hello openssl\n');
      socket.write('second line\n');
    });
    const reverse = (s) => [...s].reverse().join('');
    assert.deepStrictEqual(lines, [reverse('hello openssl'), reverse('second line')]);
    socket.end();
    await new Promise((resolve) => socket.on('close', resolve));
  }

  // openssl's client, a weft server that answers one line and ends.
  const server = tls.createServer({
    key: pem['server.key'], cert: pem.server, ca: pem.ca, requestCert: true, rejectUnauthorized: false,
    ALPNProtocols: ['x-weft'],
  });
  const seen = [];
  server.on('secureConnection', (socket) => {
    seen.push({
      servername: socket.servername,
      alpnProtocol: socket.alpnProtocol,
      authorized: socket.authorized,
      client: socket.getPeerCertificate().subject?.CN,
    });
    onLines(socket, (line) => socket.end(`weft got: ${line}\n`));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  let r = await control({
    op: 's_client', port, text: 'ping\n',
    args: ['-CAfile', '@ca', '-servername', 'localhost', '-alpn', 'x-weft', '-verify_return_error'],
  });
  assert.strictEqual(r.rc, 0, r.stderr);
  assert.match(r.stdout, /^weft got: ping$/m);
  assert.match(r.stdout, /ALPN protocol: x-weft/);
  assert.match(r.stdout, /Verify return code: 0 \(ok\)/);
  assert.match(r.stdout, /TLSv1\.3/);
  assert.deepStrictEqual(seen.pop(), { servername: 'localhost', alpnProtocol: 'x-weft', authorized: false, client: undefined });

  r = await control({
    op: 's_client', port, text: 'with a certificate\n',
    args: ['-CAfile', '@ca', '-cert', '@client', '-key', '@client.key', '-tls1_2', '-verify_return_error'],
  });
  assert.strictEqual(r.rc, 0, r.stderr);
  assert.match(r.stdout, /^weft got: with a certificate$/m);
  assert.match(r.stdout, /Protocol *: TLSv1\.2/);
  assert.deepStrictEqual(seen.pop(), { servername: false, alpnProtocol: false, authorized: true, client: 'weft client' });

  server.close(common.mustCall());
}

main().then(common.mustCall());
