'use strict';
// net.BlockList: address, range and subnet rules for IPv4 and IPv6 (with
// IPv4-mapped IPv6 addresses matching IPv4 rules and the other way round),
// SocketAddress arguments, the rules strings, validation errors and
// util.inspect output.
require('../common');
const assert = require('assert');
const util = require('util');
const { BlockList, SocketAddress } = require('net');

const v6 = (address) => new SocketAddress({ address, family: 'ipv6' });
const v4 = (address) => new SocketAddress({ address });

// Address rules.
{
  const list = new BlockList();
  assert.deepStrictEqual(list.rules, []);
  assert.strictEqual(list.addAddress('1.1.1.1'), undefined);
  list.addAddress('8592:757c:efae:4e45:fb5d:d62a:0d00:8e17', 'ipv6');
  list.addAddress('::ffff:1.1.1.2', 'ipv6');
  list.addAddress(v4('1.1.1.3'));
  list.addAddress(v6('::ffff:0101:0104'));

  // Newest first; addresses in canonical form.
  assert.deepStrictEqual(list.rules, [
    'Address: IPv6 ::ffff:1.1.1.4',
    'Address: IPv4 1.1.1.3',
    'Address: IPv6 ::ffff:1.1.1.2',
    'Address: IPv6 8592:757c:efae:4e45:fb5d:d62a:d00:8e17',
    'Address: IPv4 1.1.1.1',
  ]);
  // rules is a fresh array each time.
  assert.notStrictEqual(list.rules, list.rules);

  assert.strictEqual(list.check('1.1.1.1'), true);
  assert.strictEqual(list.check(v4('1.1.1.1')), true);
  // An IPv4 string is not an IPv6 address.
  assert.strictEqual(list.check('1.1.1.1', 'ipv6'), false);
  assert.strictEqual(list.check('8592:757c:efae:4e45:fb5d:d62a:0d00:8e17'), false);
  assert.strictEqual(list.check('8592:757c:efae:4e45:fb5d:d62a:d00:8e17', 'ipv6'), true);
  assert.strictEqual(list.check(v6('8592:757c:efae:4e45:fb5d:d62a:0d00:8e17')), true);
  // IPv4 rule <-> IPv4-mapped IPv6 address, both ways; family is case-insensitive.
  assert.strictEqual(list.check('::ffff:1.1.1.1', 'ipv6'), true);
  assert.strictEqual(list.check('::ffff:1.1.1.1', 'IPV6'), true);
  assert.strictEqual(list.check('::ffff:101:101', 'ipv6'), true);
  assert.strictEqual(list.check('1.1.1.2'), true);
  assert.strictEqual(list.check('1.1.1.4'), true);
  assert.strictEqual(list.check(v6('::ffff:1.1.1.3')), true);
  // IPv4-compatible (::a.b.c.d) and other prefixes do not count as mapped.
  assert.strictEqual(list.check('::1.1.1.1', 'ipv6'), false);
  assert.strictEqual(list.check('::fffe:1.1.1.1', 'ipv6'), false);
  assert.strictEqual(list.check('1.2.3.4'), false);
  assert.strictEqual(list.check('::1', 'ipv6'), false);
  // Port and flow label play no part.
  assert.strictEqual(list.check(new SocketAddress({ address: '1.1.1.1', port: 443 })), true);
  // Invalid addresses (or families) are simply not blocked.
  assert.strictEqual(list.check('1.1.1'), false);
  assert.strictEqual(list.check('not an address'), false);
  assert.strictEqual(list.check('1.1.1.1', 'foo'), false);
}

