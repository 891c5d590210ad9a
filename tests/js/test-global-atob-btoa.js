'use strict';
// atob / btoa: round trips, whitespace and padding rules, and the
// InvalidCharacterError DOMException for bad input. Expected values are Node 20's.
const assert = require('assert');

const btoaCases = [
  ['', ''], ['a', 'YQ=='], ['ab', 'YWI='], ['abc', 'YWJj'], ['abcd', 'YWJjZA=='],
  ['Hello, World!', 'SGVsbG8sIFdvcmxkIQ=='], ['\x00\xff\x80', 'AP+A'], ['\xff', '/w=='],
  // Non-strings are converted with String().
  [123, 'MTIz'], [null, 'bnVsbA=='], [undefined, 'dW5kZWZpbmVk'], [true, 'dHJ1ZQ=='], [[1, 2], 'MSwy'],
  [{}, 'W29iamVjdCBPYmplY3Rd'],
];
for (const [input, expected] of btoaCases) assert.strictEqual(btoa(input), expected, `btoa(${String(input)})`);

function isInvalidChar(message) {
  return (e) => {
    assert.ok(e instanceof DOMException);
    assert.strictEqual(e.name, 'InvalidCharacterError');
    assert.strictEqual(e.code, 5);
    assert.strictEqual(e.message, message);
    return true;
  };
}
// Code points above U+00FF cannot be encoded.
for (const bad of ['\u0100', '😀', 'abc\u20ac']) assert.throws(() => btoa(bad), isInvalidChar('Invalid character'));

const atobCases = [
  ['', ''], ['YQ==', 'a'], ['YQ', 'a'], ['YWI=', 'ab'], ['YWI', 'ab'], ['YWJj', 'abc'],
  // ASCII whitespace (space, tab, LF, FF, CR) is removed anywhere.
  [' Y W J j ', 'abc'], ['YW\nJj', 'abc'], ['YW\tJ\fj\r', 'abc'], ['YQ==\n', 'a'], ['YWI =', 'ab'],
  ['+/8=', '\xfb\xff'], ['//8=', '\xff\xff'], ['AA==', '\x00'],
  // Non-zero trailing bits are ignored.
  ['ab==', 'i'], ['abc=', 'i\xb7'], ['YR==', 'a'],
  // Non-strings are converted with String().
  [null, '\x9e\xe9e'], [12, '\xd7'],
];
for (const [input, expected] of atobCases) assert.strictEqual(atob(input), expected, `atob(${JSON.stringify(input)})`);

const invalidChar = ['YQ=', 'YQ===', '=', '==', 'YQ==YQ==', 'Y=Q=', 'YWJ=j', '-_', 'YQ\u00a0', '!!!', '\u0000',
                     '\vYQ==', 'ab=c', 'abcde==='];
for (const input of invalidChar) assert.throws(() => atob(input), isInvalidChar('Invalid character'), JSON.stringify(input));
// A length of 1 mod 4 after removing whitespace.
for (const input of ['Y', 'YWJjZ', undefined]) {
  assert.throws(() => atob(input), isInvalidChar('The string to be decoded is not correctly encoded.'), String(input));
}

// Both require an argument.
assert.throws(() => atob(), { name: 'TypeError', code: 'ERR_MISSING_ARGS', message: 'The "input" argument must be specified' });
assert.throws(() => btoa(), { name: 'TypeError', code: 'ERR_MISSING_ARGS', message: 'The "input" argument must be specified' });
assert.strictEqual(atob.length, 1);
assert.strictEqual(btoa.length, 1);

// Every byte value survives a round trip, and matches Buffer's base64.
{
  const all = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
  const encoded = btoa(all);
  assert.strictEqual(encoded, Buffer.from(all, 'latin1').toString('base64'));
  assert.strictEqual(atob(encoded), all);
}
