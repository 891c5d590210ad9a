'use strict';
// The Ruff (002) seed examples that use no fixed port or path (the others
// are in test-examples-port-8124.js, -port-80.js and -unix-socket.js), run
// unchanged.
const assert = require('assert');
const h = require('./test-examples-harness');

h.run([
  // server.address(): listens on a random port, prints the address with %j
  // (kept in the implicit global `address`), says goodbye to each client.
  ['ruff-server-address.js', async () => {
    const ex = h.load('ruff-server-address.js');
    await ex.wait('\n');
    const m = /^opened server on \{"address":"::","family":"IPv6","port":(\d+)\}\n$/.exec(ex.output());
    assert.ok(m, ex.output());
    const port = Number(m[1]);
    assert.ok(port > 0 && port < 65536);
    assert.deepStrictEqual(globalThis.address, { address: '::', family: 'IPv6', port });
    assert.deepStrictEqual(ex.servers[0].address(), globalThis.address);
    for (const host of ['127.0.0.1', '::1']) {
      const c = await h.client({ port, host });
      await h.waitFor(() => c.ended, "the server's FIN");
      assert.strictEqual(c.text(), 'goodbye\n');
      await h.waitFor(() => c.closed, 'the connection to close');
    }
  }],
]);
