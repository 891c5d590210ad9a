// peer: python3 tests/peers/tcp_peer.py client
'use strict';
// Mongoose OS Net API: Net.bind and EV_ACCEPT with a client that is not weft.
// An mJS echo server (the usual Mongoose handler: send back Net._rbuf, then
// Net.discard) on ':0'; the peer ('client' mode) connects to it, sends 1 MiB
// of patterned bytes (all byte values) in uneven writes, half-closes, reads
// until EOF and reports whether what came back is what it sent. The peer's
// FIN closes the accepted connection once the echo is written: one EV_CLOSE.
// The listener itself gets no events; accepted connections use its handler
// and userdata.
const common = require('../common');
const assert = require('assert');

const control = common.peerPort();
assert.ok(control > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

const ud = { server: true };
let accepted = null;
let received = 0;
let sent = 0;
const seen = [];

const listener = Net.bind(':0', common.mustCallAtLeast((conn, ev, evData, userdata) => {
  assert.notStrictEqual(conn, listener);
  assert.strictEqual(userdata, ud);
  if (ev !== Net.EV_POLL) seen.push(ev);
  if (ev === Net.EV_ACCEPT) {
    assert.strictEqual(accepted, null, 'one connection');
    accepted = conn;
    assert.strictEqual(Net._isin(conn), true);
    assert.strictEqual(typeof evData, 'string');
    assert.match(evData, /^127\.0\.0\.1:\d+$/);
    assert.strictEqual(evData, Net.ctos(conn, false, true, true));
    assert.strictEqual(Net.ctos(conn, true, true, true), `127.0.0.1:${serverPort}`);
    return;
  }
  assert.strictEqual(conn, accepted);
  if (ev === Net.EV_RECV) {
    received += evData;
    const data = Net._rbuf(conn);
    Net.send(conn, data);
    Net.discard(conn, data.length);
  } else if (ev === Net.EV_SEND) {
    sent += evData;
  } else if (ev === Net.EV_CLOSE) {
    assert.strictEqual(evData, null);
  }
}, 4), ud);

assert.ok(listener !== null);
assert.strictEqual(Net._isin(listener), false);
// The bind is done when Net.bind returns: the port is known at once.
const serverPort = Number(Net.ctos(listener, true, false, true));
assert.ok(serverPort > 0);
assert.strictEqual(Net.ctos(listener, true, true, true), `0.0.0.0:${serverPort}`);

// The control connection, itself an mJS client.
const ctl = Net.connect(`127.0.0.1:${control}`, common.mustCallAtLeast((conn, ev) => {
  if (ev === Net.EV_CONNECT) {
    Net.send(conn, `${serverPort}\n`);
  } else if (ev === Net.EV_CLOSE) {
    assert.strictEqual(Net._rbuf(conn), 'ok 1048576\n');
    setImmediate(() => {
      assert.strictEqual(received, 1 << 20);
      assert.strictEqual(sent, 1 << 20);
      assert.strictEqual(seen[0], Net.EV_ACCEPT);
      assert.strictEqual(seen[seen.length - 1], Net.EV_CLOSE);
      assert.strictEqual(seen.filter((e) => e === Net.EV_ACCEPT).length, 1);
      assert.strictEqual(seen.filter((e) => e === Net.EV_CLOSE).length, 1);
      // Closing the listener ends the program: nothing else is open.
      Net.close(listener);
    });
  }
}, 2), null);
assert.ok(ctl !== null);
