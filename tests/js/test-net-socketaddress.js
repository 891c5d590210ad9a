'use strict';
// net.SocketAddress: defaults, address normalization, validation errors,
// toJSON, util.inspect, isSocketAddress and (Node 22) SocketAddress.parse.
require('../common');
const assert = require('assert');
const util = require('util');
const { SocketAddress } = require('net');

function check(sa, address, port, family, flowlabel) {
  assert.deepStrictEqual(
    { address: sa.address, port: sa.port, family: sa.family, flowlabel: sa.flowlabel },
    { address, port, family, flowlabel });
}

// Defaults.
check(new SocketAddress(), '127.0.0.1', 0, 'ipv4', 0);
check(new SocketAddress({}), '127.0.0.1', 0, 'ipv4', 0);
check(new SocketAddress(undefined), '127.0.0.1', 0, 'ipv4', 0);
check(new SocketAddress({ family: 'ipv6' }), '::', 0, 'ipv6', 0);
check(new SocketAddress({ family: undefined, port: undefined }), '127.0.0.1', 0, 'ipv4', 0);

// Explicit values; family is case-insensitive.
check(new SocketAddress({ address: '123.123.123.123', port: 80 }), '123.123.123.123', 80, 'ipv4', 0);
check(new SocketAddress({ address: '::1', port: 65535, family: 'IPv6', flowlabel: 1 }), '::1', 65535, 'ipv6', 1);
check(new SocketAddress({ address: '10.0.0.1', family: 'IPV4' }), '10.0.0.1', 0, 'ipv4', 0);
check(new SocketAddress({ family: 'ipv6', flowlabel: 0xfffff }), '::', 0, 'ipv6', 0xfffff);
// The flow label is an IPv6 field: an IPv4 address reports 0.
check(new SocketAddress({ address: '1.2.3.4', flowlabel: 5 }), '1.2.3.4', 0, 'ipv4', 0);

