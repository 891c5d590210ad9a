'use strict';
// setTimeout: 'timeout' fires after idleness without closing the socket;
// activity restarts the countdown; setTimeout(0) disables it.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer((s) => {
  s.on('data', () => {});
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  let left = 2;
  const done = () => { if (--left === 0) server.close(); };

  // The option form sets the timeout before connecting.
  const a = net.connect({ port, host: '127.0.0.1', timeout: 20 });
  assert.strictEqual(a.timeout, 20);
  a.on('timeout', common.mustCall(() => {
    assert.strictEqual(a.destroyed, false);
    a.setTimeout(0);
    assert.strictEqual(a.timeout, 0);
    a.end();
  }));
  a.on('close', common.mustCall(done));

  // The callback form, then activity keeps pushing the timeout back.
  const b = net.connect(port, '127.0.0.1');
  let writes = 0;
  const t0 = Date.now();
  b.setTimeout(30, common.mustCall(() => {
    assert.strictEqual(writes, 5);
    assert.ok(Date.now() - t0 >= 30);
    b.destroy();
  }));
  const iv = setInterval(() => {
    b.write('x');
    if (++writes === 5) clearInterval(iv);
  }, 5);
  b.on('close', common.mustCall(done));
}));

assert.throws(() => new net.Socket().setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => new net.Socket().setTimeout('1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new net.Socket().setTimeout(1, 'cb'), { code: 'ERR_INVALID_ARG_TYPE' });