// Range rules.
{
  const list = new BlockList();
  list.addRange('1.1.1.1', '1.1.1.10');
  list.addRange('::1', '::f', 'ipv6');
  list.addRange(v4('10.0.0.2'), v4('10.0.0.10'));
  list.addRange('5.5.5.5', '5.5.5.5');
  assert.deepStrictEqual(list.rules, [
    'Range: IPv4 5.5.5.5-5.5.5.5',
    'Range: IPv4 10.0.0.2-10.0.0.10',
    'Range: IPv6 ::1-::f',
    'Range: IPv4 1.1.1.1-1.1.1.10',
  ]);

  assert.strictEqual(list.check('1.1.1.0'), false);
  for (let n = 1; n <= 10; n++) assert.strictEqual(list.check(`1.1.1.${n}`), true, `1.1.1.${n}`);
  assert.strictEqual(list.check('1.1.1.11'), false);
  assert.strictEqual(list.check('::', 'ipv6'), false);
  for (let n = 1; n <= 15; n++) assert.strictEqual(list.check(`::${n.toString(16)}`, 'ipv6'), true);
  assert.strictEqual(list.check('::10', 'ipv6'), false);
  assert.strictEqual(list.check('5.5.5.5'), true);
  assert.strictEqual(list.check('5.5.5.6'), false);

  // IPv4-mapped IPv6 addresses against an IPv4 range.
  assert.strictEqual(list.check('::ffff:0a00:0002', 'ipv6'), true);
  assert.strictEqual(list.check('::ffff:10.0.0.10', 'ipv6'), true);
  assert.strictEqual(list.check('::ffff:10.0.0.11', 'ipv6'), false);
  assert.strictEqual(list.check('::ffff:c0a8:0003', 'ipv6'), false);
  assert.strictEqual(list.check('::ffff:ffff:ffff', 'ipv6'), false);
  assert.strictEqual(list.check('255.255.255.255'), false);
}

// A range from an IPv4 address to an IPv4-mapped IPv6 one, and one whose
// ends cannot be compared (IPv4 vs. plain IPv6): accepted, the latter
// never matches.
{
  const list = new BlockList();
  list.addRange(v4('20.0.0.1'), v6('::ffff:20.0.0.3'));
  list.addRange(v4('30.0.0.1'), v6('::1'));
  assert.deepStrictEqual(list.rules, [
    'Range: IPv4 30.0.0.1-::1',
    'Range: IPv4 20.0.0.1-::ffff:20.0.0.3',
  ]);
  assert.strictEqual(list.check('20.0.0.2'), true);
  assert.strictEqual(list.check('::ffff:20.0.0.3', 'ipv6'), true);
  assert.strictEqual(list.check('20.0.0.4'), false);
  assert.strictEqual(list.check('30.0.0.1'), false);
  assert.strictEqual(list.check('30.0.0.2'), false);
  assert.strictEqual(list.check('::1', 'ipv6'), false);
}

// Subnet rules.
{
  const list = new BlockList();
  list.addSubnet('1.1.1.0', 16);
  list.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
  list.addSubnet(v4('10.0.0.0'), 27);
  list.addSubnet('8592:757c:efaf::', 51, 'IpV6');
  assert.deepStrictEqual(list.rules, [
    'Subnet: IPv6 8592:757c:efaf::/51',
    'Subnet: IPv4 10.0.0.0/27',
    'Subnet: IPv6 8592:757c:efae:4e45::/64',
    'Subnet: IPv4 1.1.1.0/16',
  ]);

  assert.strictEqual(list.check('1.1.0.1'), true);
  assert.strictEqual(list.check('1.1.255.255'), true);
  assert.strictEqual(list.check(v4('1.1.1.1')), true);
  assert.strictEqual(list.check('1.2.0.1'), false);
  assert.strictEqual(list.check('::ffff:1.1.0.1', 'ipv6'), true);
  assert.strictEqual(list.check('::ffff:1.2.0.1', 'ipv6'), false);
  assert.strictEqual(list.check('8592:757c:efae:4e45:f::', 'ipv6'), true);
  assert.strictEqual(list.check('8592:757c:efae:4e45::f', 'ipv6'), true);
  assert.strictEqual(list.check('8592:757c:efae:4f45::f', 'ipv6'), false);
  // Boundaries of prefixes that are not byte-aligned.
  for (let n = 0; n <= 31; n++) assert.strictEqual(list.check(`10.0.0.${n}`), true);
  assert.strictEqual(list.check('10.0.0.32'), false);
  assert.strictEqual(list.check('9.255.255.255'), false);
  assert.strictEqual(list.check('8592:757c:efaf:0:0:0:0:0', 'ipv6'), true);
  assert.strictEqual(list.check('8592:757c:efaf:1fff:ffff:ffff:ffff:ffff', 'ipv6'), true);
  assert.strictEqual(list.check('8592:757c:efaf:2000::', 'ipv6'), false);
}

