// peer: python3 tests/peers/tcp_peer.py talker
'use strict';
// Mongoose OS Net API: the remote side closes. The peer (not weft) sends
// 'hello\n' and half-closes at once. As in Mongoose (a read of 0 bytes sets
// "send and close"), the connection writes what it still has queued (here a
// reply sent on EV_RECV, which the peer reads) and closes: EV_CLOSE comes
// without Net.close being called, exactly once.
const common = require('../common');
const assert = require('assert');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

const events = [];
Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast((conn, ev, evData) => {
  if (ev === Net.EV_POLL) return;
  events.push(ev);
  if (ev === Net.EV_RECV && Net._rbuf(conn) === 'hello\n') {
    Net.send(conn, 'bye\n');
  } else if (ev === Net.EV_CLOSE) {
    assert.strictEqual(evData, null);
    assert.strictEqual(Net._rbuf(conn), 'hello\n');
    assert.strictEqual(events[0], Net.EV_CONNECT);
    assert.ok(events.includes(Net.EV_SEND), 'the reply was written before the close');
    assert.strictEqual(events.filter((e) => e === Net.EV_CLOSE).length, 1);
    setTimeout(common.mustCall(() => {
      assert.strictEqual(events.filter((e) => e === Net.EV_CLOSE).length, 1);
    }), 50);
  }
}, 4), null);
