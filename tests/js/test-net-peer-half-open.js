// peer: python3 tests/peers/tcp_peer.py talker
'use strict';
// allowHalfOpen: the peer sends 'hello' and a FIN. With allowHalfOpen true weft
// stays writable after 'end'; with false it ends its side automatically.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const port = common.peerPort();

{
  const c = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  let data = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { data += d; });
  c.on('end', common.mustCall(() => {
    assert.strictEqual(data, 'hello\n');
    assert.strictEqual(c.writable, true);
    assert.strictEqual(c.readyState, 'writeOnly');
    // Still writable after the peer's FIN.
    assert.strictEqual(c.write('after end\n'), true);
    setImmediate(() => c.end());
  }));
  c.on('finish', common.mustCall());
  c.on('close', common.mustCall((hadError) => assert.strictEqual(hadError, false)));
}

{
  const c = net.connect({ port, host: '127.0.0.1' });
  assert.strictEqual(c.allowHalfOpen, false);
  const order = [];
  c.resume();
  c.on('end', common.mustCall(() => order.push('end')));
  c.on('finish', common.mustCall(() => order.push('finish')));
  c.on('close', common.mustCall(() => {
    // Without allowHalfOpen the socket ends its writable side after 'end'.
    assert.deepStrictEqual(order, ['end', 'finish']);
    assert.strictEqual(c.writable, false);
  }));
}