// Edge prefixes and mixed families.
{
  const list = new BlockList();
  list.addSubnet('1.1.1.1', 32, 'ipv4');
  assert.strictEqual(list.check('1.1.1.1'), true);
  assert.strictEqual(list.check('1.1.1.2'), false);
  assert.strictEqual(list.check('::ffff:1.1.1.1', 'ipv6'), true);

  const all4 = new BlockList();
  all4.addSubnet('0.0.0.0', 0);
  assert.strictEqual(all4.check('255.255.255.255'), true);
  assert.strictEqual(all4.check('::ffff:8.8.8.8', 'ipv6'), true);
  assert.strictEqual(all4.check('::1', 'ipv6'), false);

  const all6 = new BlockList();
  all6.addSubnet('::', 0, 'ipv6');
  assert.strictEqual(all6.check('::1', 'ipv6'), true);
  assert.strictEqual(all6.check('1.2.3.4'), true);

  // An IPv6 subnet over the IPv4-mapped range holds IPv4 addresses.
  const mapped = new BlockList();
  mapped.addSubnet('::ffff:10.0.0.0', 104, 'ipv6');
  assert.deepStrictEqual(mapped.rules, ['Subnet: IPv6 ::ffff:10.0.0.0/104']);
  assert.strictEqual(mapped.check('10.1.2.3'), true);
  assert.strictEqual(mapped.check('11.0.0.0'), false);
  mapped.addSubnet(v6('::ffff:20.0.0.1'), 128);
  assert.strictEqual(mapped.check('20.0.0.1'), true);
  assert.strictEqual(mapped.check('20.0.0.2'), false);
}

// Mixed rule kinds, as in Node's documentation.
{
  const list = new BlockList();
  list.addAddress('123.123.123.123');
  list.addRange('10.0.0.1', '10.0.0.10');
  list.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
  assert.deepStrictEqual(list.rules, [
    'Subnet: IPv6 8592:757c:efae:4e45::/64',
    'Range: IPv4 10.0.0.1-10.0.0.10',
    'Address: IPv4 123.123.123.123',
  ]);
  assert.strictEqual(list.check('123.123.123.123'), true);
  assert.strictEqual(list.check('10.0.0.3'), true);
  assert.strictEqual(list.check('222.111.111.222'), false);
  assert.strictEqual(list.check('8592:757c:efae:4e45::f', 'IPv6'), true);
  assert.strictEqual(list.check('::ffff:7b7b:7b7b', 'ipv6'), true);
  assert.strictEqual(list.check('::ffff:123.123.123.123', 'ipv6'), true);

  // util.inspect
  assert.strictEqual(util.inspect(list), [
    'BlockList {',
    '  rules: [',
    "    'Subnet: IPv6 8592:757c:efae:4e45::/64',",
    "    'Range: IPv4 10.0.0.1-10.0.0.10',",
    "    'Address: IPv4 123.123.123.123'",
    '  ]',
    '}',
  ].join('\n'));
  assert.strictEqual(util.inspect(list, { depth: 0 }), 'BlockList [Object]');
}

// util.inspect of an empty list.
{
  const list = new BlockList();
  assert.strictEqual(util.inspect(list), 'BlockList { rules: [] }');
  assert.strictEqual(util.inspect(list, { depth: null }), 'BlockList { rules: [] }');
  assert.strictEqual(util.inspect(list, { depth: -1 }), '[BlockList]');
  assert.strictEqual(util.inspect({ x: list }, { depth: 0 }), '{ x: [BlockList] }');
  assert.strictEqual(util.inspect({ x: list }, { depth: 1 }), '{ x: BlockList { rules: [] } }');
}

