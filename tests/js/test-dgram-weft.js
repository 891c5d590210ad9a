'use strict';
// dgram between two sockets of the same process on 127.0.0.1: bind forms,
// what send takes (offset/length, arrays, views, strings), callback byte
// counts, rinfo, connect/disconnect, implicit bind, sends queued before the
// bind completes, close, ref/unref, buffer sizes and the option setters.
// Each step waits for the datagram it sent, so nothing depends on timing.
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

const localhost = '127.0.0.1';

// Resolves with the next `n` datagrams `socket` receives, as [msg, rinfo].
function receive(socket, n = 1) {
  return new Promise((resolve) => {
    const got = [];
    const onMessage = (msg, rinfo) => {
      got.push([msg, rinfo]);
      if (got.length === n) {
        socket.removeListener('message', onMessage);
        resolve(n === 1 ? got[0] : got);
      }
    };
    socket.on('message', onMessage);
  });
}

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

// Calls socket.send(...args, cb) and resolves with the callback's byte count.
function send(socket, ...args) {
  return new Promise((resolve, reject) => {
    socket.send(...args, (err, bytes) => (err ? reject(err) : resolve(bytes)));
  });
}

function checkAddress(addr, address, family, port) {
  assert.deepStrictEqual(Object.keys(addr).sort(), ['address', 'family', 'port']);
  assert.strictEqual(addr.address, address);
  assert.strictEqual(addr.family, family);
  if (port === undefined) {
    assert.ok(Number.isInteger(addr.port) && addr.port > 0 && addr.port < 65536, `port ${addr.port}`);
  } else {
    assert.strictEqual(addr.port, port);
  }
}

async function bindForms() {
  // bind(port, address, cb): 'listening' first, then the callback with `this` the socket.
  const a = dgram.createSocket('udp4');
  let listening = false;
  a.on('listening', common.mustCall(() => { listening = true; }));
  const r = a.bind(0, localhost, common.mustCall(function() {
    assert.strictEqual(this, a);
    assert.ok(listening);
  }));
  assert.strictEqual(r, a);
  await once(a, 'listening');
  checkAddress(a.address(), localhost, 'IPv4');

  // bind(options, cb)
  const b = dgram.createSocket('udp4');
  b.bind({ port: 0, address: localhost }, common.mustCall());
  await once(b, 'listening');
  checkAddress(b.address(), localhost, 'IPv4');

  // bind(cb) and bind({}): every interface, a port the kernel picks.
  const c = dgram.createSocket('udp4');
  c.bind(common.mustCall());
  await once(c, 'listening');
  checkAddress(c.address(), '0.0.0.0', 'IPv4');
  const d = dgram.createSocket('udp4');
  d.bind({});
  await once(d, 'listening');
  checkAddress(d.address(), '0.0.0.0', 'IPv4');

  // bind(port, cb) with a port that is free now (c's, once c is closed).
  const port = c.address().port;
  c.close();
  await once(c, 'close');
  const e = dgram.createSocket('udp4');
  e.bind(port, common.mustCall());
  await once(e, 'listening');
  checkAddress(e.address(), '0.0.0.0', 'IPv4', port);

  // A host name is resolved with the socket's family.
  const f = dgram.createSocket('udp4');
  f.bind(0, 'localhost');
  await once(f, 'listening');
  checkAddress(f.address(), localhost, 'IPv4');

  // reuseAddr lets two sockets share a port.
  const g1 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  g1.bind(0, localhost);
  await once(g1, 'listening');
  const g2 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  g2.bind(g1.address().port, localhost);
  await once(g2, 'listening');
  assert.strictEqual(g2.address().port, g1.address().port);

  for (const s of [a, b, d, e, f, g1, g2]) s.close();
}

async function sendForms() {
  // The 'message' listener can be given to createSocket.
  const steps = [];
  const server = dgram.createSocket('udp4', common.mustCall((msg, rinfo) => {
    steps.push([msg, rinfo]);
  }, 13));
  server.bind(0, localhost);
  await once(server, 'listening');
  const port = server.address().port;

  const client = dgram.createSocket('udp4');
  client.bind(0, localhost);
  await once(client, 'listening');
  const clientPort = client.address().port;

  const cases = [
    [['hello', port, localhost], 'hello'],
    [[Buffer.from('0123456789'), 2, 3, port, localhost], '234'],
    [['abcdef', 1, 2, port, localhost], 'bc'],
    [[['ab', Buffer.from('cd'), new Uint8Array([101, 102])], port, localhost], 'abcdef'],
    [[new Uint16Array([0x6968, 0x6b6a]), port, localhost], 'hijk'],
    [[new DataView(new Uint8Array([120, 120, 100, 118, 120]).buffer, 0, 5), 2, 2, port, localhost], 'dv'],
    [[Buffer.from('no address, so 127.0.0.1'), port], 'no address, so 127.0.0.1'],
    [[Buffer.alloc(0), port, localhost], ''],
    [[[], port, localhost], ''],
    [[Buffer.alloc(65507, 'z'), port, localhost], 'z'.repeat(65507)],
    [['port as string', `${port}`, localhost], 'port as string'],
  ];
  for (const [args, expected] of cases) {
    const got = receive(server);
    const bytes = await send(client, ...args);
    assert.strictEqual(bytes, Buffer.byteLength(expected));
    const [msg, rinfo] = await got;
    assert.ok(Buffer.isBuffer(msg));
    assert.strictEqual(msg.toString(), expected);
    assert.deepStrictEqual(rinfo, { address: localhost, family: 'IPv4', port: clientPort, size: msg.length });
  }
  assert.strictEqual(steps.length, cases.length);

  // Sending without a callback works too; the datagram still arrives.
  const got = receive(server);
  client.send('no callback', port, localhost);
  assert.strictEqual((await got)[0].toString(), 'no callback');

  // The server answers to rinfo.
  const reply = receive(client);
  server.once('message', (msg, rinfo) => server.send(`re: ${msg}`, rinfo.port, rinfo.address));
  client.send('question', port, localhost);
  const [answer, answerInfo] = await reply;
  assert.strictEqual(answer.toString(), 're: question');
  assert.deepStrictEqual(answerInfo, { address: localhost, family: 'IPv4', port, size: 12 });

  assert.strictEqual(steps.length, cases.length + 2);
  client.close();
  server.close();
  await once(server, 'close');
}

