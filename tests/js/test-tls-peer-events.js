// peer: python3 tests/peers/tls_peer.py serve
'use strict';
// The order of a TLS socket's events with peers that are not weft
// (Python's ssl): 'connect', 'ready', then 'secureConnect' (the callback of
// tls.connect is its first listener) before any 'data', then 'end',
// 'finish' and 'close'; on a server, 'connection', then 'secureConnection'
// before the socket's first 'data', even when the client's first bytes
// come right after its handshake.
const common = require('../common');
const { peer, pythonClient } = require('../common/tls');
const assert = require('assert');
const tls = require('tls');

// Records events, without repeating a 'data' that follows a 'data'.
function recorder(list, emitter, names, prefix = '') {
  for (const name of names) {
    emitter.on(name, () => {
      const entry = prefix + name;
      if (name !== 'data' || list[list.length - 1] !== entry) list.push(entry);
    });
  }
}

async function main() {
  const { pem, ports } = await peer();

  // The talker sends a line right after the handshake, then closes.
  for (const port of [ports.talker, ports.good]) {
    const events = [];
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: pem.ca },
                               common.mustCall(() => events.push('callback')));
    // With the echo server this side ends first: its 'finish' and the
    // server's end race, so only the talker's case records 'finish'.
    const names = ['connect', 'ready', 'secureConnect', 'data', 'end', 'close'];
    if (port === ports.talker) names.push('finish');
    recorder(events, socket, names);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => {
      text += d;
      // The echo server closes once this side ended.
      if (port === ports.good && text.endsWith('\n')) socket.end();
    });
    await new Promise((resolve) => socket.on('close', resolve));
    const expected = ['connect', 'ready', 'callback', 'secureConnect', 'data', 'end', 'finish', 'close'];
    assert.deepStrictEqual(events, port === ports.talker ? expected : expected.filter((e) => e !== 'finish'));
    assert.strictEqual(JSON.parse(text).version, 'TLSv1.3');
  }

  // A server: the client's data comes right after its handshake.
  const events = [];
  const server = tls.createServer({ key: pem['server.key'], cert: pem.server });
  recorder(events, server, ['connection'], 'server ');
  const closed = new Promise((resolve) => {
    server.on('secureConnection', (socket) => {
      events.push('server secureConnection');
      recorder(events, socket, ['data', 'end', 'finish', 'close']);
      socket.pipe(socket);
      socket.on('close', resolve);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const [result] = await Promise.all([
    pythonClient(server.address().port, { send: 100000 }),
    closed,
  ]);
  assert.strictEqual(result.echo, true);
  assert.deepStrictEqual(events,
                         ['server connection', 'server secureConnection', 'data', 'end', 'finish', 'close']);
  server.close(common.mustCall());
}

main().then(common.mustCall());
