'use strict';
// dns.lookup and dns.promises.lookup: IP literals, 'localhost' (which may
// resolve to 127.0.0.1, ::1 or both; no IPv6 beyond ::1 is assumed), the
// family / all / order / verbatim / hints options, argument validation,
// ENOTFOUND for .invalid names (RFC 6761), util.promisify, and the
// getaddrinfo flag constants.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const util = require('util');

const { lookup } = dns;
const promises = dns.promises;
const noop = () => {};

const isIPv4 = (a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a);
const isIPv6 = (a) => typeof a === 'string' && a.includes(':');
const localhostV4 = (a) => isIPv4(a) && a.startsWith('127.');
const localhostV6 = (a) => a === '::1' || /^::ffff:127\./.test(a);

function checkLocalhostEntry(entry) {
  assert.deepStrictEqual(Object.keys(entry), ['address', 'family']);
  if (entry.family === 4) assert.ok(localhostV4(entry.address), entry.address);
  else if (entry.family === 6) assert.ok(localhostV6(entry.address), entry.address);
  else assert.fail(`unexpected family ${entry.family}`);
}

function checkNotFound(err, hostname) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.errno, -3008);
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, hostname);
  assert.strictEqual(err.message, `getaddrinfo ENOTFOUND ${hostname}`);
  assert.strictEqual(err.name, 'Error');
}

// ---------------------------------------------------------------------------
// Constants.
assert.strictEqual(dns.ADDRCONFIG, 32);
assert.strictEqual(dns.V4MAPPED, 8);
assert.strictEqual(dns.ALL, 16);
assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(typeof promises.lookup, 'function');
assert.strictEqual(require('dns/promises'), promises);
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');

