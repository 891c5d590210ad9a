// peer: python3 tests/peers/tcp_peer.py dial
'use strict';
// Mongoose OS Net API: listeners reached by a client that is not weft (the
// peer's 'dial' mode: it connects to the port we name, sends a text,
// half-closes and reports what it read back).
//  1. Net.serve({ addr: 'tcp://PORT', onconnect, ondata, onclose }), the
//     options interface of the later api_net.js: an upper-casing echo.
//  2. Net.bind('tcp://127.0.0.1:0', ...) with a host: the listener's port is
//     known once it listens; the handler answers on EV_RECV and closes with
//     Net.close (its reply arrives before the FIN).
const common = require('../common');
const assert = require('assert');

const control = common.peerPort();
assert.ok(control > 0, 'PEER_PORT is set by the test runner');

load('api_net.js');

function adler32(s) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    a = (a + (s.charCodeAt(i) & 0xff)) % 65521;
    b = (b + a) % 65521;
  }
  return ((b * 65536) + a).toString(16).padStart(8, '0');
}

// Asks the peer to dial `port` and send `text`; calls back with its answer.
function dial(port, text, cb) {
  Net.connect(`127.0.0.1:${control}`, common.mustCallAtLeast((conn, ev) => {
    if (ev === Net.EV_CONNECT) Net.send(conn, `${port} ${text}\n`);
    else if (ev === Net.EV_CLOSE) cb(Net._rbuf(conn));
  }, 2), null);
}

function step1() {
  let data = '';
  const opts = {
    addr: 'tcp://0',
    onconnect: common.mustCall((conn, edata, obj) => {
      assert.strictEqual(obj, opts);
      assert.strictEqual(edata, Net.ctos(conn, false, true, true));
    }),
    ondata: common.mustCallAtLeast((conn, d, obj) => {
      assert.strictEqual(obj, opts);
      data += d;
      Net.send(conn, d.toUpperCase());
      Net.discard(conn, d.length);
    }, 1),
    onclose: common.mustCall((conn, obj) => {
      assert.strictEqual(obj, opts);
    }),
  };
  const l = Net.serve(opts);
  assert.ok(l !== null);
  const port = Number(Net.ctos(l, true, false, true));
  dial(port, 'hello mongoose', common.mustCall((answer) => {
    assert.strictEqual(data, 'hello mongoose');
    assert.strictEqual(answer, `ok 14 ${adler32('HELLO MONGOOSE')}\n`);
    Net.close(l);
    step2();
  }));
}

function step2() {
  const l = Net.bind('tcp://127.0.0.1:0', common.mustCallAtLeast((conn, ev) => {
    if (ev === Net.EV_RECV) {
      if (Net._rbuf(conn) !== 'ping') return;
      Net.send(conn, 'pong');
      Net.close(conn);
    }
  }, 3), null);
  assert.ok(l !== null);
  const waitListening = () => {
    const port = Number(Net.ctos(l, true, false, true));
    if (port === 0) {
      setTimeout(waitListening, 5);
      return;
    }
    assert.strictEqual(Net.ctos(l, true, true, false), '127.0.0.1');
    dial(port, 'ping', common.mustCall((answer) => {
      assert.strictEqual(answer, `ok 4 ${adler32('pong')}\n`);
      Net.close(l);
    }));
  };
  waitListening();
}

step1();