async function implicitBindAndQueue() {
  const server = dgram.createSocket('udp4');
  server.bind(0, localhost);
  await once(server, 'listening');
  const port = server.address().port;

  // The first send binds the socket (0.0.0.0, a random port); sends made
  // before the bind completes wait for it.
  const client = dgram.createSocket('udp4');
  client.on('listening', common.mustCall());
  assert.throws(() => client.address(), { code: 'EBADF' });
  const got = receive(server, 3);
  const sent = [];
  for (const word of ['one', 'two', 'three']) {
    client.send(word, port, localhost, common.mustSucceed((bytes) => {
      assert.strictEqual(bytes, word.length);
      sent.push(word);
    }));
  }
  const msgs = await got;
  assert.deepStrictEqual(sent, ['one', 'two', 'three']);
  assert.deepStrictEqual(msgs.map(([m]) => m.toString()).sort(), ['one', 'three', 'two']);
  const ports = new Set(msgs.map(([, r]) => r.port));
  assert.strictEqual(ports.size, 1);
  assert.ok(!ports.has(port));
  assert.strictEqual(client.address().address, '0.0.0.0');
  assert.ok(ports.has(client.address().port));
  client.close(common.mustCall());
  await once(client, 'close');
  assert.throws(() => client.send('x', port, localhost), {
    code: 'ERR_SOCKET_DGRAM_NOT_RUNNING',
    message: 'Not running',
  });

  // close() during a bind waits for it; a send queued before the close is dropped.
  const late = dgram.createSocket('udp4');
  late.bind(0, localhost, common.mustCall());
  late.send('dropped', port, localhost, common.mustNotCall());
  late.close(common.mustCall());
  await once(late, 'close');
  server.close();
}

