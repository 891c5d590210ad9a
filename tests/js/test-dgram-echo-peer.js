// peer: python3 tests/peers/udp_peer.py echo
'use strict';
// A weft client against a UDP echo server that is not weft (Python's socket
// module): every datagram comes back whole, from the peer's address. Each
// datagram is sent after the previous one returned, so order is certain.
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');
const localhost = '127.0.0.1';

// Datagrams of assorted sizes and forms; [send arguments before port, expected bytes].
const big = Buffer.alloc(65507);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 8)) & 0xff;
const cases = [
  [['hello'], Buffer.from('hello')],
  [[Buffer.from('0123456789'), 3, 4], Buffer.from('3456')],
  [[[Buffer.from('ab'), 'cd', new Uint8Array([0, 255])]], Buffer.from([97, 98, 99, 100, 0, 255])],
  [[Buffer.alloc(0)], Buffer.alloc(0)],
  [['é€😀'], Buffer.from('é€😀')],
  [[big], big],
  [[Buffer.alloc(1400, 'x')], Buffer.alloc(1400, 'x')],
];

function roundTrip(socket, args, expected, connected) {
  return new Promise((resolve) => {
    socket.once('message', common.mustCall((msg, rinfo) => {
      assert.ok(Buffer.isBuffer(msg));
      assert.ok(msg.equals(expected), `got ${msg.length} bytes, expected ${expected.length}`);
      assert.deepStrictEqual(rinfo, { address: localhost, family: 'IPv4', port, size: expected.length });
      resolve();
    }));
    const cb = common.mustSucceed((bytes) => assert.strictEqual(bytes, expected.length));
    if (connected) socket.send(...args, cb);
    else socket.send(...args, port, localhost, cb);
  });
}

async function main() {
  // An unconnected socket, bound implicitly by its first send.
  const client = dgram.createSocket('udp4');
  client.on('error', common.mustNotCall());
  for (const [args, expected] of cases) await roundTrip(client, args, expected, false);
  assert.strictEqual(client.address().address, '0.0.0.0');
  client.close();

  // A connected socket: no destination on send; remoteAddress() is the peer.
  const conn = dgram.createSocket('udp4');
  conn.on('error', common.mustNotCall());
  await new Promise((resolve) => conn.connect(port, localhost, common.mustCall(resolve)));
  assert.deepStrictEqual(conn.remoteAddress(), { address: localhost, family: 'IPv4', port });
  assert.strictEqual(conn.address().address, localhost);
  for (const [args, expected] of cases) await roundTrip(conn, args, expected, true);
  conn.close(common.mustCall());
}

main().then(common.mustCall());
