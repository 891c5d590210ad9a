// peer: python3 tests/peers/udp_peer.py sender
'use strict';
// Mongoose OS Net API, UDP listener with a client that is not weft.
// Net.bind('udp://:0'); an mJS UDP client tells the peer ('sender' mode) our
// port; the peer sends 'one', 'two', 'three' to it and from then on echoes
// every datagram back to its sender.
// As in Mongoose, a datagram from a peer with no open connection makes a new
// connection (EV_ACCEPT with the peer's address, then EV_RECV); such a
// connection starts in "send and close" state, so it closes (EV_CLOSE) once
// its handler has run and its replies are sent. The listener answers each
// datagram with 'got:DATA' (not answering 'got:' ones); the peer echoes the
// answers back, which shows they reached it.
const common = require('../common');
const assert = require('assert');

const peer = common.peerPort();
assert.ok(peer > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

const got = [];
let accepts = 0;
let closes = 0;
let sendBytes = 0;
const open = new Set();
const ud = { udp: true };

const listener = Net.bind('udp://:0', common.mustCallAtLeast((conn, ev, evData, userdata) => {
  assert.notStrictEqual(conn, listener);
  assert.strictEqual(userdata, ud);
  if (ev === Net.EV_ACCEPT) {
    accepts++;
    open.add(conn);
    assert.strictEqual(evData, `127.0.0.1:${peer}`);
    assert.strictEqual(Net.ctos(conn, false, true, true), `127.0.0.1:${peer}`);
    assert.strictEqual(Net.ctos(conn, true, true, true), `0.0.0.0:${port}`);
    assert.strictEqual(Net._isin(conn), true);
  } else if (ev === Net.EV_RECV) {
    assert.ok(open.has(conn));
    const data = Net._rbuf(conn);
    Net.discard(conn, data.length);
    got.push(data);
    if (!data.startsWith('got:')) Net.send(conn, `got:${data}`);
    if (got.length === 6) finish();
  } else if (ev === Net.EV_SEND) {
    sendBytes += evData;
  } else if (ev === Net.EV_CLOSE) {
    assert.ok(open.delete(conn));
    closes++;
  }
}, 11), ud);
assert.ok(listener !== null);

let port = 0;
let client = null;

function waitBound() {
  port = Number(Net.ctos(listener, true, false, true));
  if (port === 0) {
    setTimeout(waitBound, 5);
    return;
  }
  client = Net.connect(`udp://127.0.0.1:${peer}`, common.mustCallAtLeast((conn, ev) => {
    if (ev === Net.EV_CONNECT) Net.send(conn, `PORT ${port}`);
  }, 3), null);
}
waitBound();

function finish() {
  // A datagram's connection closes after its handler ran.
  setTimeout(() => {
    assert.deepStrictEqual(got.filter((d) => !d.startsWith('got:')), ['one', 'two', 'three']);
    assert.deepStrictEqual(got.filter((d) => d.startsWith('got:')).sort(), ['got:one', 'got:three', 'got:two']);
    assert.strictEqual(sendBytes, 'got:onegot:twogot:three'.length);
    assert.ok(accepts >= 1 && accepts <= 6, `${accepts} connections`);
    assert.strictEqual(closes, accepts);
    assert.strictEqual(open.size, 0);
    // The peer does not answer 'PORT n' itself.
    assert.strictEqual(Net._rbuf(client), '');
    Net.close(client);
    Net.close(listener);
  }, 50);
}
