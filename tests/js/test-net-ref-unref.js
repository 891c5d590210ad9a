'use strict';
// server.ref() / unref() and socket.ref() / unref() (Node.js v12 004): an
// unref'd server or socket does not keep the process alive; ref() undoes
// unref(); both return their object and may be called before listen() /
// connect(). This program ends only because of them: at exit the servers
// below are still listening and the sockets still connected. If unref() did
// not work, the program would never exit (and the runner's time limit fails it).
const common = require('../common');
const assert = require('assert');
const net = require('net');

const state = {};

// A server unref'd after listening, with connections whose sockets are
// unref'd: the server side in 'connection', the client side after 'connect'.
state.serverSide = [];
const server = net.createServer(common.mustCall((c) => {
  assert.strictEqual(c.unref(), c);
  c.resume();
  state.serverSide.push(c);
  settled();
}, 2));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  assert.strictEqual(server.unref(), server);
  // Calling it twice changes nothing.
  server.unref();
  const c = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
    assert.strictEqual(c.unref(), c);
    state.client = c;
    settled();
  }));

  // unref() before connect() applies once connected.
  const early = new net.Socket();
  assert.strictEqual(early.unref(), early);
  early.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
    state.early = early;
    settled();
  }));
}));

// A server unref'd before listen(): the state is applied when it listens.
const before = net.createServer();
assert.strictEqual(before.unref(), before);
before.listen(0, '127.0.0.1', common.mustCall(() => {
  state.before = before;
  settled();
}));

// ref() after unref(): this server keeps the process alive again (so the
// unref'd objects above get set up), until an unref'd timer (which alone
// would not keep the process alive) closes it.
const reffed = net.createServer();
reffed.listen(0, '127.0.0.1', common.mustCall(() => {
  reffed.unref();
  assert.strictEqual(reffed.ref(), reffed);
  settled();
}));

// The same for a socket: ref() after unref() keeps it alive until an
// unref'd timer ends it.
let s;
const peer = net.createServer((c) => {
  c.resume();
  c.on('end', () => c.end());
});
peer.listen(0, '127.0.0.1', common.mustCall(() => {
  peer.unref();
  s = net.connect(peer.address().port, '127.0.0.1', common.mustCall(() => {
    s.unref();
    assert.strictEqual(s.ref(), s);
    state.reffedSocket = true;
    settled();
  }));
  s.resume();
  s.on('close', common.mustCall());
}));

// Once everything above is set up: the unref'd timers that end the ref'd
// server and socket.
const settled = () => {
  if (state.serverSide.length < 2 || !state.client || !state.early || !state.before ||
      !reffed.listening || !state.reffedSocket || state.timersSet) {
    return;
  }
  state.timersSet = true;
  setTimeout(common.mustCall(() => {
    state.timerRan = true;
    reffed.close();
  }), 20).unref();
  setTimeout(common.mustCall(() => {
    state.socketTimerRan = true;
    s.end();
  }), 20).unref();
};

process.on('exit', (code) => {
  if (code !== 0) return;
  // The process ended with these still open.
  assert.strictEqual(server.listening, true);
  assert.strictEqual(state.before.listening, true);
  assert.strictEqual(state.client.destroyed, false);
  assert.strictEqual(state.serverSide.length, 2);
  assert.ok(state.serverSide.every((c) => !c.destroyed));
  assert.strictEqual(state.early.destroyed, false);
  assert.strictEqual(state.early.readyState, 'open');
  // And ref() kept it alive long enough for the unref'd timers.
  assert.strictEqual(state.timerRan, true);
  assert.strictEqual(state.socketTimerRan, true);
  assert.strictEqual(reffed.listening, false);
});
