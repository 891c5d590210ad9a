// peer: python3 tests/peers/udp_peer.py echo
'use strict';
// Mongoose OS Net API, UDP client side against an echo peer that is not
// weft: Net.connect('udp://HOST:PORT') by IP and by host name. EV_CONNECT
// comes with 0 (a UDP socket connects locally); each Net.send is one
// datagram (EV_SEND with its size); each datagram received is appended to
// the receive buffer (EV_RECV with its size); Net.close -> one EV_CLOSE.
const common = require('../common');
const assert = require('assert');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

function run(addr, next) {
  const events = [];
  const sends = [];
  const recvs = [];
  const ud = { addr };
  const c = Net.connect(addr, common.mustCallAtLeast((conn, ev, evData, userdata) => {
    assert.strictEqual(conn, c);
    assert.strictEqual(userdata, ud);
    if (ev !== Net.EV_POLL) events.push(ev);
    if (ev === Net.EV_CONNECT) {
      assert.strictEqual(evData, 0);
      assert.strictEqual(Net.ctos(conn, false, true, true), `127.0.0.1:${port}`);
      assert.strictEqual(Net.ctos(conn, true, true, false), '127.0.0.1');
      assert.ok(Number(Net.ctos(conn, true, false, true)) > 0);
    } else if (ev === Net.EV_SEND) {
      sends.push(evData);
    } else if (ev === Net.EV_RECV) {
      recvs.push(evData);
      if (Net._rbuf(conn) === 'ping') {
        Net.send(conn, 'pong!');
      } else if (Net._rbuf(conn) === 'pingpong!') {
        // Datagrams accumulate in the buffer until discarded.
        Net.discard(conn, 4);
        assert.strictEqual(Net._rbuf(conn), 'pong!');
        Net.discard(conn, 5);
        Net.close(conn);
      }
    } else if (ev === Net.EV_CLOSE) {
      assert.strictEqual(evData, null);
      assert.deepStrictEqual(sends, [4, 5]);
      assert.deepStrictEqual(recvs, [4, 5]);
      assert.strictEqual(events[0], Net.EV_CONNECT);
      assert.strictEqual(events.filter((e) => e === Net.EV_CLOSE).length, 1);
      setImmediate(next);
    }
  }, 6), ud);
  assert.ok(c !== null);
  // Sent before the socket is connected: goes out once it is.
  Net.send(c, 'ping');
}

run(`udp://127.0.0.1:${port}`, () => run(`udp://localhost:${port}`, () => {}));
