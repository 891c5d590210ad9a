'use strict';
// The Node.js v12 (004) seed examples that use no fixed port or path (the
// others are in test-examples-port-8124.js, -port-80.js and -unix-socket.js;
// echo-server.js / echo-client.js also run as processes in
// crates/weft-cli/tests/echo.rs), run unchanged.
const assert = require('assert');
const path = require('path');
const h = require('./test-examples-harness');

h.run([
  // server.address(): listens on an arbitrary port, prints the address with
  // console.log's inspect, says goodbye to each client.
  ['node-server-address.js', async () => {
    const ex = h.load('node-server-address.js');
    await ex.wait('\n');
    const m = /^opened server on \{ address: '::', family: 'IPv6', port: (\d+) \}\n$/.exec(ex.output());
    assert.ok(m, ex.output());
    const port = Number(m[1]);
    assert.deepStrictEqual(ex.servers[0].address(), { address: '::', family: 'IPv6', port });
    for (const host of ['127.0.0.1', '::1']) {
      const c = await h.client({ port, host });
      await h.waitFor(() => c.closed, 'the connection to close');
      assert.strictEqual(c.text(), 'goodbye\n');
      assert.strictEqual(c.ended, true);
    }
  }],

  // The Windows named-pipe example: on Linux the path is a relative path in a
  // directory that does not exist, so listen() fails; the example has no
  // 'error' listener, so the error is uncaught.
  ['node-ipc-windows-pipe.js', async () => {
    const uncaught = h.nextUncaught();
    const ex = h.load('node-ipc-windows-pipe.js');
    const err = await uncaught;
    const address = path.join('\\\\?\\pipe', process.cwd(), 'myctl');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.address, address);
    assert.strictEqual(err.port, -1);
    // libuv's uv_pipe_bind turns bind()'s ENOENT into EACCES; so does weft.
    assert.strictEqual(err.code, 'EACCES');
    assert.strictEqual(err.errno, -13);
    assert.strictEqual(err.message, `listen EACCES: permission denied ${address}`);
    assert.strictEqual(ex.servers[0].listening, false);
  }],
]);
