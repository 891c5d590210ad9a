'use strict';
// The net.Socket properties the seeds name (Kaluma 001: localAddress,
// localPort, remoteAddress, remotePort; Node.js v12 004: also bufferSize,
// bytesRead, bytesWritten, connecting, destroyed, pending, remoteFamily;
// and Node's readyState and timeout) and socket.address(), through a
// socket's life: new, connecting, connected, half-closed, closed; over
// IPv4, IPv6 and a Unix domain socket.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

function listening(server) {
  return new Promise((resolve) => server.once('listening', () => resolve(server)));
}

function snapshot(s) {
  return {
    bufferSize: s.bufferSize,
    bytesRead: s.bytesRead,
    bytesWritten: s.bytesWritten,
    connecting: s.connecting,
    destroyed: s.destroyed,
    pending: s.pending,
    readyState: s.readyState,
    timeout: s.timeout,
    localAddress: s.localAddress,
    localPort: s.localPort,
    remoteAddress: s.remoteAddress,
    remoteFamily: s.remoteFamily,
    remotePort: s.remotePort,
  };
}

const steps = [
  // A new socket: nothing connected, nothing counted.
  async function fresh() {
    const s = new net.Socket();
    assert.deepStrictEqual(snapshot(s), {
      bufferSize: undefined,
      bytesRead: 0,
      bytesWritten: 0,
      connecting: false,
      destroyed: false,
      pending: true,
      // Node's readyState is 'open' for a socket that is readable and
      // writable, connected or not.
      readyState: 'open',
      timeout: undefined,
      localAddress: undefined,
      localPort: undefined,
      remoteAddress: undefined,
      remoteFamily: undefined,
      remotePort: undefined,
    });
    assert.deepStrictEqual(s.address(), {});
    s.destroy();
    assert.strictEqual(s.destroyed, true);
    assert.strictEqual(s.readyState, 'closed');
    await new Promise((resolve) => s.on('close', resolve));
  },

  // IPv4: connecting, connected, the byte counts, half-closed, closed.
  async function ipv4Lifecycle() {
    let serverSide;
    let serverEnded = false;
    const server = net.createServer({ allowHalfOpen: true }, (c) => {
      serverSide = c;
      c.setEncoding('utf8');
      let got = '';
      c.on('data', (d) => { got += d; });
      c.on('end', () => {
        assert.strictEqual(got, 'héllo wörld!');
        serverEnded = true;
      });
    });
    server.listen(0, '127.0.0.1');
    await listening(server);
    const { port } = server.address();

    const s = net.connect(port, '127.0.0.1');
    let snap = snapshot(s);
    assert.strictEqual(snap.connecting, true);
    assert.strictEqual(snap.pending, true);
    assert.strictEqual(snap.readyState, 'opening');
    assert.strictEqual(snap.bufferSize, 0);
    assert.strictEqual(snap.remoteAddress, undefined);
    assert.strictEqual(snap.remotePort, undefined);
    // Written while connecting: queued, counted in bytesWritten (in bytes)
    // and bufferSize (in characters of the strings queued).
    assert.strictEqual(s.write('héllo'), true);
    assert.strictEqual(s.bytesWritten, 6);
    assert.strictEqual(s.bufferSize, 5);
    s.write('20', 'hex');
    assert.strictEqual(s.bytesWritten, 7);

    await new Promise((resolve) => s.on('connect', resolve));
    snap = snapshot(s);
    assert.strictEqual(snap.connecting, false);
    assert.strictEqual(snap.pending, false);
    assert.strictEqual(snap.readyState, 'open');
    assert.strictEqual(snap.localAddress, '127.0.0.1');
    assert.strictEqual(snap.remoteAddress, '127.0.0.1');
    assert.strictEqual(snap.remoteFamily, 'IPv4');
    assert.strictEqual(snap.remotePort, port);
    assert.strictEqual(typeof snap.localPort, 'number');
    assert.deepStrictEqual(s.address(), { address: '127.0.0.1', family: 'IPv4', port: snap.localPort });
    // The server sees the same connection from the other end.
    await new Promise((resolve) => (serverSide ? resolve() : server.once('connection', resolve)));
    assert.strictEqual(serverSide.remotePort, snap.localPort);
    assert.strictEqual(serverSide.remoteAddress, '127.0.0.1');
    assert.strictEqual(serverSide.remoteFamily, 'IPv4');
    assert.strictEqual(serverSide.localPort, port);
    assert.strictEqual(serverSide.localAddress, '127.0.0.1');
    assert.strictEqual(serverSide.connecting, false);
    assert.strictEqual(serverSide.pending, false);

    const received = [];
    s.on('data', (d) => received.push(d));
    s.end(Buffer.from('wörld!'));
    await new Promise((resolve) => s.on('finish', resolve));
    // Our side is done writing; the server's is not.
    assert.strictEqual(s.readyState, 'readOnly');
    assert.strictEqual(s.destroyed, false);
    assert.strictEqual(s.bytesWritten, 14);
    assert.strictEqual(s.bufferSize, 0);

    // Now the server answers with 10 bytes and ends its side (it is
    // allowHalfOpen: it waited).
    await until(() => serverEnded);
    serverSide.end(Buffer.from('0123456789'));
    await new Promise((resolve) => s.on('close', resolve));
    assert.strictEqual(Buffer.concat(received).toString(), '0123456789');
    snap = snapshot(s);
    assert.strictEqual(snap.destroyed, true);
    assert.strictEqual(snap.readyState, 'closed');
    assert.strictEqual(snap.connecting, false);
    assert.strictEqual(snap.pending, true);
    assert.strictEqual(snap.bufferSize, undefined);
    // The counts stay after close.
    assert.strictEqual(snap.bytesRead, 10);
    assert.strictEqual(snap.bytesWritten, 14);
    await new Promise((resolve) => server.close(resolve));
    assert.strictEqual(serverSide.bytesRead, 14);
    assert.strictEqual(serverSide.bytesWritten, 10);
  },

  // IPv6: the families and addresses.
  async function ipv6() {
    let serverSide;
    const server = net.createServer((c) => {
      serverSide = { remoteAddress: c.remoteAddress, remoteFamily: c.remoteFamily, remotePort: c.remotePort };
      c.end();
    });
    server.listen(0, '::1');
    await listening(server);
    const s = net.connect(server.address().port, '::1');
    await new Promise((resolve) => s.on('connect', resolve));
    assert.strictEqual(s.remoteAddress, '::1');
    assert.strictEqual(s.remoteFamily, 'IPv6');
    assert.strictEqual(s.remotePort, server.address().port);
    assert.strictEqual(s.localAddress, '::1');
    assert.deepStrictEqual(s.address(), { address: '::1', family: 'IPv6', port: s.localPort });
    const localPort = s.localPort;
    s.resume();
    await new Promise((resolve) => s.on('close', resolve));
    assert.strictEqual(serverSide.remoteAddress, '::1');
    assert.strictEqual(serverSide.remoteFamily, 'IPv6');
    assert.strictEqual(serverSide.remotePort, localPort);
    await new Promise((resolve) => server.close(resolve));
  },

  // A Unix domain socket has no IP address or port.
  async function unix() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-props-'));
    const p = path.join(dir, 'p.sock');
    let serverSide;
    const server = net.createServer((c) => {
      serverSide = c;
      c.end('x');
    });
    server.listen(p);
    await listening(server);
    const s = net.connect(p);
    assert.strictEqual(s.connecting, true);
    assert.strictEqual(s.readyState, 'opening');
    await new Promise((resolve) => s.on('connect', resolve));
    await new Promise((resolve) => (serverSide ? resolve() : server.once('connection', resolve)));
    for (const sock of [s, serverSide]) {
      assert.deepStrictEqual(sock.address(), {});
      assert.strictEqual(sock.remoteAddress, undefined);
      assert.strictEqual(sock.remotePort, undefined);
      assert.strictEqual(sock.remoteFamily, undefined);
      assert.strictEqual(sock.localPort, undefined);
      assert.strictEqual(sock.pending, false);
    }
    assert.strictEqual(s.readyState, 'open');
    // The server's side has called end().
    assert.strictEqual(serverSide.readyState, 'readOnly');
    s.resume();
    await new Promise((resolve) => s.on('close', resolve));
    assert.strictEqual(s.bytesRead, 1);
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  },

  // timeout: what setTimeout() (or the timeout option) last set.
  async function timeoutProperty() {
    const s = new net.Socket();
    assert.strictEqual(s.timeout, undefined);
    s.setTimeout(1000);
    assert.strictEqual(s.timeout, 1000);
    s.setTimeout(0);
    assert.strictEqual(s.timeout, 0);
    s.destroy();
    const server = net.createServer((c) => c.end());
    server.listen(0, '127.0.0.1');
    await listening(server);
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', timeout: 5000 });
    assert.strictEqual(c.timeout, 5000);
    c.resume();
    await new Promise((resolve) => c.on('close', resolve));
    await new Promise((resolve) => server.close(resolve));
  },

  // destroyed: true at once after destroy(), before 'close'.
  async function destroyed() {
    const server = net.createServer((c) => c.resume());
    server.listen(0, '127.0.0.1');
    await listening(server);
    const s = net.connect(server.address().port, '127.0.0.1');
    await new Promise((resolve) => s.on('connect', resolve));
    assert.strictEqual(s.destroyed, false);
    let closed = false;
    s.on('close', () => { closed = true; });
    s.destroy();
    assert.strictEqual(s.destroyed, true);
    assert.strictEqual(closed, false);
    await new Promise((resolve) => s.on('close', resolve));
    await new Promise((resolve) => server.close(resolve));
  },
];

common.runSteps(steps);
