'use strict';
// The net.Socket events the seeds name, by when they come and what they
// carry: 'connect', 'ready' (Node.js v12 004), 'data' (a Buffer, which is a
// Uint8Array as Kaluma 001 says, or a string after setEncoding()), 'end',
// 'finish' (Kaluma 001), 'close' (hadError), 'error', 'lookup', 'drain' and
// 'timeout'. Other tests check some of these in more depth: test-net-echo.js
// (the order on a client that ends first), test-net-errors.js,
// test-net-write-drain.js, test-net-timeout.js.
const common = require('../common');
const { until } = common;
const assert = require('assert');
const net = require('net');

// Records every event of interest on `socket`, with its arguments.
function record(socket) {
  const events = [];
  for (const name of ['connect', 'ready', 'lookup', 'data', 'end', 'finish', 'drain', 'timeout', 'error', 'close']) {
    socket.on(name, (...args) => events.push([name, ...args]));
  }
  return events;
}

function listen(server, ...args) {
  return new Promise((resolve) => server.listen(...args, () => resolve(server.address().port)));
}

const names = (events) => events.map((e) => e[0]);

const steps = [
  // The server talks and ends first: connect, ready, data, end, then the
  // client's own end (finish), close(false). 'ready' follows 'connect' at once.
  async function serverEndsFirst() {
    const server = net.createServer((c) => c.end('hello'));
    const port = await listen(server, 0, '127.0.0.1');
    const s = net.connect(port, '127.0.0.1');
    const events = record(s);
    let readyInSameTick = false;
    s.on('connect', () => {
      process.nextTick(() => { readyInSameTick = names(events).includes('ready'); });
    });
    await new Promise((resolve) => s.on('close', resolve));
    assert.deepStrictEqual(names(events), ['connect', 'ready', 'data', 'end', 'finish', 'close']);
    assert.strictEqual(readyInSameTick, true);
    assert.deepStrictEqual(events[0], ['connect']);
    assert.deepStrictEqual(events[1], ['ready']);
    const data = events[2][1];
    assert.ok(Buffer.isBuffer(data));
    assert.ok(data instanceof Uint8Array);
    assert.strictEqual(data.toString(), 'hello');
    assert.deepStrictEqual(events[3], ['end']);
    assert.deepStrictEqual(events[4], ['finish']);
    assert.deepStrictEqual(events[5], ['close', false]);
    await new Promise((resolve) => server.close(resolve));
  },

  // 'data' carries strings after setEncoding(); several chunks keep their order.
  async function dataEvents() {
    let serverSide;
    const server = net.createServer((c) => { serverSide = c; });
    const port = await listen(server, 0, '127.0.0.1');
    const s = net.connect(port, '127.0.0.1');
    s.setEncoding('utf8');
    const events = record(s);
    await until(() => serverSide !== undefined);
    for (const part of ['one', 'two', 'three']) {
      const before = events.length;
      serverSide.write(part);
      await until(() => events.length > before);
    }
    serverSide.end();
    await new Promise((resolve) => s.on('close', resolve));
    const data = events.filter((e) => e[0] === 'data').map((e) => e[1]);
    assert.ok(data.every((d) => typeof d === 'string'));
    assert.strictEqual(data.join(''), 'onetwothree');
    await new Promise((resolve) => server.close(resolve));
  },

  // A refused connection: 'error' then 'close' (hadError true), nothing else;
  // no 'lookup' for an IP address.
  async function refused() {
    const probe = net.createServer();
    const port = await listen(probe, 0, '127.0.0.1');
    await new Promise((resolve) => probe.close(resolve));
    const s = net.connect(port, '127.0.0.1');
    const events = record(s);
    await new Promise((resolve) => s.on('close', resolve));
    assert.deepStrictEqual(names(events), ['error', 'close']);
    assert.strictEqual(events[0][1].code, 'ECONNREFUSED');
    assert.deepStrictEqual(events[1], ['close', true]);
  },

  // destroy(err): 'error' with err, 'close' (true); no 'end' or 'finish'.
  // destroy() alone: only 'close' (false).
  async function destroyed() {
    const server = net.createServer((c) => c.resume());
    const port = await listen(server, 0, '127.0.0.1');
    for (const err of [new Error('boom'), undefined]) {
      const s = net.connect(port, '127.0.0.1');
      const events = record(s);
      await new Promise((resolve) => s.on('connect', resolve));
      s.destroy(err);
      await new Promise((resolve) => s.on('close', resolve));
      if (err) {
        assert.deepStrictEqual(events.slice(2), [['error', err], ['close', true]]);
      } else {
        assert.deepStrictEqual(events.slice(2), [['close', false]]);
      }
    }
    await new Promise((resolve) => server.close(resolve));
  },

  // 'lookup' comes before 'connect' when the host is a name, with
  // (err, address, family, host); not for an IP address or a path.
  async function lookupEvent() {
    const server = net.createServer((c) => c.end());
    const port = await listen(server, 0);
    const byName = net.connect({ port, host: 'localhost', family: 4 });
    const events = record(byName);
    await new Promise((resolve) => byName.on('close', resolve));
    assert.deepStrictEqual(names(events).slice(0, 3), ['lookup', 'connect', 'ready']);
    const [, err, address, family, host] = events[0];
    assert.deepStrictEqual([err, family, host], [null, 4, 'localhost']);
    assert.ok(net.isIPv4(address), address);

    const byIp = net.connect(port, '127.0.0.1');
    const ipEvents = record(byIp);
    await new Promise((resolve) => byIp.on('close', resolve));
    assert.strictEqual(names(ipEvents).includes('lookup'), false);
    await new Promise((resolve) => server.close(resolve));
  },

  // 'finish' after end() once everything is written; 'close' after both
  // sides ended. Not emitted on destroy() without end().
  async function finishEvent() {
    const server = net.createServer({ allowHalfOpen: true }, (c) => {
      c.resume();
      c.on('end', () => setImmediate(() => c.end('late')));
    });
    const port = await listen(server, 0, '127.0.0.1');
    const s = net.connect(port, '127.0.0.1');
    const events = record(s);
    await new Promise((resolve) => s.on('connect', resolve));
    s.end('bye');
    await new Promise((resolve) => s.on('close', resolve));
    assert.deepStrictEqual(names(events), ['connect', 'ready', 'finish', 'data', 'end', 'close']);
    assert.strictEqual(events[3][1].toString(), 'late');
    assert.deepStrictEqual(events[5], ['close', false]);
    await new Promise((resolve) => server.close(resolve));
  },

  // 'drain': only after a write() that returned false, once the queue empties.
  async function drainEvent() {
    let serverSide;
    const server = net.createServer({ pauseOnConnect: true }, (c) => { serverSide = c; });
    const port = await listen(server, 0, '127.0.0.1');
    const s = net.connect(port, '127.0.0.1');
    const events = record(s);
    await new Promise((resolve) => s.on('connect', resolve));
    assert.strictEqual(s.write('small'), true);
    await until(() => s.writableLength === 0);
    for (let i = 0; i < 3; i++) await new Promise(setImmediate);
    assert.strictEqual(names(events).includes('drain'), false);
    const chunk = Buffer.alloc(1 << 20);
    while (s.write(chunk));
    assert.strictEqual(names(events).includes('drain'), false);
    await until(() => serverSide !== undefined);
    serverSide.resume();
    await new Promise((resolve) => s.on('drain', resolve));
    assert.deepStrictEqual(events.filter((e) => e[0] === 'drain'), [['drain']]);
    s.destroy();
    serverSide.destroy();
    await new Promise((resolve) => server.close(resolve));
  },

  // 'timeout': after the idle time, without arguments and without closing
  // the socket; once, until there is activity again.
  async function timeoutEvent() {
    const server = net.createServer((c) => c.resume());
    const port = await listen(server, 0, '127.0.0.1');
    const s = net.connect(port, '127.0.0.1');
    const events = record(s);
    await new Promise((resolve) => s.on('connect', resolve));
    s.setTimeout(30);
    await new Promise((resolve) => s.once('timeout', resolve));
    assert.deepStrictEqual(events.filter((e) => e[0] === 'timeout'), [['timeout']]);
    assert.strictEqual(s.destroyed, false);
    // No second 'timeout' while idle.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(events.filter((e) => e[0] === 'timeout').length, 1);
    // Activity arms it again.
    s.write('x');
    await new Promise((resolve) => s.once('timeout', resolve));
    assert.strictEqual(events.filter((e) => e[0] === 'timeout').length, 2);
    s.destroy();
    await new Promise((resolve) => server.close(resolve));
  },
];

common.runSteps(steps);
