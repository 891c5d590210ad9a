// peer: python3 tests/peers/tcp_peer.py talker
'use strict';
// IoT.js (003) seed examples whose socket the test connects (the example
// elides the connecting with `/* ... */`), so the port is the test's choice:
// here they talk to a peer that is not weft (Python's socket module, 'talker':
// sends 'hello\n', half-closes, reads until EOF). test-examples-iotjs.js runs
// the same examples against a net server of the test.
const assert = require('assert');
const common = require('../common');
const h = require('./test-examples-harness');

const port = common.peerPort();
assert.ok(port > 0, 'PEER_PORT is set by the test runner');

function connect(socket, host, cb) {
  let hadError;
  socket.on('close', (e) => { hadError = e; });
  socket.connect(port, host, cb);
  return () => hadError;
}

h.run([
  // Event 'data': the example's listener consumes 'hello\n', so 'end' follows;
  // allowHalfOpen is false, so the socket ends too and closes.
  ['iotjs-socket-data-event.js', async () => {
    const ex = h.load('iotjs-socket-data-event.js');
    const s = ex.sockets[0];
    let ended = false;
    s.on('end', () => { ended = true; });
    const hadError = connect(s, '127.0.0.1');
    await h.waitFor(() => ended && s.destroyed, "'end' and close");
    assert.strictEqual(s.bytesRead, 6);
    assert.strictEqual(s.bytesWritten, 0);
    assert.strictEqual(hadError(), false);
  }],

  // Event 'lookup': connecting by host name emits it.
  ['iotjs-socket-lookup-event.js', async () => {
    const ex = h.load('iotjs-socket-lookup-event.js');
    const s = ex.sockets[0];
    let lookup;
    s.on('lookup', (...args) => { lookup = args; });
    await new Promise((resolve) => connect(s, 'localhost', resolve));
    assert.deepStrictEqual(lookup, [null, '127.0.0.1', 4, 'localhost']);
    assert.strictEqual(s.remoteAddress, '127.0.0.1');
    assert.strictEqual(s.remotePort, port);
  }],

  // setKeepAlive(true, 1000) before connecting: the socket connects normally.
  ['iotjs-socket-setkeepalive.js', async () => {
    const ex = h.load('iotjs-socket-setkeepalive.js');
    const s = ex.sockets[0];
    await new Promise((resolve) => connect(s, '127.0.0.1', resolve));
    assert.strictEqual(s.remotePort, port);
    // No 'data' listener: 'hello\n' stays buffered and 'end' is not emitted.
    await h.waitFor(() => s.readableLength === 6, "the peer's data to be buffered");
    await h.delay(100);
    assert.strictEqual(s.readableEnded, false);
    assert.strictEqual(s.destroyed, false);
  }],

  // socket.write(): 'Hello IoT.js' goes out a second after 'connect'.
  ['iotjs-socket-write.js', async () => {
    const ex = h.load('iotjs-socket-write.js');
    const s = ex.sockets[0];
    let connectedAt;
    s.on('connect', () => { connectedAt = Date.now(); });
    connect(s, '127.0.0.1');
    await h.waitFor(() => s.bytesWritten === 12, 'the write', 3000);
    const after = Date.now() - connectedAt;
    assert.ok(after >= 950 && after < 2500, `written after ${after} ms, not about 1000`);
  }],
]);
