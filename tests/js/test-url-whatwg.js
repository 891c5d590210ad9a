'use strict';
// WHATWG URL and URLSearchParams: parsing, normalisation, hosts (IPv4
// forms, IPv6, IDNA), relative resolution, setters, search params, file
// URLs and the url module helpers around them.
require('../common');
const assert = require('assert');
const url = require('url');
const util = require('util');

assert.strictEqual(url.URL, URL);
assert.strictEqual(url.URLSearchParams, URLSearchParams);

function parts(input, base) {
  const u = new URL(input, base);
  return {
    href: u.href,
    origin: u.origin,
    protocol: u.protocol,
    username: u.username,
    password: u.password,
    host: u.host,
    hostname: u.hostname,
    port: u.port,
    pathname: u.pathname,
    search: u.search,
    hash: u.hash,
  };
}

// Components, with percent-encoding and dot segments.
assert.deepStrictEqual(parts('https://user:pa ss@Example.COM:443/a/./b/../c%7e?q=1&r=a b#frag ment'), {
  href: 'https://user:pa%20ss@example.com/a/c%7e?q=1&r=a%20b#frag%20ment',
  origin: 'https://example.com',
  protocol: 'https:',
  username: 'user',
  password: 'pa%20ss',
  host: 'example.com',
  hostname: 'example.com',
  port: '',
  pathname: '/a/c%7e',
  search: '?q=1&r=a%20b',
  hash: '#frag%20ment',
});
assert.deepStrictEqual(parts('http://example.com:8080'), {
  href: 'http://example.com:8080/',
  origin: 'http://example.com:8080',
  protocol: 'http:',
  username: '',
  password: '',
  host: 'example.com:8080',
  hostname: 'example.com',
  port: '8080',
  pathname: '/',
  search: '',
  hash: '',
});

const href = (input, base) => new URL(input, base).href;

// Default ports are dropped; schemes and hosts are lower-cased.
assert.strictEqual(href('HTTP://[::1]:80/x'), 'http://[::1]/x');
assert.strictEqual(href('wss://h:443/'), 'wss://h/');
assert.strictEqual(href('ftp://h:21/'), 'ftp://h/');
assert.strictEqual(href('ws://h:443/'), 'ws://h:443/');

// Hosts: IPv6, IPv4 in its other spellings, IDNA, percent-decoding.
{
  const v6 = new URL('http://[2001:DB8:0:0::1]:3000/');
  assert.strictEqual(v6.host, '[2001:db8::1]:3000');
  assert.strictEqual(v6.hostname, '[2001:db8::1]');
  assert.strictEqual(v6.port, '3000');
  assert.strictEqual(href('http://[::ffff:192.168.0.1]/'), 'http://[::ffff:c0a8:1]/');
  assert.strictEqual(href('http://192.168.0.1./'), 'http://192.168.0.1/');
  assert.strictEqual(href('http://0x7f.1/'), 'http://127.0.0.1/');
  assert.strictEqual(href('http://127.1/'), 'http://127.0.0.1/');
  assert.strictEqual(href('http://999999999/'), 'http://59.154.201.255/');
  assert.strictEqual(href('http://a.b.c.d.e/'), 'http://a.b.c.d.e/');
  assert.strictEqual(href('http://%41.com/'), 'http://a.com/');
  assert.strictEqual(href('http://münchen.de/'), 'http://xn--mnchen-3ya.de/');
  assert.strictEqual(href('http://xn--mnchen-3ya.de/'), 'http://xn--mnchen-3ya.de/');
  // Non-special schemes keep an opaque host, percent-encoded.
  assert.strictEqual(href('sc://ñ.test/'), 'sc://%C3%B1.test/');
  assert.strictEqual(new URL('non-special://host/p?q#h').origin, 'null');
}

