'use strict';
// The net.Socket methods the seeds name, by what they do: write(data
// [, encoding][, cb]) with strings in several encodings, Buffers and
// Uint8Arrays (Kaluma 001); end([data][, encoding][, cb]); destroy([error]);
// pause() / resume() (IoT.js 003: "pauses reading data"); setEncoding();
// setKeepAlive([enable][, initialDelay]) (the kernel's keepalive timer, from
// /proc/net/tcp); setNoDelay() (its return; its effect on the socket is
// checked in test-net-peer-sockopts.js). setTimeout() is in
// test-net-timeout.js, address() in test-net-socket-properties.js,
// ref() / unref() in test-net-ref-unref.js, connect() in
// test-net-connect-forms.js.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');
const { socketRow } = require('./test-net-procnet');

const turns = async (n) => {
  for (let i = 0; i < n; i++) await new Promise(setImmediate);
};

// A server on 127.0.0.1 that hands each connection to onConnection; resolves
// with { server, port, conns }.
async function startServer(onConnection = () => {}, options = {}) {
  const conns = [];
  const server = net.createServer(options, (c) => {
    conns.push(c);
    onConnection(c);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: server.address().port, conns };
}

// A server connection that collects all it receives; `done` resolves with
// the bytes at 'end'.
function collector(c) {
  const chunks = [];
  c.done = new Promise((resolve) => {
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => {
      c.end();
      resolve(Buffer.concat(chunks));
    });
  });
}

function connected(port) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

function close(server) {
  return new Promise((resolve) => server.close(resolve));
}

