'use strict';
// dgram's errors: argument checks (thrown), bind/connect/send failures
// (emitted or passed to callbacks), with Node's codes, messages and fields.
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

const localhost = '127.0.0.1';

// --- createSocket ---
assert.throws(() => dgram.createSocket('udp5'), {
  name: 'TypeError',
  code: 'ERR_SOCKET_BAD_TYPE',
  message: 'Bad socket type specified. Valid types are: udp4, udp6',
});
assert.throws(() => dgram.createSocket(), { code: 'ERR_SOCKET_BAD_TYPE' });
assert.throws(() => dgram.createSocket({ type: 'tcp' }), { code: 'ERR_SOCKET_BAD_TYPE' });
assert.throws(() => dgram.createSocket({ type: 'udp4', lookup: 1 }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "lookup" argument must be of type function. Received type number (1)',
});
assert.throws(() => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.recvBufferSize" is out of range. It must be >= 0 && <= 4294967295. Received -1',
});
assert.throws(() => dgram.createSocket({ type: 'udp4', sendBufferSize: 'x' }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.sendBufferSize" property must be of type number. Received type string (\'x\')',
});
assert.throws(() => dgram.createSocket({ type: 'udp4', signal: 'x' }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of AbortSignal. Received type string (\'x\')',
});

// --- send: arguments are checked before anything else ---
{
  const s = dgram.createSocket('udp4');
  const badPort = (received) => ({
    name: 'RangeError',
    code: 'ERR_SOCKET_BAD_PORT',
    message: `Port should be > 0 and < 65536. Received ${received}.`,
  });
  assert.throws(() => s.send('x', 0, localhost), badPort('type number (0)'));
  assert.throws(() => s.send('x', 65536, localhost), badPort('type number (65536)'));
  assert.throws(() => s.send('x', -1, localhost), badPort('type number (-1)'));
  assert.throws(() => s.send('x', 'abc'), badPort('type string (\'abc\')'));
  assert.throws(() => s.send('x'), badPort('undefined'));
  assert.throws(() => s.send(Buffer.from('abc'), 0, 3, 0, localhost), badPort('type number (0)'));

  const types = 'of type string or an instance of Buffer, TypedArray, or DataView';
  assert.throws(() => s.send(123, 1234), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "buffer" argument must be ${types}. Received type number (123)`,
  });
  assert.throws(() => s.send({}, 0, 1, 1234, localhost), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "buffer" argument must be ${types}. Received an instance of Object`,
  });
  assert.throws(() => s.send([Buffer.from('a'), 1], 1234), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "buffer list arguments" argument must be ${types}. Received an instance of Array`,
  });
  assert.throws(() => s.send(Buffer.alloc(3), 5, 1, 1234, localhost), {
    name: 'RangeError',
    code: 'ERR_BUFFER_OUT_OF_BOUNDS',
    message: '"offset" is outside of buffer bounds',
  });
  assert.throws(() => s.send(Buffer.alloc(3), 1, 3, 1234, localhost), {
    name: 'RangeError',
    code: 'ERR_BUFFER_OUT_OF_BOUNDS',
    message: '"length" is outside of buffer bounds',
  });
  assert.throws(() => s.send('x', 1234, 123), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "address" argument must be of type string. Received type number (123)',
  });
  assert.throws(() => s.sendto('x', 0, 1, '1234', localhost), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "port" argument must be of type number. Received type string (\'1234\')',
  });
  // Nothing was sent, so the socket is still unbound.
  assert.throws(() => s.address(), { code: 'EBADF', syscall: 'getsockname', message: 'getsockname EBADF' });
  s.close();
}

// --- connect, disconnect, remoteAddress ---
{
  const s = dgram.createSocket('udp4');
  assert.throws(() => s.connect(0), {
    code: 'ERR_SOCKET_BAD_PORT',
    message: 'Port should be > 0 and < 65536. Received type number (0).',
  });
  assert.throws(() => s.connect(1234, 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "address" argument must be of type string. Received type number (5)',
  });
  assert.throws(() => s.disconnect(), {
    name: 'Error',
    code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED',
    message: 'Not connected',
  });
  assert.throws(() => s.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED', message: 'Not connected' });
  s.connect(1234, localhost);
  // The first connect is in progress (it binds and resolves first).
  assert.throws(() => s.connect(1234, localhost), {
    name: 'Error',
    code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
    message: 'Already connected',
  });
  assert.throws(() => s.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  s.on('connect', common.mustCall(() => {
    // A connected socket takes no destination (with offset and length given).
    assert.throws(() => s.send(Buffer.from('x'), 0, 1, 1234, localhost), {
      name: 'Error',
      code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
      message: 'Already connected',
    });
    assert.throws(() => s.send('x', 0, 1, 1234), { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
    s.close();
  }));
}

// --- bind twice, and everything after close ---
{
  const s = dgram.createSocket('udp4');
  s.bind(0, localhost);
  assert.throws(() => s.bind(0, localhost), {
    name: 'Error',
    code: 'ERR_SOCKET_ALREADY_BOUND',
    message: 'Socket is already bound',
  });
  s.on('listening', common.mustCall(() => {
    assert.throws(() => s.bind(), { code: 'ERR_SOCKET_ALREADY_BOUND' });
    s.close(common.mustCall(() => {
      const notRunning = { name: 'Error', code: 'ERR_SOCKET_DGRAM_NOT_RUNNING', message: 'Not running' };
      assert.throws(() => s.send('x', 1234, localhost), notRunning);
      assert.throws(() => s.bind(0), notRunning);
      assert.throws(() => s.close(), notRunning);
      assert.throws(() => s.address(), notRunning);
      assert.throws(() => s.addMembership('224.0.0.114'), notRunning);
      assert.throws(() => s.dropMembership('224.0.0.114'), notRunning);
      assert.throws(() => s.addSourceSpecificMembership('10.0.0.1', '232.1.1.1'), notRunning);
      assert.throws(() => s.setMulticastInterface('127.0.0.1'), notRunning);
      assert.strictEqual(s.ref(), s);
      assert.strictEqual(s.unref(), s);
    }));
  }));
}

// --- options on a socket that is not bound yet: EBADF after libuv's range checks ---
{
  const s = dgram.createSocket('udp4');
  const sys = (syscall, code, errno) => ({
    name: 'Error', code, errno, syscall, message: `${syscall} ${code}`,
  });
  assert.throws(() => s.setBroadcast(true), sys('setBroadcast', 'EBADF', -9));
  assert.throws(() => s.setTTL(0), sys('setTTL', 'EINVAL', -22));
  assert.throws(() => s.setTTL(256), sys('setTTL', 'EINVAL', -22));
  assert.throws(() => s.setTTL(1), sys('setTTL', 'EBADF', -9));
  assert.throws(() => s.setTTL('1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "ttl" argument must be of type number. Received type string (\'1\')',
  });
  assert.throws(() => s.setMulticastTTL(-1), sys('setMulticastTTL', 'EINVAL', -22));
  assert.throws(() => s.setMulticastTTL(1), sys('setMulticastTTL', 'EBADF', -9));
  assert.throws(() => s.setMulticastLoopback(true), sys('setMulticastLoopback', 'EBADF', -9));
  assert.throws(() => s.setMulticastInterface('not an address'), sys('setMulticastInterface', 'EINVAL', -22));
  assert.throws(() => s.setMulticastInterface('127.0.0.1'), sys('setMulticastInterface', 'EBADF', -9));
  assert.throws(() => s.setMulticastInterface(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "interfaceAddress" argument must be of type string. Received type number (1)',
  });
  assert.throws(() => s.addMembership(), {
    name: 'TypeError',
    code: 'ERR_MISSING_ARGS',
    message: 'The "multicastAddress" argument must be specified',
  });
  assert.throws(() => s.dropMembership(''), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => s.addMembership('256.1.1.1'), sys('addMembership', 'EINVAL', -22));
  assert.throws(() => s.dropMembership('not.an.address'), sys('dropMembership', 'EINVAL', -22));
  assert.throws(() => s.addSourceSpecificMembership(1, '232.1.1.1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "sourceAddress" argument must be of type string. Received type number (1)',
  });
  assert.throws(() => s.dropSourceSpecificMembership('10.0.0.1', null), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "groupAddress" argument must be of type string. Received null',
  });
  assert.throws(() => s.addSourceSpecificMembership('10.0.0.1', '0'),
                sys('addSourceSpecificMembership', 'EINVAL', -22));
  assert.throws(() => s.dropSourceSpecificMembership('0', '232.1.1.1'),
                sys('dropSourceSpecificMembership', 'EINVAL', -22));

  const badSize = { name: 'TypeError', code: 'ERR_SOCKET_BAD_BUFFER_SIZE', message: 'Buffer size must be a positive integer' };
  assert.throws(() => s.setRecvBufferSize(-1), badSize);
  assert.throws(() => s.setSendBufferSize(1.5), badSize);
  assert.throws(() => s.setRecvBufferSize('1024'), badSize);
  for (const [fn, syscall] of [['getRecvBufferSize', 'uv_recv_buffer_size'],
                               ['getSendBufferSize', 'uv_send_buffer_size']]) {
    assert.throws(() => s[fn](), (err) => {
      assert.strictEqual(err.name, 'SystemError');
      assert.strictEqual(err.code, 'ERR_SOCKET_BUFFER_SIZE');
      assert.strictEqual(err.message,
                         `Could not get or set buffer size: ${syscall} returned EBADF (bad file descriptor)`);
      assert.strictEqual(err.errno, -9);
      assert.strictEqual(err.syscall, syscall);
      assert.deepStrictEqual(err.info, { errno: -9, code: 'EBADF', message: 'bad file descriptor', syscall });
      return true;
    });
  }
  assert.strictEqual(s.getSendQueueSize(), 0);
  assert.strictEqual(s.getSendQueueCount(), 0);
  s.close();
  // Option setters have no health check in Node: a closed socket has no handle.
  assert.throws(() => s.setBroadcast(true), TypeError);
}

// --- bind: EADDRINUSE, EINVAL, and lookup failures are 'error' events ---
{
  const a = dgram.createSocket('udp4');
  a.bind(0, common.mustCall(() => {
    const port = a.address().port;
    const b = dgram.createSocket('udp4');
    b.bind(port, common.mustNotCall('bind must fail'));
    b.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, `bind EADDRINUSE 0.0.0.0:${port}`);
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.errno, -98);
      assert.strictEqual(err.syscall, 'bind');
      assert.strictEqual(err.address, '0.0.0.0');
      assert.strictEqual(err.port, port);
      // The failed socket can bind again.
      b.bind(0, localhost, common.mustCall(() => {
        assert.notStrictEqual(b.address().port, port);
        b.close();
        a.close();
      }));
    }));
  }));
}
{
  // An IPv6 address on a udp4 socket.
  const s = dgram.createSocket('udp4');
  s.bind({ port: 0, address: '::1' });
  s.on('listening', common.mustNotCall());
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'bind EINVAL ::1');
    assert.strictEqual(err.code, 'EINVAL');
    assert.strictEqual(err.address, '::1');
    assert.strictEqual(err.port, undefined);
    s.close();
  }));
}
{
  // ipv6Only needs an IPv6 socket.
  const s = dgram.createSocket({ type: 'udp4', ipv6Only: true });
  s.bind(0, localhost);
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'bind EINVAL 127.0.0.1');
    s.close();
  }));
}
{
  // A lookup failure during bind is emitted as is; queued sends are dropped.
  const lookupError = new Error('no such host');
  const lookup = common.mustCall((host, family, cb) => {
    assert.strictEqual(host, 'example.invalid');
    assert.strictEqual(family, 4);
    process.nextTick(cb, lookupError);
  });
  const s = dgram.createSocket({ type: 'udp4', lookup });
  s.bind(0, 'example.invalid', common.mustNotCall());
  s.send('x', 1234, localhost, common.mustNotCall());
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err, lookupError);
    s.close(common.mustCall());
  }));
}

// --- send: failures go to the callback, or nowhere without one ---
{
  const calls = [];
  const lookup = (host, family, cb) => {
    calls.push(host);
    if (host === 'bad.invalid') return process.nextTick(cb, new Error('lookup failed'));
    process.nextTick(cb, null, host, host.includes(':') ? 6 : 4);
  };
  const s = dgram.createSocket({ type: 'udp4', lookup });
  s.on('error', common.mustNotCall());
  s.bind(0, localhost, common.mustCall(() => {
    const port = s.address().port;
    // Too large for one IPv4 datagram.
    const big = Buffer.alloc(65508);
    s.send(big, port, localhost, common.mustCall((err, bytes) => {
      assert.strictEqual(err.message, `send EMSGSIZE ${localhost}:${port}`);
      assert.strictEqual(err.code, 'EMSGSIZE');
      assert.strictEqual(err.errno, -90);
      assert.strictEqual(err.syscall, 'send');
      assert.strictEqual(err.address, localhost);
      assert.strictEqual(err.port, port);
      assert.strictEqual(bytes, undefined);
      // Without a callback the failure is not reported at all.
      s.send(big, port, localhost);
      s.send('x', port, 'bad.invalid', common.mustCall((err) => {
        assert.strictEqual(err.message, 'lookup failed');
        // An IPv6 destination for a udp4 socket.
        s.send('x', port, '::1', common.mustCall((err) => {
          assert.strictEqual(err.message, `send EINVAL ::1:${port}`);
          assert.deepStrictEqual(calls, [localhost, localhost, localhost, 'bad.invalid', '::1']);
          s.close();
        }));
      }));
    }));
  }));
}
{
  // A lookup failure for send without a callback becomes an 'error' event.
  const lookup = (host, family, cb) => {
    if (host === 'bad.invalid') process.nextTick(cb, new Error('lookup failed'));
    else process.nextTick(cb, null, localhost, 4);
  };
  const s = dgram.createSocket({ type: 'udp4', lookup });
  s.bind({ port: 0, address: localhost });
  s.once('listening', common.mustCall(() => {
    s.send('x', 1234, 'bad.invalid');
    s.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'lookup failed');
      s.close();
    }));
  }));
}

// --- connect failures ---
{
  // With a callback, the callback gets the error.
  const s = dgram.createSocket('udp4');
  s.on('error', common.mustNotCall());
  s.connect(1234, '::1', common.mustCall((err) => {
    assert.strictEqual(err.message, 'connect EINVAL ::1:1234');
    assert.strictEqual(err.code, 'EINVAL');
    assert.strictEqual(err.syscall, 'connect');
    assert.strictEqual(err.address, '::1');
    assert.strictEqual(err.port, 1234);
    assert.throws(() => s.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
    s.close();
  }));
}
{
  // Without one, an 'error' event.
  const s = dgram.createSocket('udp4');
  s.connect(1234, '::1');
  s.on('connect', common.mustNotCall());
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'connect EINVAL ::1:1234');
    s.close();
  }));
}