// ---------------------------------------------------------------------------
// Validation (synchronous throws).
function typeErr(name, expected, received) {
  const kind = name.includes('.') ? 'property' : 'argument';
  return {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "${name}" ${kind} must be of type ${expected}. Received ${received}`,
  };
}

for (const [hostname, received] of [
  [1, 'type number (1)'],
  [{}, 'an instance of Object'],
  [true, 'type boolean (true)'],
  [[], 'an instance of Array'],
]) {
  assert.throws(() => lookup(hostname, noop), typeErr('hostname', 'string', received));
  assert.throws(() => promises.lookup(hostname), typeErr('hostname', 'string', received));
}

// A callback is required.
assert.throws(() => lookup('localhost'), typeErr('callback', 'function', 'undefined'));
assert.throws(() => lookup('localhost', {}), typeErr('callback', 'function', 'undefined'));
assert.throws(() => lookup('localhost', 4), typeErr('callback', 'function', 'undefined'));
assert.throws(() => lookup('', {}), typeErr('callback', 'function', 'undefined'));
assert.throws(() => lookup('localhost', {}, 'x'), typeErr('callback', 'function', "type string ('x')"));
assert.throws(() => lookup('localhost', 4, 'x'), typeErr('callback', 'function', "type string ('x')"));

// options must be an object or a family number.
for (const [options, received] of [
  [true, 'type boolean (true)'],
  [Symbol('s'), 'type symbol (Symbol(s))'],
  [1n, 'type bigint (1n)'],
]) {
  assert.throws(() => lookup('localhost', options, noop), typeErr('options', 'object or integer', received));
  assert.throws(() => promises.lookup('localhost', options), typeErr('options', 'object or integer', received));
}
assert.throws(() => promises.lookup('localhost', noop), typeErr('options', 'object or integer', 'function noop'));

// family
for (const family of [5, -1, 1, 4.5, NaN]) {
  assert.throws(() => lookup('localhost', family, noop), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: `The argument 'family' must be one of: 0, 4, 6. Received ${family}`,
  });
  assert.throws(() => promises.lookup('localhost', family), { code: 'ERR_INVALID_ARG_VALUE' });
}
for (const [family, received] of [[5, '5'], ['4', "'4'"], ['ipv4', "'ipv4'"], [true, 'true']]) {
  const expected = {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: `The property 'options.family' must be one of: 0, 4, 6. Received ${received}`,
  };
  assert.throws(() => lookup('localhost', { family }, noop), expected);
  assert.throws(() => promises.lookup('localhost', { family }), expected);
}

// hints
for (const hints of [1, 2, 4, 64, -1, dns.ALL | 1]) {
  const expected = {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: `The argument 'hints' is invalid. Received ${hints >>> 0}`,
  };
  assert.throws(() => lookup('localhost', { hints }, noop), expected);
  assert.throws(() => promises.lookup('localhost', { hints }), expected);
}
assert.throws(() => lookup('localhost', { hints: '8' }, noop), typeErr('options.hints', 'number', "type string ('8')"));
assert.throws(() => promises.lookup('localhost', { hints: true }),
              typeErr('options.hints', 'number', 'type boolean (true)'));

// all / verbatim / order
assert.throws(() => lookup('localhost', { all: 'yes' }, noop), typeErr('options.all', 'boolean', "type string ('yes')"));
assert.throws(() => promises.lookup('localhost', { all: 1 }), typeErr('options.all', 'boolean', 'type number (1)'));
assert.throws(() => lookup('localhost', { verbatim: 1 }, noop),
              typeErr('options.verbatim', 'boolean', 'type number (1)'));
assert.throws(() => promises.lookup('localhost', { verbatim: 'no' }),
              typeErr('options.verbatim', 'boolean', "type string ('no')"));
// (The order of the listed values differs between Node 20 releases.)
const badOrder = {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The property 'options\.order' must be one of: '\w+', '\w+', '\w+'\. Received 'x'$/,
};
assert.throws(() => lookup('localhost', { order: 'x' }, noop), badOrder);
assert.throws(() => promises.lookup('localhost', { order: 'x' }), badOrder);
assert.throws(() => dns.setDefaultResultOrder('x'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'dnsOrder' must be one of: /,
});

// Valid option values that are accepted without a lookup failing.
for (const options of [
  { hints: 0 },
  { hints: dns.ADDRCONFIG },
  { hints: dns.V4MAPPED },
  { hints: dns.ALL },
  { hints: dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL },
  { family: 0 }, { family: 4 }, { family: 6 },
  { family: undefined, hints: undefined, all: undefined, verbatim: undefined, order: undefined },
  { verbatim: true }, { verbatim: false },
  { order: 'ipv4first' }, { order: 'ipv6first' }, { order: 'verbatim' },
]) {
  lookup('127.0.0.1', options, common.mustSucceed((address, family) => {
    assert.strictEqual(address, '127.0.0.1');
    assert.strictEqual(family, 4);
  }));
}

// ---------------------------------------------------------------------------
// IP literals are answered without a resolver, asynchronously, and keep
// their own family whatever `family` asks for.
{
  let sync = true;
  lookup('127.0.0.1', common.mustSucceed((address, family) => {
    assert.strictEqual(sync, false);
    assert.strictEqual(address, '127.0.0.1');
    assert.strictEqual(family, 4);
  }));
  sync = false;
}
lookup('::1', common.mustSucceed((address, family) => {
  assert.strictEqual(address, '::1');
  assert.strictEqual(family, 6);
}));
lookup('1.2.3.4', 6, common.mustSucceed((address, family) => {
  assert.strictEqual(address, '1.2.3.4');
  assert.strictEqual(family, 4);
}));
lookup('::1', { family: 4, all: true }, common.mustSucceed((addresses) => {
  assert.deepStrictEqual(addresses, [{ address: '::1', family: 6 }]);
}));
lookup('8592:757c:efae:4e45::1', { all: true }, common.mustSucceed((addresses) => {
  assert.deepStrictEqual(addresses, [{ address: '8592:757c:efae:4e45::1', family: 6 }]);
}));

// ---------------------------------------------------------------------------
// 'localhost' through the system resolver. Which families it has is read
// from the unrestricted answer; a family it lacks may fail with ENOTFOUND.
lookup('localhost', common.mustSucceed((address, family) => {
  assert.ok(family === 4 || family === 6);
  checkLocalhostEntry({ address, family });
}));
lookup('localhost', 0, common.mustSucceed((address, family) => {
  checkLocalhostEntry({ address, family });
}));

// The answer for one family: entries of that family only, or ENOTFOUND
// (allowed only when the unrestricted answer had none of that family).
function checkFamilyAnswer(fam, mayFail, all) {
  return common.mustCall((err, result, resultFamily) => {
    if (err) {
      assert.ok(mayFail, `${err.message} although localhost has IPv${fam}`);
      checkNotFound(err, 'localhost');
      assert.strictEqual(result, undefined);
      return;
    }
    const entries = all ? result : [{ address: result, family: resultFamily }];
    assert.ok(Array.isArray(entries) && entries.length >= 1);
    for (const entry of entries) {
      checkLocalhostEntry(entry);
      assert.strictEqual(entry.family, fam);
    }
  });
}

lookup('localhost', { all: true }, common.mustSucceed((addresses) => {
  assert.ok(addresses.length >= 1);
  addresses.forEach(checkLocalhostEntry);
  const hasV4 = addresses.some((e) => e.family === 4);
  const hasV6 = addresses.some((e) => e.family === 6);

  lookup('localhost', 4, checkFamilyAnswer(4, !hasV4, false));
  lookup('localhost', { family: 'IPv4' }, checkFamilyAnswer(4, !hasV4, false));
  lookup('localhost', { family: 4, all: true }, checkFamilyAnswer(4, !hasV4, true));
  lookup('localhost', 6, checkFamilyAnswer(6, !hasV6, false));
  lookup('localhost', { family: 'IPv6', all: true }, checkFamilyAnswer(6, !hasV6, true));
  promises.lookup('localhost', { family: 4, all: true }).then(
    (list) => checkFamilyAnswer(4, !hasV4, true)(null, list),
    (err) => checkFamilyAnswer(4, !hasV4, true)(err));

  // The first of all is the single answer.
  lookup('localhost', common.mustSucceed((address, family) => {
    assert.deepStrictEqual({ address, family }, addresses[0]);
  }));

  // order / verbatim only sort the same set.
  const key = (e) => `${e.family}/${e.address}`;
  const sameSet = (list) => assert.deepStrictEqual(list.map(key).sort(), addresses.map(key).sort());
  const sortedBy = (list, first) => {
    const firstOther = list.findIndex((e) => e.family !== first);
    if (firstOther !== -1) assert.ok(list.slice(firstOther).every((e) => e.family !== first), JSON.stringify(list));
  };
  lookup('localhost', { all: true, order: 'ipv4first' }, common.mustSucceed((list) => {
    sameSet(list);
    sortedBy(list, 4);
  }));
  lookup('localhost', { all: true, verbatim: false }, common.mustSucceed((list) => {
    sameSet(list);
    sortedBy(list, 4);
  }));
  lookup('localhost', { all: true, order: 'ipv6first' }, common.mustSucceed((list) => {
    sameSet(list);
    sortedBy(list, 6);
  }));
  lookup('localhost', { all: true, verbatim: true }, common.mustSucceed(sameSet));
  lookup('localhost', { all: true, order: 'verbatim' }, common.mustSucceed(sameSet));
  // `order` wins over `verbatim`.
  lookup('localhost', { all: true, verbatim: true, order: 'ipv6first' }, common.mustSucceed((list) => {
    sameSet(list);
    sortedBy(list, 6);
  }));
}));
// With V4MAPPED, an IPv6 query always has an answer: ::1 or ::ffff:127.x.
lookup('localhost', { family: 6, hints: dns.V4MAPPED, all: true }, common.mustSucceed((addresses) => {
  assert.ok(addresses.length >= 1);
  for (const entry of addresses) {
    assert.strictEqual(entry.family, 6);
    assert.ok(localhostV6(entry.address), entry.address);
  }
}));

// ---------------------------------------------------------------------------
// Names that do not exist (RFC 6761 reserves .invalid).
lookup('weft-test.invalid', common.mustCall((err, address, family) => {
  checkNotFound(err, 'weft-test.invalid');
  assert.strictEqual(address, undefined);
  assert.strictEqual(family, undefined);
  assert.ok(err.stack.startsWith('Error: getaddrinfo ENOTFOUND weft-test.invalid'));
  assert.deepStrictEqual(Object.keys(err).sort(), ['code', 'errno', 'hostname', 'syscall']);
}));
lookup('weft-test.invalid', { all: true }, common.mustCall((err, addresses) => {
  checkNotFound(err, 'weft-test.invalid');
  assert.strictEqual(addresses, undefined);
}));

// ---------------------------------------------------------------------------
// Promises and util.promisify.
async function main() {
  assert.deepStrictEqual(await promises.lookup('127.0.0.1'), { address: '127.0.0.1', family: 4 });
  assert.deepStrictEqual(await promises.lookup('::1', 4), { address: '::1', family: 6 });
  assert.deepStrictEqual(await promises.lookup('::1', { all: true }), [{ address: '::1', family: 6 }]);
  assert.deepStrictEqual(await promises.lookup('10.1.2.3', { all: true, family: 6 }),
                         [{ address: '10.1.2.3', family: 4 }]);

  const one = await promises.lookup('localhost');
  assert.deepStrictEqual(Object.keys(one), ['address', 'family']);
  checkLocalhostEntry(one);

  const all = await promises.lookup('localhost', { all: true });
  assert.ok(Array.isArray(all) && all.length >= 1);
  all.forEach(checkLocalhostEntry);
  assert.deepStrictEqual(one, all[0]);

  // One family: { address, family } of that family (if localhost has it).
  for (const fam of [4, 6]) {
    const has = all.some((e) => e.family === fam);
    for (const options of [fam, { family: fam }]) {
      let res;
      try {
        res = await promises.lookup('localhost', options);
      } catch (err) {
        assert.ok(!has, `${err.message} although localhost has IPv${fam}`);
        checkNotFound(err, 'localhost');
        continue;
      }
      assert.deepStrictEqual(Object.keys(res), ['address', 'family']);
      assert.strictEqual(res.family, fam);
      checkLocalhostEntry(res);
    }
  }

  const v4first = await promises.lookup('localhost', { all: true, order: 'ipv4first' });
  assert.deepStrictEqual(v4first.map((e) => e.family), all.map((e) => e.family).sort());

  await assert.rejects(promises.lookup('weft-test.invalid'), (err) => {
    checkNotFound(err, 'weft-test.invalid');
    return true;
  });
  await assert.rejects(promises.lookup('weft-test.invalid', { all: true }), { code: 'ENOTFOUND' });

  // util.promisify(dns.lookup) resolves { address, family }, or the list.
  const plookup = util.promisify(lookup);
  assert.deepStrictEqual(await plookup('127.0.0.1'), { address: '127.0.0.1', family: 4 });
  assert.deepStrictEqual(await plookup('::1'), { address: '::1', family: 6 });
  assert.deepStrictEqual(await plookup('::1', { all: true }), [{ address: '::1', family: 6 }]);
  const p1 = await plookup('localhost');
  assert.deepStrictEqual(Object.keys(p1), ['address', 'family']);
  assert.deepStrictEqual(p1, all[0]);
  const pall = await plookup('localhost', { all: true });
  assert.ok(Array.isArray(pall));
  pall.forEach(checkLocalhostEntry);
  await assert.rejects(plookup('weft-test.invalid'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
  // Validation errors are thrown, not returned as rejections.
  assert.throws(() => promises.lookup(1), { code: 'ERR_INVALID_ARG_TYPE' });
}
main().then(common.mustCall());
