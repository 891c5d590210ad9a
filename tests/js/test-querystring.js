'use strict';
// querystring: parse and stringify with Node's rules (repeated keys,
// separators, maxKeys, custom codecs, malformed escapes), escape/unescape.
require('../common');
const assert = require('assert');
const qs = require('querystring');

assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);

// parse() returns an object with a null prototype.
function parse(...args) {
  const r = qs.parse(...args);
  assert.strictEqual(Object.getPrototypeOf(r), null);
  return { ...r };
}

assert.deepStrictEqual(parse('a=1&b=2&a=3'), { a: ['1', '3'], b: '2' });
assert.deepStrictEqual(parse('a=1&a=2&a=3').a, ['1', '2', '3']);
assert.deepStrictEqual(parse('a=%20b+c&d=%zz&f'), { a: ' b c', d: '%zz', f: '' });
assert.deepStrictEqual(parse('&&a=&=b&c'), { a: '', '': 'b', c: '' });
assert.deepStrictEqual(parse('a[]=1&a[]=2'), { 'a[]': ['1', '2'] });
assert.deepStrictEqual(parse('a=%F0%9F%98%80'), { a: '😀' });
assert.deepStrictEqual(parse('%61=%62'), { a: 'b' });
assert.deepStrictEqual(parse('a=b=c'), { a: 'b=c' });
assert.deepStrictEqual(parse(' a = b '), { ' a ': ' b ' });
// Invalid UTF-8 in escapes decodes to U+FFFD.
assert.deepStrictEqual(parse('e=%E4%F6'), { e: '\ufffd\ufffd' });
// Keys that are Object.prototype names are plain keys.
{
  const r = qs.parse('__proto__=1&hasOwnProperty=2&constructor=3');
  assert.deepStrictEqual(Object.keys(r), ['__proto__', 'hasOwnProperty', 'constructor']);
  assert.strictEqual(r.hasOwnProperty, '2');
  assert.strictEqual(Object.getOwnPropertyDescriptor(r, '__proto__').value, '1');
}
// Not a string, or empty: an empty object.
assert.deepStrictEqual(parse(5), {});
assert.deepStrictEqual(parse(''), {});

// Separators.
assert.deepStrictEqual(parse('x=1;y=2'), { x: '1;y=2' });
assert.deepStrictEqual(parse('x=1;y=2', ';'), { x: '1', y: '2' });
assert.deepStrictEqual(parse('a:1,b:2', ',', ':'), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a=1&&b=2', '&&'), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a==1', null, '=='), { a: '1' });

// maxKeys: 1000 by default, 0 for no limit.
assert.deepStrictEqual(parse('a=1&b=2&c=3&d=4', null, null, { maxKeys: 2 }), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a=1&b=2', null, null, { maxKeys: 0 }), { a: '1', b: '2' });
{
  const many = Array.from({ length: 1500 }, (_, i) => `k${i}=${i}`).join('&');
  assert.strictEqual(Object.keys(qs.parse(many)).length, 1000);
  assert.strictEqual(Object.keys(qs.parse(many, null, null, { maxKeys: 0 })).length, 1500);
}

// A custom decoder.
assert.deepStrictEqual(parse('a=%41&B=x', null, null, { decodeURIComponent: (s) => s.toLowerCase() }),
                       { a: '%41', b: 'x' });

// stringify: values by type.
assert.strictEqual(
  qs.stringify({ a: 1, b: [2, 3], c: 'x y', d: 'é', e: true, f: null, g: undefined, h: {}, i: NaN, j: 1n, k: '~!*()\'' }),
  "a=1&b=2&b=3&c=x%20y&d=%C3%A9&e=true&f=&g=&h=&i=&j=1&k=~!*()'");
assert.strictEqual(qs.stringify({ a: Infinity, b: -0 }), 'a=&b=0');
assert.strictEqual(qs.stringify({ a: [] }), '');
assert.strictEqual(qs.stringify({ a: [1, [2]] }), 'a=1&a=');
assert.strictEqual(qs.stringify({ a: 1, b: 2 }, ';', ':'), 'a:1;b:2');
assert.strictEqual(qs.stringify({ 'k y': '\ud83d\ude00' }), 'k%20y=%F0%9F%98%80');
assert.strictEqual(qs.stringify({ w: 'a b' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }), 'W=A B');
assert.strictEqual(qs.stringify('str'), '');
assert.strictEqual(qs.stringify(), '');
assert.throws(() => qs.stringify({ bad: '\ud800' }), { code: 'ERR_INVALID_URI', name: 'URIError', message: 'URI malformed' });

// Round trip of what a form post carries.
{
  const form = { user: 'jörg', msg: 'a&b=c d+e', tags: ['x', 'y z'] };
  assert.deepStrictEqual(parse(qs.stringify(form)), form);
}

// escape / unescape / unescapeBuffer.
assert.strictEqual(qs.escape('a b&c/d?é'), 'a%20b%26c%2Fd%3F%C3%A9');
assert.strictEqual(qs.escape(5), '5');
assert.strictEqual(qs.unescape('a%20b+c%zz'), 'a b+c%zz');
assert.strictEqual(qs.unescapeBuffer('a%20b%ff').toString('hex'), '612062ff');
assert.strictEqual(qs.unescapeBuffer('a+b', true).toString(), 'a b');
// escape/unescape can be replaced, and parse/stringify use the replacement.
{
  const orig = qs.unescape;
  qs.unescape = (s) => `<${s}>`;
  try {
    assert.deepStrictEqual(parse('a=b'), { '<a>': '<b>' });
  } finally {
    qs.unescape = orig;
  }
  assert.deepStrictEqual(parse('a=b'), { a: 'b' });
}