// Paths, queries and fragments are percent-encoded as their sets say.
assert.strictEqual(href('http://EXAMPLE.com/ä?ä#ä'), 'http://example.com/%C3%A4?%C3%A4#%C3%A4');
assert.strictEqual(href('http://a/%zz'), 'http://a/%zz');
assert.strictEqual(href('https://a/b?c=%20d+e'), 'https://a/b?c=%20d+e');
assert.strictEqual(href('http://a/\\b\\c'), 'http://a//b/c');
assert.strictEqual(href('http:\\\\a\\b'), 'http://a/b');
assert.strictEqual(href('  http://trim.me/  '), 'http://trim.me/');
assert.strictEqual(href('http://a/\t\nb'), 'http://a/b');
assert.strictEqual(href('https://a@b@c/'), 'https://a%40b@c/');

// Opaque and special schemes.
assert.strictEqual(new URL('file:///etc/passwd').origin, 'null');
assert.strictEqual(new URL('file://host/share').host, 'host');
assert.strictEqual(new URL('mailto:a@b.c').pathname, 'a@b.c');
assert.strictEqual(new URL('data:text/plain,hi').pathname, 'text/plain,hi');
assert.strictEqual(new URL('blob:https://a/b').origin, 'https://a');
assert.strictEqual(new URL('javascript:alert(1)').protocol, 'javascript:');

// Relative references against a base (as a client resolves Location).
assert.strictEqual(href('../x', 'http://a/b/c/d'), 'http://a/b/x');
assert.strictEqual(href('/y?z', 'http://a/b'), 'http://a/y?z');
assert.strictEqual(href('//other/p', 'https://a/'), 'https://other/p');
assert.strictEqual(href('?q', 'http://a/b#h'), 'http://a/b?q');
assert.strictEqual(href('#h2', 'http://a/b?q'), 'http://a/b?q#h2');
assert.strictEqual(href('', 'http://a/b?c#d'), 'http://a/b?c');
assert.strictEqual(href('g;x=1/../y', 'http://a/b/c/d;p?q'), 'http://a/b/c/y');
assert.strictEqual(href('https://abs/', 'http://a/'), 'https://abs/');
assert.strictEqual(href('x', new URL('http://base/dir/')), 'http://base/dir/x');

// Invalid input: TypeError with code ERR_INVALID_URL and the input.
for (const bad of ['http://a b/', 'foo', 'http://', 'http://a:99999/', 'http://[::1/', 'http://1.2.3.4.5/',
                   'http://user@/']) {
  assert.throws(() => new URL(bad), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.code, 'ERR_INVALID_URL');
    assert.strictEqual(err.message, 'Invalid URL');
    assert.strictEqual(err.input, bad);
    return true;
  });
}
assert.throws(() => new URL('x', 'mailto:a@b'), { code: 'ERR_INVALID_URL', input: 'x' });
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS', name: 'TypeError' });
assert.strictEqual(URL.canParse('x', 'http://a'), true);
assert.strictEqual(URL.canParse('x'), false);
assert.strictEqual(URL.canParse('http://[::1]:8080'), true);

// Objects are stringified; a URL copies a URL.
assert.strictEqual(href(new URL('http://x/y')), 'http://x/y');
assert.strictEqual(href({ toString() { return 'http://obj/'; } }), 'http://obj/');