// IPv6 addresses come back in canonical form.
for (const [input, canonical] of [
  ['::', '::'],
  ['0:0:0:0:0:0:0:1', '::1'],
  ['1::', '1::'],
  ['ABCD:EF::', 'abcd:ef::'],
  ['0001:0db8:0000:0000:0000:0000:0000:0001', '1:db8::1'],
  ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
  ['1:0:0:0:1:0:0:1', '1::1:0:0:1'],
  ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ['1::2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
  ['::1:2:3:4:5:6:7', '0:1:2:3:4:5:6:7'],
  ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
  ['::ffff:102:304', '::ffff:1.2.3.4'],
  ['::1.2.3.4', '::1.2.3.4'],
  ['::0.0.0.1', '::1'],
  ['::fffe:1.2.3.4', '::fffe:102:304'],
  ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
  ['8592:757c:efae:4e45:fb5d:d62a:0d00:8e17', '8592:757c:efae:4e45:fb5d:d62a:d00:8e17'],
  ['fe80::1%eth0', 'fe80::1'],
]) {
  assert.strictEqual(new SocketAddress({ address: input, family: 'ipv6' }).address, canonical, input);
}

// Addresses the family does not accept.
const invalidAddress = { name: 'Error', code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address' };
for (const address of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1..2.3', '0x7f.0.0.1',
  ' 1.2.3.4', '1.2.3.4 ', 'localhost', '::1']) {
  assert.throws(() => new SocketAddress({ address }), invalidAddress, JSON.stringify(address));
}
for (const address of ['', '1.2.3.4', ':1::', '1:::2', '00000::1', '::ffff:01.2.3.4', '[::1]',
  '::1 ', '1:2:3:4:5:6:7:8:9', '::0:0:0:0:0:0:1:1', 'g::1']) {
  assert.throws(() => new SocketAddress({ address, family: 'ipv6' }), invalidAddress, JSON.stringify(address));
}
{
  let err;
  try {
    new SocketAddress({ address: 'nope' });
  } catch (e) {
    err = e;
  }
  assert.strictEqual(Object.getPrototypeOf(err), Error.prototype);
  assert.deepStrictEqual(Object.keys(err), ['code']);
  assert.strictEqual(String(err), 'Error: Invalid socket address');
}

// Argument validation, with Node's codes and messages.
for (const [options, received] of [
  [null, 'Received null'],
  [1, 'Received type number (1)'],
  [false, 'Received type boolean (false)'],
  ['hello', "Received type string ('hello')"],
  [[], 'Received an instance of Array'],
]) {
  assert.throws(() => new SocketAddress(options), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "options" argument must be of type object. ${received}`,
  });
}
for (const [family, received] of [
  [1, '1'], [false, 'false'], [null, 'null'], ['test', "'test'"], [{}, '{}'], [[], '[]'],
]) {
  assert.throws(() => new SocketAddress({ family }), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: `The property 'options.family' is invalid. Received ${received}`,
  });
}
for (const [address, received] of [
  [1, 'type number (1)'], [false, 'type boolean (false)'], [null, 'null'], [{}, 'an instance of Object'],
]) {
  assert.throws(() => new SocketAddress({ address }), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "options.address" property must be of type string. Received ${received}`,
  });
}
for (const [port, received] of [
  [-1, 'type number (-1)'], [65536, 'type number (65536)'], [1.5, 'type number (1.5)'],
  [false, 'type boolean (false)'], ['x', "type string ('x')"], [null, 'null'], [{}, 'an instance of Object'],
]) {
  assert.throws(() => new SocketAddress({ port }), {
    name: 'RangeError',
    code: 'ERR_SOCKET_BAD_PORT',
    message: `options.port should be >= 0 and < 65536. Received ${received}.`,
  });
}
assert.throws(() => new SocketAddress({ flowlabel: -1 }), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.flowlabel" is out of range. It must be >= 0 && <= 4294967295. Received -1',
});
assert.throws(() => new SocketAddress({ flowlabel: 1.5 }), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.flowlabel" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => new SocketAddress({ flowlabel: '1' }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.flowlabel" property must be of type number. Received type string (\'1\')',
});
// The family is checked before the address, the address before the port.
assert.throws(() => new SocketAddress({ family: 'x', address: 1, port: -1 }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new SocketAddress({ address: 1, port: -1 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new SocketAddress({ address: 'x', port: -1 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => SocketAddress(), TypeError);

// Shape: accessors on the prototype, nothing enumerable on the instance.
{
  const sa = new SocketAddress({ address: '::1', family: 'ipv6', port: 80, flowlabel: 7 });
  assert.deepStrictEqual(Object.keys(sa), []);
  for (const name of ['address', 'port', 'family', 'flowlabel']) {
    const desc = Object.getOwnPropertyDescriptor(SocketAddress.prototype, name);
    assert.strictEqual(typeof desc.get, 'function', name);
    assert.strictEqual(desc.set, undefined, name);
    assert.strictEqual(desc.enumerable, false, name);
  }
  assert.strictEqual(typeof SocketAddress.prototype.toJSON, 'function');
  assert.strictEqual(SocketAddress.name, 'SocketAddress');
  assert.strictEqual(SocketAddress.length, 0);

  assert.deepStrictEqual(sa.toJSON(), { address: '::1', port: 80, family: 'ipv6', flowlabel: 7 });
  assert.strictEqual(JSON.stringify(sa), '{"address":"::1","port":80,"family":"ipv6","flowlabel":7}');
  assert.strictEqual(JSON.stringify({ a: new SocketAddress() }),
                     '{"a":{"address":"127.0.0.1","port":0,"family":"ipv4","flowlabel":0}}');

  // util.inspect
  assert.strictEqual(util.inspect(sa), "SocketAddress { address: '::1', port: 80, family: 'ipv6', flowlabel: 7 }");
  assert.strictEqual(util.inspect(new SocketAddress()),
                     "SocketAddress { address: '127.0.0.1', port: 0, family: 'ipv4', flowlabel: 0 }");
  assert.strictEqual(util.inspect(sa, { depth: -1 }), '[SocketAddress]');
  assert.strictEqual(util.inspect(sa, { depth: 0 }), 'SocketAddress [Object]');
  assert.strictEqual(util.inspect({ a: sa }, { depth: 0 }), '{ a: [SocketAddress] }');
  assert.strictEqual(util.inspect([sa], { depth: 0 }), '[ [SocketAddress] ]');
  assert.strictEqual(util.inspect({ a: sa }, { depth: 1 }),
                     "{\n  a: SocketAddress { address: '::1', port: 80, family: 'ipv6', flowlabel: 7 }\n}");
}

// isSocketAddress
assert.strictEqual(SocketAddress.isSocketAddress(new SocketAddress()), true);
for (const value of [undefined, null, {}, 1, 'x', { address: '1.2.3.4', port: 0, family: 'ipv4', flowlabel: 0 }]) {
  assert.strictEqual(SocketAddress.isSocketAddress(value), false);
}
assert.strictEqual(new SocketAddress() instanceof SocketAddress, true);

// SocketAddress.parse (Node 22; skipped where absent).
if (typeof SocketAddress.parse === 'function') {
  check(SocketAddress.parse('123.123.123.123:8080'), '123.123.123.123', 8080, 'ipv4', 0);
  check(SocketAddress.parse('1.2.3.4'), '1.2.3.4', 0, 'ipv4', 0);
  check(SocketAddress.parse('[::1]:1234'), '::1', 1234, 'ipv6', 0);
  check(SocketAddress.parse('[1::1]'), '1::1', 0, 'ipv6', 0);
  check(SocketAddress.parse('[::ffff:1.2.3.4]:5'), '::ffff:1.2.3.4', 5, 'ipv6', 0);
  // It goes through the WHATWG URL parser: http's default port reads as 0.
  check(SocketAddress.parse('1.2.3.4:80'), '1.2.3.4', 0, 'ipv4', 0);
  for (const input of ['', 'example.com', 'example.com:80', '1.2.3.4:65536', '[::1', '::1', '1.2.3.4:x']) {
    assert.strictEqual(SocketAddress.parse(input), undefined, input);
  }
  assert.throws(() => SocketAddress.parse(1), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "input" argument must be of type string. Received type number (1)',
  });
}
