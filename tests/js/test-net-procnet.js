'use strict';
// A helper for the net tests: the kernel's view of a TCP connection over
// 127.0.0.1, from Linux's /proc/net/tcp, for what JavaScript cannot see
// itself: bytes waiting in the socket's queues and its keepalive timer.
// Required by test-net-server-api.js, test-net-socket-methods.js and
// test-net-connect-forms.js; run alone, it checks itself.

const fs = require('fs');

const hex = (port) => port.toString(16).toUpperCase().padStart(4, '0');

// The row of the socket 127.0.0.1:localPort connected to 127.0.0.1:remotePort:
// { state, tx, rx, timer, when } (state 1 is ESTABLISHED, 6 TIME_WAIT, 8
// CLOSE_WAIT; tx and rx are queued bytes; timer 2 is keepalive, 0 none;
// when is the time left on it in seconds), or undefined when there is no
// such socket. The same four ports may also show a TIME_WAIT left by an
// earlier connection: `want(state)` picks the row (default: any state).
function tcpRow(localPort, remotePort, want = () => true) {
  // The file can be large on a busy machine: find the row by plain search.
  const text = fs.readFileSync('/proc/net/tcp', 'latin1');
  const key = `: 0100007F:${hex(localPort)} 0100007F:${hex(remotePort)} `;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    // "ST TX:RX TR:WHEN" follows the two addresses.
    const [st, queues, timers] = text.slice(at + key.length, at + key.length + 40).split(' ');
    const [tx, rx] = queues.split(':');
    const [timer, when] = timers.split(':');
    const row = {
      state: parseInt(st, 16),
      tx: parseInt(tx, 16),
      rx: parseInt(rx, 16),
      timer: parseInt(timer, 16),
      // In USER_HZ (100 per second on Linux).
      when: parseInt(when, 16) / 100,
    };
    if (want(row.state)) return row;
  }
  return undefined;
}

// The row of a connected net.Socket (IPv4, on 127.0.0.1).
function socketRow(socket) {
  return tcpRow(socket.localPort, socket.remotePort, (state) => state !== 6);
}

module.exports = { tcpRow, socketRow };

if (require.main === module) {
  const common = require('../common');
  const assert = require('assert');
  const net = require('net');
  let serverSide;
  const server = net.createServer({ pauseOnConnect: true }, (c) => { serverSide = c; });
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const c = net.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
      const mine = socketRow(c);
      assert.deepStrictEqual(mine, { state: 1, tx: 0, rx: 0, timer: 0, when: 0 });
      c.write('12345');
      (function wait() {
        const theirs = serverSide && socketRow(serverSide);
        if (!theirs || theirs.rx !== 5) return setImmediate(wait);
        assert.strictEqual(theirs.state, 1);
        assert.strictEqual(tcpRow(serverSide.localPort, serverSide.remotePort).rx, 5);
        assert.strictEqual(tcpRow(1, 1), undefined);
        serverSide.destroy();
        c.destroy();
        server.close();
      })();
    }));
  }));
}
