// peer: python3 tests/peers/udp_peer.py sender
'use strict';
// A weft UDP server and a client that is not weft (Python's socket module):
// weft tells the peer its port, the peer sends 'one', 'two' and 'three' from
// its own socket, weft answers each to the rinfo it came with, and the peer
// echoes the answers back.
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

const peerPort = common.peerPort();
assert.ok(peerPort > 0, 'PEER_PORT is set by the test runner');
const localhost = '127.0.0.1';

const words = ['one', 'two', 'three'];
const received = [];
const answers = [];

const server = dgram.createSocket('udp4');
server.on('error', common.mustNotCall());
server.on('message', common.mustCall((msg, rinfo) => {
  const text = msg.toString();
  assert.deepStrictEqual(rinfo, { address: localhost, family: 'IPv4', port: peerPort, size: msg.length });
  if (text.startsWith('re: ')) {
    // The peer echoing an answer.
    answers.push(text.slice(4));
    if (answers.length === words.length) {
      // Loopback keeps one sender's datagrams in order, but compare as sets
      // so that nothing rests on it.
      assert.deepStrictEqual(answers.slice().sort(), words.slice().sort());
      server.close(common.mustCall());
    }
    return;
  }
  received.push(text);
  assert.ok(words.includes(text), `unexpected datagram ${JSON.stringify(text)}`);
  server.send(`re: ${text}`, rinfo.port, rinfo.address, common.mustSucceed((bytes) => {
    assert.strictEqual(bytes, 4 + msg.length);
  }));
}, words.length * 2));

server.bind({ port: 0, address: localhost }, common.mustCall(() => {
  const { port } = server.address();
  server.send(`PORT ${port}`, peerPort, localhost, common.mustSucceed());
}));

process.on('exit', () => {
  assert.deepStrictEqual(received.slice().sort(), words.slice().sort());
});
