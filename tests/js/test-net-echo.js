'use strict';
// net first path: a weft server and a weft client, events in Node's order.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const events = [];
const server = net.createServer(common.mustCall((socket) => {
  assert.ok(socket instanceof net.Socket);
  assert.ok(socket instanceof require('stream').Duplex);
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  assert.strictEqual(socket.remoteFamily, 'IPv4');
  assert.strictEqual(typeof socket.remotePort, 'number');
  assert.strictEqual(socket.localPort, server.address().port);
  socket.on('data', (d) => socket.write(d));
  socket.on('end', common.mustCall(() => {
    events.push('server end');
    socket.end();
  }));
  socket.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    server.close(common.mustCall());
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port, address, family } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);
  const client = net.connect(port, '127.0.0.1');
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.pending, true);
  assert.strictEqual(client.readyState, 'opening');
  client.on('connect', common.mustCall(() => {
    events.push('connect');
    assert.strictEqual(client.connecting, false);
    assert.strictEqual(client.readyState, 'open');
    assert.strictEqual(client.remotePort, port);
  }));
  client.on('ready', common.mustCall(() => events.push('ready')));
  const chunks = [];
  client.on('data', (d) => {
    assert.ok(Buffer.isBuffer(d));
    chunks.push(d);
    if (Buffer.concat(chunks).length === 11) client.end();
  });
  client.on('end', common.mustCall(() => events.push('client end')));
  client.on('finish', common.mustCall(() => events.push('finish')));
  client.on('close', common.mustCall((hadError) => {
    events.push('close');
    assert.strictEqual(hadError, false);
    assert.strictEqual(Buffer.concat(chunks).toString(), 'hello wörl');
    assert.strictEqual(client.bytesRead, 11);
    assert.strictEqual(client.bytesWritten, 11);
    assert.strictEqual(client.destroyed, true);
    assert.deepStrictEqual(events, ['connect', 'ready', 'finish', 'server end', 'client end', 'close']);
  }));
  client.write('hello ');
  client.write(Buffer.from('wörl'));
}));
