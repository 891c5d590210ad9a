// peer: python3 tests/peers/tcp_peer.py dial
'use strict';
// The Mongoose OS (000) seed example, examples/mjs-bind.js: the document's
// `Net.bind(':1234', function(conn, ev, ev_data) { print(ev); }, null);`
// after the `load('api_net.js');` an mJS program starts with. Run unchanged
// (required in-process, its output captured); a client that is not weft (the
// peer's 'dial' mode) connects to port 1234, sends 'hello', half-closes and
// reads until EOF. The example prints each event code: 1 (EV_ACCEPT),
// 3 (EV_RECV), 5 (EV_CLOSE; the peer's FIN closes the connection), with
// 0 (EV_POLL) lines in between while the connection is open. Its listener
// stays open, as on a device: the test ends the process when done.
const common = require('../common');
const assert = require('assert');
const path = require('path');

const control = common.peerPort();
assert.ok(control > 0, 'PEER_PORT is set by the test runner');

let out = '';
const write = process.stdout.write;
process.stdout.write = function(chunk, encoding, cb) {
  out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
  if (typeof encoding === 'function') cb = encoding;
  if (typeof cb === 'function') process.nextTick(cb);
  return true;
};

require(path.join(__dirname, '..', '..', 'examples', 'mjs-bind.js'));
assert.strictEqual(out, '', 'binding prints nothing');

// The control connection uses weft's net: Net is the example's.
const net = require('net');
const ctl = net.connect(control, '127.0.0.1', () => ctl.write('1234 hello\n'));
let answer = '';
ctl.setEncoding('latin1');
ctl.on('data', (d) => { answer += d; });
ctl.on('end', common.mustCall(() => {
  // Adler-32 of nothing: the example sends nothing back.
  assert.strictEqual(answer, 'ok 0 00000001\n');
  const waitClose = () => {
    if (!out.includes('5 \n')) {
      setTimeout(waitClose, 10);
      return;
    }
    process.stdout.write = write;
    const events = out.split('\n').filter((l) => l !== '' && l !== '0 ');
    // 'hello' comes in one segment on loopback; one EV_RECV or more is right.
    assert.strictEqual(events[0], '1 ');
    assert.strictEqual(events[events.length - 1], '5 ');
    assert.ok(events.length >= 3);
    assert.ok(events.slice(1, -1).every((e) => e === '3 '), JSON.stringify(events));
    // The example's listener never closes (a device runs forever).
    process.exit(0);
  };
  waitClose();
}));