// Setters.
{
  const u = new URL('http://a/b?x=1');
  u.port = '8080';
  u.hash = 'h';
  u.search = '?y=2 3';
  u.pathname = '/p q';
  u.username = 'u@';
  u.password = 'p:';
  u.hostname = 'B.com';
  u.protocol = 'https';
  assert.strictEqual(u.href, 'https://u%40:p%3A@b.com:8080/p%20q?y=2%203#h');
  u.port = '443';
  assert.strictEqual(u.href, 'https://u%40:p%3A@b.com/p%20q?y=2%203#h');
  assert.strictEqual(u.port, '');
  u.protocol = 'ftp';
  assert.strictEqual(u.href, 'ftp://u%40:p%3A@b.com/p%20q?y=2%203#h');
  u.port = '';
  u.host = 'c.com:99';
  assert.strictEqual(u.href, 'ftp://u%40:p%3A@c.com:99/p%20q?y=2%203#h');
  // Invalid values are ignored.
  u.port = 'abc';
  assert.strictEqual(u.port, '99');
  u.port = '70000';
  assert.strictEqual(u.port, '99');
  u.port = '81abc';
  assert.strictEqual(u.port, '81');
  u.protocol = 'not a scheme';
  assert.strictEqual(u.protocol, 'ftp:');
  // A special scheme does not become a non-special one.
  u.protocol = 'foo';
  assert.strictEqual(u.protocol, 'ftp:');
  u.hash = '';
  u.search = '';
  assert.strictEqual(u.href, 'ftp://u%40:p%3A@c.com:81/p%20q');
  u.href = 'http://z/';
  assert.strictEqual(u.href, 'http://z/');
  assert.throws(() => { u.href = 'bad'; }, { code: 'ERR_INVALID_URL', input: 'bad' });
  assert.strictEqual(u.toString(), 'http://z/');
  assert.strictEqual(u.toJSON(), 'http://z/');
  assert.strictEqual(JSON.stringify({ u }), '{"u":"http://z/"}');
  assert.strictEqual(`${u}`, 'http://z/');
  // origin is read-only.
  assert.throws(() => { 'use strict'; u.origin = 'http://x'; }, TypeError);
}

// URLSearchParams.
{
  const sp = new URLSearchParams('a=1&b=2&a=3&c=%20x+y&d');
  assert.strictEqual(sp.get('a'), '1');
  assert.deepStrictEqual(sp.getAll('a'), ['1', '3']);
  assert.strictEqual(sp.get('c'), ' x y');
  assert.strictEqual(sp.get('d'), '');
  assert.strictEqual(sp.get('zz'), null);
  assert.strictEqual(sp.has('b'), true);
  assert.strictEqual(sp.has('a', '3'), true);
  assert.strictEqual(sp.has('a', '4'), false);
  assert.strictEqual(sp.size, 5);
  sp.append('e', 'é &=');
  sp.set('a', 'only');
  sp.delete('b');
  sp.sort();
  assert.strictEqual(sp.toString(), 'a=only&c=+x+y&d=&e=%C3%A9+%26%3D');
  assert.deepStrictEqual([...sp.keys()], ['a', 'c', 'd', 'e']);
  assert.deepStrictEqual([...sp.values()], ['only', ' x y', '', 'é &=']);
  assert.deepStrictEqual([...sp], [['a', 'only'], ['c', ' x y'], ['d', ''], ['e', 'é &=']]);
  assert.deepStrictEqual([...sp.entries()], [...sp]);
  const seen = [];
  sp.forEach((v, k, obj) => {
    assert.strictEqual(obj, sp);
    seen.push(k);
  });
  assert.deepStrictEqual(seen, ['a', 'c', 'd', 'e']);
  sp.delete('c', 'no');
  assert.strictEqual(sp.has('c'), true);
  sp.delete('c', ' x y');
  assert.strictEqual(sp.has('c'), false);

  assert.strictEqual(new URLSearchParams({ x: '1', y: ['a', 'b'] }).toString(), 'x=1&y=a%2Cb');
  assert.strictEqual(new URLSearchParams([['k', 'v'], ['k', 'w']]).toString(), 'k=v&k=w');
  assert.strictEqual(new URLSearchParams('?q=1').toString(), 'q=1');
  assert.strictEqual(new URLSearchParams(new Map([['m', '1']])).toString(), 'm=1');
  assert.strictEqual(new URLSearchParams('a=%F0%9F%98%80&b=%zz&c=\uD800').toString(),
                     'a=%F0%9F%98%80&b=%25zz&c=%EF%BF%BD');
  assert.strictEqual(new URLSearchParams('a=%F0%9F%98%80').get('a'), '😀');
  assert.throws(() => new URLSearchParams([['a']]), { code: 'ERR_INVALID_TUPLE', name: 'TypeError' });
  // Stable sort by key code units.
  const s = new URLSearchParams('z=1&a=2&z=0&b=3&a=1');
  s.sort();
  assert.strictEqual(s.toString(), 'a=2&a=1&b=3&z=1&z=0');
}