const steps = [
  // write(): strings in the default (utf8) and other encodings, Buffers and
  // Uint8Arrays; the bytes arrive as written, the callbacks run in order
  // once each chunk is flushed, with no error.
  async function write() {
    const { server, port, conns } = await startServer(collector);
    const s = await connected(port);
    const order = [];
    const cb = (i) => common.mustCall((err) => {
      assert.ok(err == null, `write ${i}: ${err}`);
      order.push(i);
    });
    assert.strictEqual(s.write('héllo ', cb(0)), true);
    assert.strictEqual(s.write('776f726c64', 'hex', cb(1)), true);
    assert.strictEqual(s.write('IQ==', 'base64', cb(2)), true);
    assert.strictEqual(s.write(' \xe9', 'latin1', cb(3)), true);
    assert.strictEqual(s.write(Buffer.from(' buf'), cb(4)), true);
    assert.strictEqual(s.write(new Uint8Array([0x20, 0x75, 0x38]), cb(5)), true);
    assert.strictEqual(s.write(' ∞', 'utf8'), true);
    assert.strictEqual(s.write('\u00ff', 'utf16le'), true);
    assert.strictEqual(s.write(''), true);
    s.end();
    await until(() => conns.length === 1);
    const got = await conns[0].done;
    assert.deepStrictEqual(got, Buffer.concat([
      Buffer.from('héllo world! '), Buffer.from([0xe9]), Buffer.from(' buf u8 ∞'), Buffer.from([0xff, 0x00]),
    ]));
    assert.deepStrictEqual(order, [0, 1, 2, 3, 4, 5]);
    assert.strictEqual(s.bytesWritten, got.length);
    // Data that is not a string, Buffer or Uint8Array is refused at once.
    for (const bad of [1, {}, true]) {
      assert.throws(() => new net.Socket().write(bad), { code: 'ERR_INVALID_ARG_TYPE' });
    }
    assert.throws(() => new net.Socket().write(null), { code: 'ERR_STREAM_NULL_VALUES' });
    await close(server);
  },

  // write() after end(): an 'error' (ERR_STREAM_WRITE_AFTER_END), also given
  // to the callback; write() on a destroyed socket: the callback gets
  // ERR_STREAM_DESTROYED, no 'error'.
  async function writeAfterEnd() {
    const { server, port } = await startServer((c) => c.resume());
    const s = await connected(port);
    s.end();
    const seen = [];
    s.on('error', common.mustCall((err) => seen.push(`error ${err.code}`)));
    assert.strictEqual(s.write('late', common.mustCall((err) => seen.push(`cb ${err.code}`))), false);
    await until(() => seen.length === 2);
    assert.deepStrictEqual(seen.sort(), ['cb ERR_STREAM_WRITE_AFTER_END', 'error ERR_STREAM_WRITE_AFTER_END']);

    const d = await connected(port);
    d.destroy();
    d.on('error', common.mustNotCall());
    const err = await new Promise((resolve) => d.write('x', resolve));
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    await close(server);
  },

  // end(): with a callback only, with data, with data and an encoding; each
  // sends the data then a FIN; returns the socket; the callback runs once
  // everything is written (with 'finish').
  async function end() {
    const { server, port, conns } = await startServer(collector);
    const forms = [
      (s, cb) => s.end(cb),
      (s, cb) => s.end('tail', cb),
      (s, cb) => s.end('7461696c', 'hex', cb),
      (s, cb) => s.end(Buffer.from('tail'), cb),
      (s, cb) => s.end(new Uint8Array([0x74, 0x61, 0x69, 0x6c]), cb),
    ];
    for (let i = 0; i < forms.length; i++) {
      const s = await connected(port);
      s.resume();
      const finish = new Promise((resolve) => s.on('finish', resolve));
      await new Promise((resolve) => {
        assert.strictEqual(forms[i](s, common.mustCall(() => {
          assert.strictEqual(s.writableFinished, true);
          resolve();
        })), s);
      });
      await finish;
      assert.strictEqual(s.writable, false);
      await until(() => conns.length === i + 1);
      const got = await conns[i].done;
      assert.strictEqual(got.toString(), i === 0 ? '' : 'tail');
      await new Promise((resolve) => (s.destroyed ? resolve() : s.on('close', resolve)));
    }
    await close(server);
  },

  // destroy(): returns the socket, closes without an error; the peer sees
  // the connection end. destroy(err): 'error' with err, then
  // 'close' (hadError true).
  async function destroy() {
    const { server, port, conns } = await startServer(collector);
    const s = await connected(port);
    s.write('before');
    await until(() => conns.length === 1);
    const events = [];
    s.on('error', common.mustNotCall());
    s.on('close', (hadError) => events.push(`close ${hadError}`));
    assert.strictEqual(s.destroy(), s);
    assert.strictEqual(s.destroyed, true);
    assert.strictEqual((await conns[0].done).toString(), 'before');
    await until(() => events.length === 1);
    assert.deepStrictEqual(events, ['close false']);
    // Destroying again does nothing.
    s.destroy();

    const t = await connected(port);
    const boom = new Error('boom');
    const seen = [];
    t.on('error', (err) => seen.push(err));
    t.on('close', (hadError) => seen.push(`close ${hadError}`));
    assert.strictEqual(t.destroy(boom), t);
    await until(() => seen.length === 2);
    assert.deepStrictEqual(seen, [boom, 'close true']);
    await until(() => conns.length === 2);
    await conns[1].done;
    await close(server);
  },

  // pause(): no 'data' while paused, though the data is read into the
  // stream's buffer; resume() delivers it in order. A socket paused before
  // it connects reads nothing at all.
  async function pauseResumeSmall() {
    const { server, port } = await startServer((c) => c.end('abc'));
    const s = await connected(port);
    assert.strictEqual(s.pause(), s);
    assert.strictEqual(s.isPaused(), true);
    const got = [];
    s.on('data', (d) => got.push(d.toString()));
    await until(() => s.readableLength === 3);
    await turns(5);
    assert.deepStrictEqual(got, []);
    assert.strictEqual(s.readableEnded, false);
    const ended = new Promise((resolve) => s.on('end', resolve));
    assert.strictEqual(s.resume(), s);
    assert.strictEqual(s.isPaused(), false);
    await ended;
    assert.deepStrictEqual(got, ['abc']);
    await close(server);

    // Paused before it connects, a socket does not read at all: the bytes
    // wait in the kernel.
    const { server: srv, port: p, conns } = await startServer((c) => c.write('abc'));
    const t = net.connect(p, '127.0.0.1');
    t.pause();
    const data = [];
    t.on('data', (d) => data.push(d.toString()));
    await new Promise((resolve) => t.on('connect', resolve));
    await until(() => socketRow(t)?.rx === 3);
    await turns(5);
    assert.strictEqual(t.bytesRead, 0);
    assert.strictEqual(t.readableLength, 0);
    assert.deepStrictEqual(data, []);
    t.resume();
    await until(() => data.length === 1);
    assert.deepStrictEqual(data, ['abc']);
    conns[0].end();
    await new Promise((resolve) => t.on('end', resolve));
    await close(srv);
  },

  // pause() stops reading once the stream's buffer is full: what the
  // server sends stays queued (in the kernel and in the server's socket)
  // until resume().
  async function pauseStopsReading() {
    const total = 32 * 1024 * 1024;
    const { server, port, conns } = await startServer((c) => {
      c.end(Buffer.alloc(total, 'p'));
    });
    const s = await connected(port);
    s.pause();
    let dataEvents = 0;
    s.on('data', () => dataEvents++);
    await until(() => conns.length === 1 && s.readableLength >= s.readableHighWaterMark);
    // The server still has bytes to send: the client could read more.
    assert.ok(conns[0].writableLength > 0);
    const read = s.bytesRead;
    await turns(10);
    assert.strictEqual(s.bytesRead, read);
    assert.ok(read < total);
    assert.strictEqual(dataEvents, 0);
    const ended = new Promise((resolve) => s.on('end', resolve));
    s.resume();
    await ended;
    assert.strictEqual(s.bytesRead, total);
    await close(server);
  },

  // setEncoding(): 'data' gives strings, a UTF-8 character split between
  // two reads comes out whole; other encodings; returns the socket.
  async function setEncoding() {
    let release;
    const { server, port } = await startServer((c) => {
      const euro = Buffer.from('€');
      c.write(Buffer.concat([Buffer.from('x'), euro.subarray(0, 2)]));
      release = () => c.end(Buffer.concat([euro.subarray(2), Buffer.from('y')]));
    });
    const s = net.connect(port, '127.0.0.1');
    assert.strictEqual(s.setEncoding('utf8'), s);
    const got = [];
    s.on('data', (d) => {
      assert.strictEqual(typeof d, 'string');
      got.push(d);
    });
    // The first three bytes have been read: only 'x' is whole.
    await until(() => s.bytesRead === 3);
    await turns(2);
    assert.deepStrictEqual(got, ['x']);
    release();
    await new Promise((resolve) => s.on('end', resolve));
    assert.deepStrictEqual(got, ['x', '€y']);
    await close(server);

    for (const [encoding, want] of [['hex', '616263'], ['base64', 'YWJj'], ['latin1', 'abc']]) {
      const { server: srv, port: p } = await startServer((c) => c.end('abc'));
      const t = net.connect(p, '127.0.0.1').setEncoding(encoding);
      let text = '';
      t.on('data', (d) => { text += d; });
      await new Promise((resolve) => t.on('end', resolve));
      assert.strictEqual(text, want);
      await close(srv);
    }
  },

  // setKeepAlive(true, initialDelay): the kernel arms its keepalive timer
  // for that delay (rounded down to seconds) once the connection is idle;
  // setKeepAlive(false) disarms it. Before connecting, the setting is kept
  // and applied on connect. Returns the socket.
  async function setKeepAlive() {
    const { server, port } = await startServer((c) => c.resume());
    // The kernel's keepalive timer, in seconds, or 'off'. When keepalive is
    // turned on or its delay changed, the timer is set to the delay less the
    // time the connection has been idle (here: at most since `since`). The
    // delays are long, so that the connection is never idle that long even
    // on a slow, busy machine.
    const keepalive = (s) => {
      const { timer, when } = socketRow(s);
      return timer === 2 ? when : 'off';
    };
    const armedFor = (s, delay, since) => {
      const left = keepalive(s);
      const idle = (Date.now() - since) / 1000;
      assert.ok(left !== 'off' && left <= delay && left >= delay - idle - 0.2,
                `keepalive in ${left} s, not ${delay} s less up to ${idle} s`);
    };
    let since = Date.now();
    const a = await connected(port);
    assert.strictEqual(keepalive(a), 'off');
    assert.strictEqual(a.setKeepAlive(true, 60000), a);
    armedFor(a, 60, since);
    assert.strictEqual(a.setKeepAlive(false), a);
    assert.strictEqual(keepalive(a), 'off');
    // enable defaults to false (IoT.js 003).
    a.setKeepAlive(true, 60000);
    armedFor(a, 60, since);
    a.setKeepAlive();
    assert.strictEqual(keepalive(a), 'off');
    // A new delay replaces the old one; it is rounded down to seconds.
    a.setKeepAlive(true, 120000);
    armedFor(a, 120, since);
    a.setKeepAlive(true, 90999);
    armedFor(a, 90, since);
    a.destroy();

    // Set before connect(): applied when connected.
    const b = new net.Socket();
    assert.strictEqual(b.setKeepAlive(true, 100000), b);
    since = Date.now();
    await new Promise((resolve) => b.connect(port, '127.0.0.1', resolve));
    armedFor(b, 100, since);
    b.destroy();
    await close(server);
  },

  // setNoDelay(): returns the socket, before and after connecting and after
  // destroy(); the connection works either way.
  async function setNoDelay() {
    const { server, port, conns } = await startServer(collector);
    const s = new net.Socket();
    assert.strictEqual(s.setNoDelay(), s);
    assert.strictEqual(s.setNoDelay(false), s);
    await new Promise((resolve) => s.connect(port, '127.0.0.1', resolve));
    assert.strictEqual(s.setNoDelay(true), s);
    s.write('a');
    assert.strictEqual(s.setNoDelay(false), s);
    s.end('b');
    await until(() => conns.length === 1);
    assert.strictEqual((await conns[0].done).toString(), 'ab');
    s.destroy();
    assert.strictEqual(s.setNoDelay(true), s);
    await close(server);
  },
];

common.runSteps(steps);
