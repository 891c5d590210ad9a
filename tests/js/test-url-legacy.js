'use strict';
// The legacy url API: url.parse (with parseQueryString and
// slashesDenoteHost), url.format of objects and strings, url.resolve.
require('../common');
const assert = require('assert');
const url = require('url');

function parsed(input, ...args) {
  // The fields of a Url, as a plain object.
  return { ...url.parse(input, ...args) };
}

const empty = {
  protocol: null,
  slashes: null,
  auth: null,
  host: null,
  port: null,
  hostname: null,
  hash: null,
  search: null,
  query: null,
  pathname: null,
  path: null,
  href: null,
};

// A full URL.
{
  const u = url.parse('http://user:pass@host.com:8080/p/a/t/h?query=string#hash');
  assert.ok(u instanceof url.Url);
  assert.deepStrictEqual(Object.keys(u), Object.keys(empty));
  assert.deepStrictEqual({ ...u }, {
    protocol: 'http:',
    slashes: true,
    auth: 'user:pass',
    host: 'host.com:8080',
    port: '8080',
    hostname: 'host.com',
    hash: '#hash',
    search: '?query=string',
    query: 'query=string',
    pathname: '/p/a/t/h',
    path: '/p/a/t/h?query=string',
    href: 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  });
  assert.strictEqual(u.format(), 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash');
}

// Scheme and host are lower-cased; the path keeps its case.
assert.deepStrictEqual(parsed('HTTP://EXAMPLE.com/A?B#C'), {
  ...empty,
  protocol: 'http:',
  slashes: true,
  host: 'example.com',
  hostname: 'example.com',
  hash: '#C',
  search: '?B',
  query: 'B',
  pathname: '/A',
  path: '/A?B',
  href: 'http://example.com/A?B#C',
});

// Paths only, and '//' with and without slashesDenoteHost.
assert.deepStrictEqual(parsed('/just/path?x=1&x=2'), {
  ...empty,
  search: '?x=1&x=2',
  query: 'x=1&x=2',
  pathname: '/just/path',
  path: '/just/path?x=1&x=2',
  href: '/just/path?x=1&x=2',
});
assert.deepStrictEqual(parsed('//host/path'), {
  ...empty, pathname: '//host/path', path: '//host/path', href: '//host/path',
});
assert.deepStrictEqual(parsed('//host/p', false, true), {
  ...empty, slashes: true, host: 'host', hostname: 'host', pathname: '/p', path: '/p', href: '//host/p',
});
assert.deepStrictEqual(parsed('a.com/path'), { ...empty, pathname: 'a.com/path', path: 'a.com/path', href: 'a.com/path' });

// parseQueryString: an object with a null prototype; repeated keys are arrays.
{
  const q = url.parse('http://a.com/?x=1&y=2&x=3&z=a+b%20c', true).query;
  assert.strictEqual(Object.getPrototypeOf(q), null);
  assert.deepStrictEqual({ ...q }, { x: ['1', '3'], y: '2', z: 'a b c' });
  assert.deepStrictEqual({ ...url.parse('//host/p', true).query }, {});
  assert.deepStrictEqual({ ...url.parse('http://a.com/?', true).query }, {});
}

// Hosts: IPv6 in brackets, ports, IDNA, odd input.
{
  const v6 = url.parse('http://[::1]:3000/x');
  assert.strictEqual(v6.host, '[::1]:3000');
  assert.strictEqual(v6.hostname, '::1');
  assert.strictEqual(v6.port, '3000');
  assert.strictEqual(url.parse('http://\u00e9.com/').hostname, 'xn--9ca.com');
  assert.strictEqual(url.parse('http://a.com:/x').port, null);
  assert.strictEqual(url.parse('http://a.com:/x').href, 'http://a.com/x');
  assert.strictEqual(url.parse('ws://h:80/').port, '80');
  assert.strictEqual(url.parse('http://a_b.com/').hostname, 'a_b.com');
  // A space ends the host; the rest becomes the path.
  const sp = url.parse('http://ex ample.com');
  assert.strictEqual(sp.hostname, 'ex');
  assert.strictEqual(sp.pathname, '%20ample.com');
  // The last @ splits auth from host.
  const at = url.parse('http://a@b@c/');
  assert.strictEqual(at.auth, 'a@b');
  assert.strictEqual(at.hostname, 'c');
  assert.strictEqual(at.href, 'http://a%40b@c/');
}

// Escaping and cleanup.
assert.strictEqual(url.parse('http://a.com/with space').pathname, '/with%20space');
assert.strictEqual(url.parse('http://a.com\\b\\c').pathname, '/b/c');
assert.strictEqual(url.parse('   http://ws.com/   ').href, 'http://ws.com/');
assert.strictEqual(url.parse('http://x.com/p?q=%20a+b').query, 'q=%20a+b');
assert.strictEqual(url.parse('https://a.com?b').pathname, '/');
assert.strictEqual(url.parse('https://a.com?b').path, '/?b');
assert.strictEqual(url.parse('http://a.com#').hash, '#');
assert.strictEqual(url.parse('https://a.com/?a[]=1&a[]=2').search, '?a[]=1&a[]=2');

// Schemes without slashes.
assert.deepStrictEqual(parsed('mailto:user@example.com'), {
  ...empty,
  protocol: 'mailto:',
  auth: 'user',
  host: 'example.com',
  hostname: 'example.com',
  href: 'mailto:user@example.com',
});
assert.deepStrictEqual(parsed('javascript:void(0)'), {
  ...empty, protocol: 'javascript:', pathname: 'void(0)', path: 'void(0)', href: 'javascript:void(0)',
});
assert.deepStrictEqual(parsed('file:///etc/hosts'), {
  ...empty,
  protocol: 'file:',
  slashes: true,
  host: '',
  hostname: '',
  pathname: '/etc/hosts',
  path: '/etc/hosts',
  href: 'file:///etc/hosts',
});

assert.throws(() => url.parse(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "url" argument must be of type string. Received type number (5)',
});

// url.format from objects.
assert.strictEqual(url.format({
  protocol: 'https',
  hostname: 'a.com',
  port: 8443,
  pathname: '/x y',
  query: { a: 1, b: ['x', 'y'], c: 'é' },
  hash: 'h',
}), 'https://a.com:8443/x y?a=1&b=x&b=y&c=%C3%A9#h');
assert.strictEqual(url.format({ protocol: 'http:', host: 'a.com:80', search: 'q=1', pathname: 'rel' }),
                   'http://a.com:80/rel?q=1');
assert.strictEqual(url.format({ protocol: 'mailto', auth: 'user', hostname: 'ex.com' }), 'mailto:user@ex.com');
assert.strictEqual(url.format({ protocol: 'file', pathname: '/etc/hosts' }), 'file:///etc/hosts');
assert.strictEqual(url.format({ hostname: 'a.com', slashes: true, pathname: '/p#q?' }), '//a.com/p%23q%3F');
// search wins over query.
assert.strictEqual(url.format({ protocol: 'http', host: 'h', search: '?s=1', query: { q: 2 } }), 'http://h?s=1');
assert.strictEqual(url.format('http://a.com/x?y'), 'http://a.com/x?y');
assert.strictEqual(url.format(url.parse('http://u@h:1/p?q#f')), 'http://u@h:1/p?q#f');
assert.throws(() => url.format(5), { code: 'ERR_INVALID_ARG_TYPE' });

// url.resolve: RFC 3986 examples and a few more.
const resolves = [
  ['http://a/b/c/d;p?q', 'g', 'http://a/b/c/g'],
  ['http://a/b/c/d;p?q', '../g', 'http://a/b/g'],
  ['http://a/b/c/d;p?q', '../../../g', 'http://a/g'],
  ['http://a/b/c/d;p?q', '//g', 'http://g/'],
  ['http://a/b/c/d;p?q', '?y', 'http://a/b/c/d;p?y'],
  ['http://a/b/c/d;p?q', '#s', 'http://a/b/c/d;p?q#s'],
  ['http://a/b/c/d;p?q', '', 'http://a/b/c/d;p?q'],
  ['/one/two/three', 'four', '/one/two/four'],
  ['http://example.com/', '/one', 'http://example.com/one'],
  ['http://example.com/one', '/two', 'http://example.com/two'],
  ['http://a/', 'https://b/c', 'https://b/c'],
  ['mailto:a@b', 'c', 'mailto:a@c'],
  ['http://a/b', '.', 'http://a/'],
  ['http://a/b/', '..', 'http://a/'],
];
for (const [from, to, expected] of resolves) {
  assert.strictEqual(url.resolve(from, to), expected, `resolve(${from}, ${to})`);
}
assert.strictEqual(url.resolveObject('http://a/b', '../c').href, 'http://a/c');