// A URL's searchParams and search are one.
{
  const u = new URL('http://h/?a=1');
  const sp = u.searchParams;
  assert.strictEqual(u.searchParams, sp);
  sp.append('b', 'x y');
  assert.strictEqual(u.href, 'http://h/?a=1&b=x+y');
  assert.strictEqual(u.search, '?a=1&b=x+y');
  u.search = '?c=3';
  assert.strictEqual(sp.get('c'), '3');
  assert.strictEqual(sp.has('a'), false);
  u.search = '';
  assert.strictEqual(sp.toString(), '');
  assert.strictEqual(u.href, 'http://h/');
  sp.set('q', 'search term');
  assert.strictEqual(u.href, 'http://h/?q=search+term');
  sp.delete('q');
  assert.strictEqual(u.href, 'http://h/');
}

// inspect and toStringTag.
assert.strictEqual(util.inspect(new URL('http://a/b')),
                   "URL {\n  href: 'http://a/b',\n  origin: 'http://a',\n  protocol: 'http:',\n" +
                   "  username: '',\n  password: '',\n  host: 'a',\n  hostname: 'a',\n  port: '',\n" +
                   "  pathname: '/b',\n  search: '',\n  searchParams: URLSearchParams {},\n  hash: ''\n}");
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2')), "URLSearchParams { 'a' => '1', 'b' => '2' }");
assert.strictEqual(Object.prototype.toString.call(new URL('http://a')), '[object URL]');
assert.strictEqual(typeof URL.createObjectURL, 'function');

// File URLs and paths.
assert.strictEqual(url.fileURLToPath('file:///tmp/a%20b/c'), '/tmp/a b/c');
assert.strictEqual(url.fileURLToPath(new URL('file://localhost/etc/hosts')), '/etc/hosts');
assert.throws(() => url.fileURLToPath(new URL('file:///x/%2F')), { code: 'ERR_INVALID_FILE_URL_PATH' });
assert.throws(() => url.fileURLToPath('http://a/'), { code: 'ERR_INVALID_URL_SCHEME' });
assert.throws(() => url.fileURLToPath('file://host/a'), { code: 'ERR_INVALID_FILE_URL_HOST' });
assert.throws(() => url.fileURLToPath(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(url.pathToFileURL('/tmp/a b#c?d%e').href, 'file:///tmp/a%20b%23c%3Fd%25e');
assert.strictEqual(url.pathToFileURL('/dir/').href, 'file:///dir/');
assert.strictEqual(url.pathToFileURL('rel/x').href, `file://${process.cwd()}/rel/x`);

// url helpers.
assert.deepStrictEqual({ ...url.urlToHttpOptions(new URL('https://u:p@a.com:8443/p?q#h')) }, {
  protocol: 'https:',
  hostname: 'a.com',
  hash: '#h',
  search: '?q',
  pathname: '/p',
  path: '/p?q',
  href: 'https://u:p@a.com:8443/p?q#h',
  port: 8443,
  auth: 'u:p',
});
assert.strictEqual(url.urlToHttpOptions(new URL('http://[::1]:99/')).hostname, '::1');
assert.strictEqual(url.format(new URL('https://u:p@a.com/p?q#h'), { auth: false, search: false, fragment: false }),
                   'https://a.com/p');
assert.strictEqual(url.format(new URL('http://xn--mnchen-3ya.de/'), { unicode: true }), 'http://münchen.de/');
assert.strictEqual(url.domainToASCII('münchen.de'), 'xn--mnchen-3ya.de');
assert.strictEqual(url.domainToUnicode('xn--mnchen-3ya.de'), 'münchen.de');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