// Argument validation.
{
  const list = new BlockList();
  const typeError = (name, received) => ({
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "${name}" argument must be of type string. Received ${received}`,
  });
  const badFamily = {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.family' is invalid. Received 'foo'",
  };
  const invalidAddress = { name: 'Error', code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address' };

  for (const value of [1, [], {}, null, 1n, undefined]) {
    assert.throws(() => list.addAddress(value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.addRange(value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.addRange('1.1.1.1', value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.addSubnet(value, 8), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.check(value), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  for (const value of [1, [], {}, null, 1n]) {
    assert.throws(() => list.addAddress('1.1.1.1', value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.addRange('1.1.1.1', '1.1.1.2', value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.addSubnet('1.1.1.1', 8, value), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => list.check('1.1.1.1', value), { code: 'ERR_INVALID_ARG_TYPE' });
  }

  assert.throws(() => list.addAddress(1), typeError('address', 'type number (1)'));
  assert.throws(() => list.addAddress('1.1.1.1', 1), typeError('family', 'type number (1)'));
  assert.throws(() => list.addAddress('1.1.1.1', null), typeError('family', 'null'));
  assert.throws(() => list.addAddress('1.1.1.1', 'foo'), badFamily);
  assert.throws(() => list.addAddress('1.1.1'), invalidAddress);
  assert.throws(() => list.addAddress('::1'), invalidAddress);
  assert.throws(() => list.addAddress('1.1.1.1', 'ipv6'), invalidAddress);

  assert.throws(() => list.addRange(1, '1.1.1.1'), typeError('start', 'type number (1)'));
  assert.throws(() => list.addRange('1.1.1.2', 1), typeError('end', 'type number (1)'));
  assert.throws(() => list.addRange('1.1.1.1', '1.1.1.2', 'foo'), badFamily);
  assert.throws(() => list.addRange('1.1.1.1', '1.1.1.2', 1), typeError('family', 'type number (1)'));
  assert.throws(() => list.addRange('1.1.1.1', '::1'), invalidAddress);
  assert.throws(() => list.addRange('1.1.1.2', '1.1.1.1'), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'start' must come before end. " +
      "Received SocketAddress { address: '1.1.1.2', port: 0, family: 'ipv4', flowlabel: 0 }",
  });
  assert.throws(() => list.addRange('::2', '::1', 'ipv6'), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'start' must come before end. " +
      "Received SocketAddress { address: '::2', port: 0, family: 'ipv6', flowlabel: 0 }",
  });
  assert.throws(() => list.addRange(v6('::ffff:1.1.1.5'), v4('1.1.1.1')), { code: 'ERR_INVALID_ARG_VALUE' });

  assert.throws(() => list.addSubnet(1), typeError('network', 'type number (1)'));
  assert.throws(() => list.addSubnet('', 1, 1), typeError('family', 'type number (1)'));
  assert.throws(() => list.addSubnet('', 1, ''), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.family' is invalid. Received ''",
  });
  assert.throws(() => list.addSubnet('1.1.1.1', ''), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "prefix" argument must be of type number. Received type string (\'\')',
  });
  assert.throws(() => list.addSubnet('1.1.1.1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "prefix" argument must be of type number. Received undefined',
  });
  assert.throws(() => list.addSubnet('1.1.1.1', NaN), {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "prefix" is out of range. It must be an integer. Received NaN',
  });
  assert.throws(() => list.addSubnet('1.1.1.1', 8.5), { code: 'ERR_OUT_OF_RANGE' });
  for (const [network, prefix, family, range] of [
    ['1.1.1.1', -1, 'ipv4', '>= 0 && <= 32'],
    ['1.1.1.1', 33, 'ipv4', '>= 0 && <= 32'],
    ['::', -1, 'ipv6', '>= 0 && <= 128'],
    ['::', 129, 'ipv6', '>= 0 && <= 128'],
  ]) {
    assert.throws(() => list.addSubnet(network, prefix, family), {
      name: 'RangeError',
      code: 'ERR_OUT_OF_RANGE',
      message: `The value of "prefix" is out of range. It must be ${range}. Received ${prefix}`,
    });
  }
  assert.throws(() => list.addSubnet(v6('::'), 129), { code: 'ERR_OUT_OF_RANGE' });
  list.addSubnet(v6('::'), 33);

  assert.throws(() => list.check(1), typeError('address', 'type number (1)'));
  assert.throws(() => list.check('', 1), typeError('family', 'type number (1)'));

  // Nothing invalid was added.
  assert.deepStrictEqual(list.rules, ['Subnet: IPv6 ::/33']);
}

// Shape.
{
  assert.strictEqual(BlockList.name, 'BlockList');
  assert.strictEqual(BlockList.length, 0);
  for (const name of ['addAddress', 'addRange', 'addSubnet', 'check']) {
    assert.strictEqual(typeof BlockList.prototype[name], 'function', name);
  }
  assert.strictEqual(typeof Object.getOwnPropertyDescriptor(BlockList.prototype, 'rules').get, 'function');
  assert.deepStrictEqual(Object.keys(new BlockList()), []);
  assert.throws(() => BlockList(), TypeError);
  // Lists are independent.
  const a = new BlockList();
  const b = new BlockList();
  a.addAddress('1.2.3.4');
  assert.strictEqual(b.check('1.2.3.4'), false);
  assert.deepStrictEqual(b.rules, []);
}

// BlockList.isBlockList (Node 22; skipped where absent).
if (typeof BlockList.isBlockList === 'function') {
  assert.strictEqual(BlockList.isBlockList(new BlockList()), true);
  for (const value of [undefined, null, {}, 1, 'x', { rules: [] }, new SocketAddress()]) {
    assert.strictEqual(BlockList.isBlockList(value), false);
  }
}
