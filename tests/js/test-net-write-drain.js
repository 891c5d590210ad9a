'use strict';
// Backpressure: with the reader paused, write() returns false once the socket
// holds highWaterMark bytes, 'drain' follows when the reader resumes, and
// bufferSize / writableLength report what is queued.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const chunk = Buffer.alloc(64 * 1024, 'a');
let serverSocket;
const server = net.createServer({ pauseOnConnect: true }, common.mustCall((s) => {
  serverSocket = s;
  assert.strictEqual(s.isPaused(), true);
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
    let written = 0;
    // Write until the socket says stop: kernel buffers fill, then the queue.
    while (c.write(chunk)) {
      written += chunk.length;
      assert.ok(written < 256 * 1024 * 1024, 'write() never returned false');
    }
    written += chunk.length;
    assert.ok(c.writableLength >= c.writableHighWaterMark);
    assert.strictEqual(c.bufferSize, c.writableLength);
    assert.strictEqual(c.writableNeedDrain, true);
    c.once('drain', common.mustCall(() => {
      assert.strictEqual(c.writableLength, 0);
      assert.strictEqual(c.writableNeedDrain, false);
      c.end();
    }));
    let got = 0;
    serverSocket.on('data', (d) => { got += d.length; });
    serverSocket.on('end', common.mustCall(() => {
      assert.strictEqual(got, written);
      assert.strictEqual(serverSocket.bytesRead, written);
      assert.strictEqual(c.bytesWritten, written);
      serverSocket.end();
      server.close();
    }));
    serverSocket.resume();
  }));
}));