async function connected() {
  const server = dgram.createSocket('udp4');
  server.bind(0, localhost);
  await once(server, 'listening');
  const port = server.address().port;

  // connect() on an unbound socket binds it first: 'listening', then 'connect'
  // (the callback is added as a 'connect' listener once the bind is done).
  const client = dgram.createSocket('udp4');
  const order = [];
  client.on('listening', common.mustCall(() => order.push('listening')));
  client.connect(port, localhost, common.mustCall(() => order.push('connect cb')));
  client.once('connect', common.mustCall(() => order.push('connect')));
  await once(client, 'connect');
  assert.deepStrictEqual(order, ['listening', 'connect', 'connect cb']);
  checkAddress(client.remoteAddress(), localhost, 'IPv4', port);
  const clientPort = client.address().port;

  // Connected forms: send(msg[, cb]) and send(msg, offset, length[, cb]).
  let got = receive(server);
  assert.strictEqual(await send(client, 'connected'), 9);
  let [msg, rinfo] = await got;
  assert.strictEqual(msg.toString(), 'connected');
  assert.deepStrictEqual(rinfo, { address: localhost, family: 'IPv4', port: clientPort, size: 9 });

  got = receive(server);
  assert.strictEqual(await send(client, Buffer.from('0123456'), 1, 3), 3);
  assert.strictEqual((await got)[0].toString(), '123');

  got = receive(server);
  client.send([Buffer.from('a'), 'b']);
  assert.strictEqual((await got)[0].toString(), 'ab');

  // Only the connected peer's datagrams reach a connected socket.
  const other = dgram.createSocket('udp4');
  other.bind(0, localhost);
  await once(other, 'listening');
  const fromPeer = receive(client);
  await send(other, 'stranger', clientPort, localhost);
  await send(server, 'peer', clientPort, localhost);
  [msg, rinfo] = await fromPeer;
  assert.strictEqual(msg.toString(), 'peer');
  assert.strictEqual(rinfo.port, port);

  // disconnect(): destinations are needed again, any sender is heard. Linux
  // drops the port a connect() picked; the next send picks a new one.
  client.disconnect();
  assert.throws(() => client.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  assert.throws(() => client.disconnect(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  assert.throws(() => client.send('x'), { code: 'ERR_SOCKET_BAD_PORT' });
  checkAddress(client.address(), '0.0.0.0', 'IPv4', 0);
  got = receive(server);
  await send(client, 'after disconnect', port, localhost);
  [msg, rinfo] = await got;
  assert.strictEqual(msg.toString(), 'after disconnect');
  const newPort = client.address().port;
  assert.strictEqual(rinfo.port, newPort);
  const fromOther = receive(client);
  await send(other, 'hello again', newPort, localhost);
  assert.strictEqual((await fromOther)[0].toString(), 'hello again');

  // connect(port, cb) without an address means 127.0.0.1; it can connect again.
  client.connect(port, common.mustCall());
  await once(client, 'connect');
  checkAddress(client.remoteAddress(), localhost, 'IPv4', port);
  checkAddress(client.address(), localhost, 'IPv4', newPort);
  got = receive(server);
  await send(client, 'reconnected');
  assert.strictEqual((await got)[0].toString(), 'reconnected');

  for (const s of [client, other, server]) s.close();
}

async function options() {
  const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 10000, sendBufferSize: 15000 });
  s.bind(0, localhost);
  await once(s, 'listening');
  // Linux reports twice the size that was set.
  assert.strictEqual(s.getRecvBufferSize(), 20000);
  assert.strictEqual(s.getSendBufferSize(), 30000);
  assert.strictEqual(s.setRecvBufferSize(12000), undefined);
  assert.strictEqual(s.setSendBufferSize(13000), undefined);
  assert.strictEqual(s.getRecvBufferSize(), 24000);
  assert.strictEqual(s.getSendBufferSize(), 26000);

  assert.strictEqual(s.setTTL(64), 64);
  assert.strictEqual(s.setTTL(1.5), 1.5);
  assert.throws(() => s.setTTL(0), { code: 'EINVAL', errno: -22, syscall: 'setTTL', message: 'setTTL EINVAL' });
  assert.throws(() => s.setTTL(1000), { code: 'EINVAL', message: 'setTTL EINVAL' });
  assert.throws(() => s.setTTL(NaN), { code: 'EINVAL', message: 'setTTL EINVAL' });
  assert.strictEqual(s.setBroadcast(true), undefined);
  assert.strictEqual(s.setBroadcast(false), undefined);
  assert.strictEqual(s.setMulticastTTL(0), 0);
  assert.strictEqual(s.setMulticastTTL(255), 255);
  assert.throws(() => s.setMulticastTTL(256), { code: 'EINVAL', message: 'setMulticastTTL EINVAL' });
  assert.strictEqual(s.setMulticastLoopback(true), true);
  assert.strictEqual(s.setMulticastLoopback(0), 0);
  assert.strictEqual(s.setMulticastInterface(localhost), undefined);
  assert.throws(() => s.setMulticastInterface('example.com'), {
    code: 'EINVAL', message: 'setMulticastInterface EINVAL',
  });
  assert.strictEqual(s.getSendQueueSize(), 0);
  assert.strictEqual(s.getSendQueueCount(), 0);

  assert.strictEqual(s.ref(), s);
  assert.strictEqual(s.unref(), s);
  assert.strictEqual(s.ref(), s);

  // Symbol.asyncDispose closes the socket; a second call does nothing.
  s.on('close', common.mustCall());
  await s[Symbol.asyncDispose]();
  await s[Symbol.asyncDispose]();
  assert.throws(() => s.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });

  // An AbortSignal closes the socket, before or after it is bound.
  const ac = new AbortController();
  const t = dgram.createSocket({ type: 'udp4', signal: ac.signal });
  t.bind(0, localhost);
  await once(t, 'listening');
  ac.abort();
  await once(t, 'close');
  assert.throws(() => t.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
  const u = dgram.createSocket({ type: 'udp4', signal: AbortSignal.abort() });
  await once(u, 'close');
  assert.throws(() => u.bind(0), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
}

async function ipv6() {
  if (!common.hasIPv6) return;
  const server = dgram.createSocket({ type: 'udp6', ipv6Only: true });
  server.bind(0, '::1');
  await once(server, 'listening');
  checkAddress(server.address(), '::1', 'IPv6');
  const port = server.address().port;

  const client = dgram.createSocket('udp6');
  const got = receive(server);
  // No address means ::1 for udp6.
  assert.strictEqual(await send(client, 'six', port), 3);
  const [msg, rinfo] = await got;
  assert.strictEqual(msg.toString(), 'six');
  assert.deepStrictEqual(rinfo, { address: '::1', family: 'IPv6', port: client.address().port, size: 3 });
  assert.strictEqual(client.setTTL(10), 10);
  client.close();
  server.close();
}

async function main() {
  await bindForms();
  await sendForms();
  await implicitBindAndQueue();
  await connected();
  await options();
  await ipv6();

  // An unref'ed bound socket does not keep the process alive: the test ends.
  const idle = dgram.createSocket('udp4');
  idle.bind(0, localhost, common.mustCall(() => idle.unref()));
}

main().then(common.mustCall());
