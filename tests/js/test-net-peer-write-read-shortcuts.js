// peer: python3 tests/peers/tcp_peer.py echo
'use strict';
// socket.write() and the handle's onread take shortcuts past the stream
// layers when a socket is idle (docs/ARCHITECTURE.md). These checks hold in
// Node, where there are no shortcuts: the state they leave, and that
// overridden _write, emit and push still see every chunk.
const common = require('../common');
const assert = require('assert');
const net = require('net');

class TracingSocket extends net.Socket {
  constructor() {
    super();
    this.written = [];
    this.pushed = 0;
    this.emittedData = 0;
  }
  _write(chunk, encoding, cb) {
    this.written.push(Buffer.from(chunk));
    super._write(chunk, encoding, cb);
  }
  push(chunk, encoding) {
    if (chunk !== null) this.pushed += chunk.length;
    return super.push(chunk, encoding);
  }
  emit(event, ...args) {
    if (event === 'data') this.emittedData += args[0].length;
    return super.emit(event, ...args);
  }
}

common.runSteps([
  // A plain socket: synchronous writes leave nothing pending and count bytes.
  () => new Promise((next) => {
    const socket = net.connect(common.peerPort(), '127.0.0.1');
    socket.on('connect', common.mustCall(() => {
      assert.strictEqual(socket.write(Buffer.from('abc')), true);
      assert.strictEqual(socket.writableLength, 0);
      assert.strictEqual(socket.bytesWritten, 3);
      assert.strictEqual(socket.write(Buffer.from('defg')), true);
      assert.strictEqual(socket.bytesWritten, 7);
      assert.strictEqual(socket._writableState.writing, false);
      assert.strictEqual(socket._writableState.pendingcb, 0);
      // With a callback: it runs on a later tick, as in Node.
      let sync = true;
      socket.write(Buffer.from('h'), common.mustCall((err) => {
        assert.ifError(err);
        assert.strictEqual(sync, false);
      }));
      sync = false;
    }));
    let got = '';
    socket.on('data', (d) => {
      got += d;
      if (got.length === 8) socket.end();
    });
    socket.on('end', common.mustCall(() => assert.strictEqual(got, 'abcdefgh')));
    socket.on('close', common.mustCall(() => next()));
  }),

  // What each kind of chunk counts in bytesWritten: its encoded bytes (the
  // handle reports them, as Node's streamBaseState does). A plain
  // Uint8Array takes the shortcut too; what is no chunk throws at once.
  () => new Promise((next) => {
    const socket = net.connect(common.peerPort(), '127.0.0.1');
    const expected = Buffer.concat([
      Buffer.from([1, 2, 3]), Buffer.from('héllo €'), Buffer.from('ÿé', 'latin1'),
      Buffer.from('cafe', 'hex'), Buffer.from('ab'), Buffer.from('ü'), Buffer.from([9]),
      Buffer.from([2, 1, 4, 3]),
    ]);
    socket.on('connect', common.mustCall(() => {
      assert.strictEqual(socket.write(new Uint8Array([1, 2, 3])), true);
      assert.strictEqual(socket.bytesWritten, 3);
      socket.write('héllo €');
      assert.strictEqual(socket.bytesWritten, 3 + 10);
      socket.write('ÿé', 'latin1');
      assert.strictEqual(socket.bytesWritten, 15);
      socket.write('cafe', 'hex');
      assert.strictEqual(socket.bytesWritten, 17);
      // Corked: one writev of a string, a string and a Buffer.
      socket.cork();
      socket.write('ab');
      socket.write('ü');
      socket.write(Buffer.from([9]));
      socket.uncork();
      assert.strictEqual(socket.bytesWritten, 17 + 2 + 2 + 1);
      // Any ArrayBufferView is written as its bytes (Node 20's Writable).
      socket.write(new Uint16Array(new Uint8Array([2, 1, 4, 3]).buffer));
      assert.strictEqual(socket.bytesWritten, 26);
      for (const bad of [42, {}]) {
        assert.throws(() => socket.write(bad), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
      }
      assert.strictEqual(socket.bytesWritten, expected.length);
    }));
    const got = [];
    socket.on('data', (d) => {
      got.push(d);
      if (Buffer.concat(got).length === expected.length) socket.end();
    });
    socket.on('close', common.mustCall(() => {
      assert.deepStrictEqual(Buffer.concat(got), expected);
      next();
    }));
  }),

  // More than the kernel takes at once (the socket does not read, so the
  // echo backs up): write() returns false, the rest is queued, 'drain'
  // follows, and every byte comes back.
  () => new Promise((next) => {
    const socket = net.connect(common.peerPort(), '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    let received = 0;
    socket.pause();
    socket.on('connect', common.mustCall(() => {
      let ok = true;
      while (ok && sent < 256 * chunk.length) {
        ok = socket.write(chunk);
        sent += chunk.length;
      }
      assert.strictEqual(ok, false);
      assert.ok(socket.writableLength > 0);
      assert.strictEqual(socket.writableNeedDrain, true);
      socket.once('drain', common.mustCall(() => {
        assert.strictEqual(socket.writableLength, 0);
        assert.strictEqual(socket.bytesWritten, sent);
      }));
      socket.resume();
    }));
    socket.on('data', (d) => {
      received += d.length;
      if (received === sent) socket.end();
    });
    socket.on('close', common.mustCall(() => {
      assert.strictEqual(received, sent);
      next();
    }));
  }),

  // A subclass overriding _write, push and emit sees every chunk.
  () => new Promise((next) => {
    const socket = new TracingSocket();
    socket.connect(common.peerPort(), '127.0.0.1');
    let got = '';
    socket.on('connect', common.mustCall(() => {
      socket.write(Buffer.from('one'));
      socket.write(Buffer.from('two'));
    }));
    socket.on('data', (d) => {
      got += d;
      if (got.length === 6) socket.end();
    });
    socket.on('close', common.mustCall(() => {
      assert.strictEqual(got, 'onetwo');
      assert.strictEqual(Buffer.concat(socket.written).toString(), 'onetwo');
      assert.strictEqual(socket.pushed, 6);
      assert.strictEqual(socket.emittedData, 6);
      next();
    }));
  }),

  // write() after end() fails as in Node (the shortcut is not taken).
  () => new Promise((next) => {
    const socket = net.connect(common.peerPort(), '127.0.0.1');
    socket.on('connect', common.mustCall(() => {
      socket.end();
      socket.write(Buffer.from('late'), common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
      }));
    }));
    socket.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
    }));
    socket.on('close', common.mustCall(() => next()));
  }),
]);
