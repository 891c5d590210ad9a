// peer: python3 tests/peers/tcp_peer.py echo
'use strict';
// Mongoose OS Net API (load('api_net.js')), TCP client side against an echo
// peer that is not weft: Net.connect by IP and by host name, EV_CONNECT with
// 0, Net.send / Net._send and EV_SEND, EV_RECV with the receive buffer
// (Net._rbuf) accumulating until Net.discard, Net.ctos, userdata on every
// call, Net.close -> exactly one EV_CLOSE, and the later options interface
// Net.connect({ addr, onconnect, ondata, onclose }). Weft-only: Node has no Net.
const common = require('../common');
const assert = require('assert');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

function step1() {
  const ud = { name: 'userdata' };
  const events = [];
  let sent = 0;
  const c = Net.connect(`127.0.0.1:${port}`, common.mustCallAtLeast(function(conn, ev, evData, userdata) {
    assert.strictEqual(conn, c);
    assert.strictEqual(userdata, ud);
    assert.strictEqual(this, undefined);
    if (ev !== Net.EV_POLL) events.push(ev);
    if (ev === Net.EV_CONNECT) {
      assert.strictEqual(evData, 0);
      assert.strictEqual(Net.ctos(conn, false, true, true), `127.0.0.1:${port}`);
      assert.strictEqual(Net.ctos(conn, false, true, false), '127.0.0.1');
      assert.strictEqual(Net.ctos(conn, false, false, true), String(port));
      assert.strictEqual(Net.ctos(conn, true, true, false), '127.0.0.1');
      assert.match(Net.ctos(conn, true, false, true), /^[1-9]\d*$/);
      assert.strictEqual(Net.ctos(conn, true, false, false), '');
      assert.strictEqual(Net._isin(conn), false);
      assert.strictEqual(Net.send(conn, 'hello'), undefined);
      // _send(conn, data, len): the first len bytes.
      assert.strictEqual(Net._send(conn, 'worldXXX', 5), undefined);
    } else if (ev === Net.EV_SEND) {
      assert.strictEqual(typeof evData, 'number');
      sent += evData;
    } else if (ev === Net.EV_RECV) {
      assert.strictEqual(typeof evData, 'number');
      assert.ok(evData > 0);
      // The buffer accumulates until the program discards.
      if (Net._rbuf(conn) !== 'helloworld') return;
      Net.discard(conn, 5);
      assert.strictEqual(Net._rbuf(conn), 'world');
      Net.discard(conn, 100);
      assert.strictEqual(Net._rbuf(conn), '');
      Net.close(conn);
      Net.close(conn);  // a second close changes nothing
    } else if (ev === Net.EV_CLOSE) {
      assert.strictEqual(evData, null);
      assert.strictEqual(sent, 10);
      // Nothing happens on a closed connection.
      Net.send(conn, 'late');
      Net.close(conn);
      setImmediate(() => {
        assert.strictEqual(events.filter((e) => e === Net.EV_CLOSE).length, 1);
        assert.strictEqual(events[0], Net.EV_CONNECT);
        assert.strictEqual(events[events.length - 1], Net.EV_CLOSE);
        assert.ok(!events.includes(Net.EV_ACCEPT));
        step2();
      });
    }
  }, 4), ud);
  assert.ok(c !== null && typeof c === 'object');
}

// A host name, resolved asynchronously; all 256 byte values come back as
// they were sent (received data is a byte string: one character per byte).
function step2() {
  let bytes = '';
  for (let i = 0; i < 256; i++) bytes += String.fromCharCode(i);
  const c = Net.connect(`tcp://localhost:${port}`, common.mustCallAtLeast((conn, ev, evData, userdata) => {
    assert.strictEqual(userdata, null);
    if (ev === Net.EV_CONNECT) {
      assert.strictEqual(evData, 0);
      assert.strictEqual(Net.ctos(conn, false, true, true), `127.0.0.1:${port}`);
    } else if (ev === Net.EV_RECV) {
      if (Net._rbuf(conn).length < 512) return;
      assert.strictEqual(Net._rbuf(conn), bytes + bytes);
      Net.close(conn);
    } else if (ev === Net.EV_CLOSE) {
      setImmediate(step3);
    }
  }, 3), null);
  // Sent before the name is resolved: queued, sent once connected.
  Net.send(c, bytes);
  Net.send(c, Buffer.from(bytes, 'latin1'));
}

// The options interface of the later api_net.js.
function step3() {
  const opts = {
    addr: `tcp://127.0.0.1:${port}`,
    onconnect: common.mustCall((conn, result, obj) => {
      assert.strictEqual(result, 0);
      assert.strictEqual(obj, opts);
      Net.send(conn, 'abc');
    }),
    ondata: common.mustCallAtLeast((conn, data, obj) => {
      assert.strictEqual(obj, opts);
      assert.strictEqual(data, Net._rbuf(conn));
      if (data === 'abc') {
        Net.discard(conn, data.length);
        Net.close(conn);
      }
    }, 1),
    onclose: common.mustCall((conn, obj) => {
      assert.strictEqual(obj, opts);
    }),
  };
  const c = Net.connect(opts);
  assert.ok(c !== null);
}

step1();
