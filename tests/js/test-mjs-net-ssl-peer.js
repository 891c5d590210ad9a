// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// Mongoose OS Net API: Net.connect_ssl(addr, handler, userdata, cert, key,
// ca_cert) against TLS servers that are not weft (Python's ssl module; the
// peer makes its certificates with `openssl`). The PEM arguments are file
// names ("" = not used). As in Mongoose: EV_CONNECT comes after the
// handshake, with 0, or with MG_SSL_ERROR (-3) when the handshake fails
// (then EV_CLOSE); a CA enables verification, and the server name is checked
// when the address has a host name (an IP address gets its chain verified
// only); without a key file the certificate file holds the key too; a file
// that cannot be read or a udp:// address gives no connection (null).
// Each server first sends a JSON line describing the connection, then echoes.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { peer } = require('../common/tls');

load('api_net.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-mjs-ssl-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// Connects; resolves with { events, info, echo } once EV_CLOSE came.
function session(addr, cert, key, ca, opts = {}) {
  return new Promise((resolve) => {
    const events = [];
    const ud = { addr };
    let info = null;
    let echo = '';
    let result;
    const c = Net.connect_ssl(addr, (conn, ev, evData, userdata) => {
      assert.strictEqual(conn, c);
      assert.strictEqual(userdata, ud);
      if (ev === Net.EV_POLL) return;
      events.push(ev);
      if (ev === Net.EV_CONNECT) {
        result = evData;
        if (evData === 0) Net.send(conn, 'ping\n');
      } else if (ev === Net.EV_RECV) {
        const buf = Net._rbuf(conn);
        if (info === null) {
          const i = buf.indexOf('\n');
          if (i === -1) return;
          info = JSON.parse(buf.slice(0, i));
          Net.discard(conn, i + 1);
        }
        if (Net._rbuf(conn) === 'ping\n') {
          echo = Net._rbuf(conn);
          Net.close(conn);
        }
      } else if (ev === Net.EV_CLOSE) {
        assert.strictEqual(evData, null);
        resolve({ events, info, echo, result });
      }
    }, ud, cert, key, ca);
    assert.ok(c !== null, `connect_ssl ${addr}`);
    if (opts.closeAtOnce) Net.close(c);
  });
}

const CONNECT = 2;
const RECV = 3;
const CLOSE = 5;

function ok(r, what) {
  assert.strictEqual(r.result, 0, `${what}: EV_CONNECT ${r.result}`);
  assert.strictEqual(r.events[0], CONNECT, what);
  assert.strictEqual(r.events.filter((e) => e === CLOSE).length, 1, what);
  assert.strictEqual(r.events[r.events.length - 1], CLOSE, what);
  assert.strictEqual(r.echo, 'ping\n', what);
  assert.ok(r.info !== null, what);
}

function failed(r, what) {
  assert.deepStrictEqual(r.events, [CONNECT, CLOSE], what);
  assert.strictEqual(r.result, -3, `${what}: MG_SSL_ERROR`);
}

(async () => {
  const { pem, ports } = await peer();
  const file = (name, text) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const ca = file('ca.pem', pem.ca);
  const clientCert = file('client.pem', pem.client);
  const clientKey = file('client.key', pem['client.key']);
  const clientBoth = file('client-both.pem', pem.client + pem['client.key']);

  // By IP, verified with the CA; no SNI (no name).
  let r = await session(`127.0.0.1:${ports.good}`, '', '', ca);
  ok(r, 'good by IP');
  assert.strictEqual(r.info.sni, null);
  assert.strictEqual(r.info.client, null);
  assert.ok(r.events.includes(RECV));

  // By host name (resolved asynchronously): the name is sent and checked.
  r = await session(`tcp://localhost:${ports.good}`, '', '', ca);
  ok(r, 'good by name');
  assert.strictEqual(r.info.sni, 'localhost');

  // ca_cert "" = no verification: a self-signed server is accepted...
  r = await session(`127.0.0.1:${ports.self}`, '', '', '');
  ok(r, 'self-signed without a CA');
  // ...and rejected with the CA: EV_CONNECT -3, then EV_CLOSE.
  failed(await session(`127.0.0.1:${ports.self}`, '', '', ca), 'self-signed with the CA');
  failed(await session(`127.0.0.1:${ports.expired}`, '', '', ca), 'expired');

  // A certificate for other names: rejected when connecting by name, accepted
  // by IP (Mongoose checks the name only for a host name).
  failed(await session(`localhost:${ports.wrongname}`, '', '', ca), 'wrong name by name');
  ok(await session(`127.0.0.1:${ports.wrongname}`, '', '', ca), 'wrong name by IP');

  // A client certificate, with its key in a file of its own or in the
  // certificate file (key "").
  r = await session(`127.0.0.1:${ports.mtls}`, clientCert, clientKey, ca);
  ok(r, 'client certificate');
  assert.strictEqual(r.info.client, 'weft client');
  r = await session(`127.0.0.1:${ports.mtls}`, clientBoth, '', ca);
  ok(r, 'client certificate and key in one file');
  assert.strictEqual(r.info.client, 'weft client');

  // Net.close before the handshake: the connection still closes once.
  r = await session(`127.0.0.1:${ports.good}`, '', '', ca, { closeAtOnce: true });
  assert.strictEqual(r.events.filter((e) => e === CLOSE).length, 1);

  // No connection at all.
  const h = common.mustNotCall();
  assert.strictEqual(Net.connect_ssl(`127.0.0.1:${ports.good}`, h, null, '', '', path.join(dir, 'missing.pem')), null);
  assert.strictEqual(Net.connect_ssl(`127.0.0.1:${ports.good}`, h, null, path.join(dir, 'missing.pem'), '', ''), null);
  assert.strictEqual(Net.connect_ssl(`udp://127.0.0.1:${ports.good}`, h, null, '', '', ca), null);
  assert.strictEqual(Net.connect_ssl('no port', h, null, '', '', ca), null);

  // The options interface: { ssl: true, ca_cert }.
  await new Promise((resolve) => {
    let data = '';
    Net.connect({
      addr: `127.0.0.1:${ports.good}`,
      ssl: true,
      ca_cert: ca,
      onconnect: common.mustCall((conn, result) => {
        assert.strictEqual(result, 0);
      }),
      ondata: common.mustCallAtLeast((conn, d) => {
        data += d;
        Net.discard(conn, d.length);
        if (data.endsWith('\n')) Net.close(conn);
      }, 1),
      onclose: common.mustCall(() => {
        assert.strictEqual(JSON.parse(data).sni, null);
        resolve();
      }),
    });
  });
})().then(common.mustCall());
