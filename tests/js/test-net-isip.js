'use strict';
// net.isIP / net.isIPv4 / net.isIPv6 (Ruff 002, Node.js v12 004): 4, 6 or 0,
// and true / false, for valid and invalid addresses and non-strings.
require('../common');
const assert = require('assert');
const net = require('net');

const v4 = [
  '127.0.0.1', '0.0.0.0', '255.255.255.255', '192.168.1.1', '1.2.3.4',
];
const v6 = [
  '::', '::1', '::ffff:1.2.3.4', '::ffff:127.0.0.1', '2001:db8::1:0:0:1',
  '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80::1%eth0', 'FE80::1', '1:2:3:4:5:6:7:8',
  '1::', '::2:3:4:5:6:7:8',
];
const invalid = [
  '', 'x', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.256', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4',
  '1.2.3.-4', '1:2:3:4:5:6:7:8:9', ':::', '1::2::3', '::1 ', 'g::1', '127.0.0.1/8', 'localhost',
  'example.com', '[::1]',
];
const notStrings = [undefined, null, 123, 0x7f000001, true, {}, []];

for (const a of v4) {
  assert.strictEqual(net.isIP(a), 4, a);
  assert.strictEqual(net.isIPv4(a), true, a);
  assert.strictEqual(net.isIPv6(a), false, a);
}
for (const a of v6) {
  assert.strictEqual(net.isIP(a), 6, a);
  assert.strictEqual(net.isIPv4(a), false, a);
  assert.strictEqual(net.isIPv6(a), true, a);
}
for (const a of invalid) {
  assert.strictEqual(net.isIP(a), 0, JSON.stringify(a));
  assert.strictEqual(net.isIPv4(a), false, JSON.stringify(a));
  assert.strictEqual(net.isIPv6(a), false, JSON.stringify(a));
}
// Values that are not strings give 0 / false and do not throw.
for (const a of notStrings) {
  assert.strictEqual(net.isIP(a), 0, String(a));
  assert.strictEqual(net.isIPv4(a), false, String(a));
  assert.strictEqual(net.isIPv6(a), false, String(a));
}
// Other values are converted to a string first, as by a RegExp test.
assert.strictEqual(net.isIP(new String('127.0.0.1')), 4);
assert.strictEqual(net.isIP(['127.0.0.1']), 4);
assert.strictEqual(net.isIPv6(new String('::1')), true);
