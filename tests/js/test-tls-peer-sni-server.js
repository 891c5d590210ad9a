// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// A weft TLS server that picks its certificate by the name the client asks
// for: with addContext() and with SNICallback (synchronous and deferred
// answers, an error), for clients that are weft and not weft (Python's ssl).
const common = require('../common');
const { peer, pythonClient } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

function connect(port, pem, servername) {
  return new Promise((resolve, reject) => {
    const options = { port, host: '127.0.0.1', ca: pem.ca };
    if (servername !== undefined) options.servername = servername;
    const c = tls.connect(options, () => {
      const cert = c.getPeerCertificate();
      c.end();
      resolve({ cn: cert.subject.CN, authorized: c.authorized });
    });
    c.on('error', reject);
  });
}

async function listen(options) {
  const server = tls.createServer(options);
  const seen = [];
  server.on('secureConnection', (s) => {
    seen.push(s.servername);
    s.pipe(s);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, port: server.address().port };
}

async function main() {
  const { pem } = await peer();
  const base = { key: pem['server.key'], cert: pem.server };
  const other = { key: pem['leaf.key'], cert: pem.wrongname };

  // addContext: 'other.example' gets the other certificate, the rest the default.
  {
    const { server, seen, port } = await listen(base);
    server.addContext('other.example', other);
    assert.deepStrictEqual(await connect(port, pem, 'other.example'), { cn: 'wrong.example', authorized: true });
    assert.deepStrictEqual(await connect(port, pem, 'localhost'), { cn: 'localhost', authorized: true });
    // No SNI at all (an IP host): the default context.
    assert.deepStrictEqual(await connect(port, pem), { cn: 'localhost', authorized: true });
    // A client that is not weft.
    const py = await pythonClient(port, { ca: 'ca', servername: 'other.example', send: 100 });
    assert.strictEqual(py.ok, true, py.error);
    assert.deepStrictEqual(seen, ['other.example', 'localhost', false, 'other.example']);
    server.close();
  }

  // SNICallback, answering later; its context wins over the default.
  {
    const names = [];
    const otherContext = tls.createSecureContext(other);
    const { server, port } = await listen({
      ...base,
      SNICallback: common.mustCall((name, cb) => {
        names.push(name);
        setImmediate(() => cb(null, name === 'other.example' ? otherContext : null));
      }, 2),
    });
    assert.deepStrictEqual(await connect(port, pem, 'other.example'), { cn: 'wrong.example', authorized: true });
    assert.deepStrictEqual(await connect(port, pem, 'localhost'), { cn: 'localhost', authorized: true });
    assert.deepStrictEqual(names, ['other.example', 'localhost']);
    server.close();
  }

  // An SNICallback error fails that connection on the server side.
  {
    const { server, port } = await listen({
      ...base,
      SNICallback: (name, cb) => cb(new Error('no such host')),
    });
    server.on('secureConnection', common.mustNotCall());
    await assert.rejects(connect(port, pem, 'nope.example'), (err) => {
      assert.ok(['ECONNRESET', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'].includes(err.code) || /disconnected|hang up/.test(err.message), err.message);
      return true;
    });
    server.close();
  }
}

main().then(common.mustCall());
