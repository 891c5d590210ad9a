// peer: python3 tests/peers/tcp_peer.py sink
'use strict';
// Mongoose OS Net API: Net.close is "send all pending data, then disconnect".
// The peer (not weft) records, for each connection, the bytes it got until
// EOF and whether the connection ended with a FIN or a reset; a '?'
// connection reads those records back, in order.
//  1. 1 MiB queued before the connection exists, then Net.close at once:
//     all of it arrives, then a clean EOF; EV_SEND counts every byte.
//  2. Net.close in EV_CONNECT with a send before and one after it in the
//     same handler call: both arrive (Mongoose closes at the end of the
//     poll iteration, once its send buffer is empty).
//  3. Net.close with nothing sent: EOF, no bytes.
const common = require('../common');
const assert = require('assert');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

// Adler-32 of a byte string, as the peer reports it (8 hex digits).
function adler32(s) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    a = (a + (s.charCodeAt(i) & 0xff)) % 65521;
    b = (b + a) % 65521;
  }
  return ((b * 65536) + a).toString(16).padStart(8, '0');
}

function query(expected, next) {
  Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev) => {
    if (ev === Net.EV_CONNECT) Net.send(conn, '?');
    else if (ev === Net.EV_CLOSE) {
      assert.strictEqual(Net._rbuf(conn), expected);
      setImmediate(next);
    }
  }, 2), null);
}

let big = '';
for (let i = 0; i < 1024; i++) big += String.fromCharCode(i & 0xff);
big = big.repeat(1024);

function step1() {
  let sent = 0;
  const events = [];
  const c = Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev, evData) => {
    if (ev !== Net.EV_POLL) events.push(ev);
    if (ev === Net.EV_SEND) sent += evData;
    if (ev === Net.EV_CLOSE) {
      assert.strictEqual(sent, big.length + 4);
      assert.strictEqual(events[0], Net.EV_CONNECT);
      assert.strictEqual(events.filter((e) => e === Net.EV_CLOSE).length, 1);
      query(`${big.length + 4} ${adler32(`${big}tail`)} eof\n`, step2);
    }
  }, 3), null);
  Net.send(c, big);
  Net.send(c, 'tail');
  Net.close(c);
}

function step2() {
  Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev, evData) => {
    if (ev === Net.EV_CONNECT) {
      assert.strictEqual(evData, 0);
      Net.send(conn, 'before-');
      Net.close(conn);
      Net.send(conn, 'after');
    } else if (ev === Net.EV_CLOSE) {
      query(`12 ${adler32('before-after')} eof\n`, step3);
    }
  }, 2), null);
}

function step3() {
  const c = Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev) => {
    if (ev === Net.EV_CLOSE) query(`0 ${adler32('')} eof\n`, () => {});
  }, 1), null);
  Net.close(c);
}

step1();
