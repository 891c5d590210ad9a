'use strict';
// string_decoder: multi-byte sequences split across writes (UTF-8, UTF-16LE
// surrogate pairs), invalid bytes, base64/hex chunking, end(). Expected
// outputs are Node 20's.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

// [encoding, chunks written one by one, argument to end() or null,
//  [result of each write..., result of end()]]
const cases = [
  ["utf8", [[226], [130], [172]], null, ["", "", "\u20ac", ""]],
  ["utf8", [[226, 130], [172, 65]], null, ["", "\u20acA", ""]],
  ["utf8", [[240, 159], [152, 128]], null, ["", "\ud83d\ude00", ""]],
  ["utf8", [[240], [159], [152], [128]], null, ["", "", "", "\ud83d\ude00", ""]],
  ["utf8", [[97, 240, 159, 152]], null, ["a", "\ufffd"]],
  ["utf8", [[226, 130]], null, ["", "\ufffd"]],
  ["utf8", [[226]], [130, 172], ["", "\u20ac"]],
  ["utf8", [[255, 65]], null, ["\ufffdA", ""]],
  ["utf8", [[195], [65]], null, ["", "\ufffdA", ""]],
  ["utf8", [[226, 130], [65]], null, ["", "\ufffdA", ""]],
  ["utf8", [[237, 160, 128]], null, ["\ufffd\ufffd\ufffd", ""]],
  ["utf8", [[192, 128]], null, ["\ufffd\ufffd", ""]],
  ["utf8", [[244, 144, 128, 128]], null, ["\ufffd\ufffd\ufffd\ufffd", ""]],
  ["utf8", [[128, 128]], null, ["\ufffd\ufffd", ""]],
  ["utf8", [[240, 159, 152], [128, 240, 159], [152, 129]], null, ["", "\ud83d\ude00", "\ud83d\ude01", ""]],
  ["utf8", [[]], null, ["", ""]],
  ["utf8", [[226, 130], []], null, ["", "", "\ufffd"]],
  ["utf16le", [[97, 0, 98]], null, ["a", ""]],
  ["utf16le", [[97], [0], [98, 0]], null, ["", "a", "b", ""]],
  ["utf16le", [[61, 216], [0, 222]], null, ["", "\ud83d\ude00", ""]],
  ["utf16le", [[61, 216, 0], [222]], null, ["\ud83d", "\ude00", ""]],
  ["utf16le", [[61], [216], [0], [222]], null, ["", "\ud83d", "", "\ude00", ""]],
  ["utf16le", [[61, 216]], null, ["", "\ud83d"]],
  ["utf16le", [[97]], null, ["", ""]],
  ["ucs2", [[97, 0]], null, ["a", ""]],
  ["base64", [[97], [98], [99], [100]], null, ["", "", "YWJj", "", "ZA=="]],
  ["base64", [[97, 98, 99, 100]], null, ["YWJj", "ZA=="]],
  ["base64", [[97, 98]], null, ["", "YWI="]],
  ["base64", [[97, 98, 99, 100, 101], [102]], null, ["YWJj", "ZGVm", ""]],
  ["base64url", [[251, 255]], null, ["", "-_8"]],
  ["base64url", [[251], [255, 254, 1]], null, ["", "-__-", "AQ"]],
  ["hex", [[1, 171], [255]], null, ["01ab", "ff", ""]],
  ["latin1", [[233, 65]], null, ["\u00e9A", ""]],
  ["ascii", [[233, 65]], null, ["iA", ""]],
  ["binary", [[255]], null, ["\u00ff", ""]],
];
for (const [enc, chunks, endArg, expected] of cases) {
  const d = new StringDecoder(enc);
  const actual = chunks.map((c) => d.write(Buffer.from(c)));
  actual.push(endArg === null ? d.end() : d.end(Buffer.from(endArg)));
  assert.deepStrictEqual(actual, expected, `${enc} ${JSON.stringify(chunks)}`);
}

// Every split point of a mixed UTF-8 string gives back the same text.
{
  const text = 'aé€😀z\u0800\u{10FFFF}';
  const buf = Buffer.from(text);
  for (let i = 0; i <= buf.length; i++) {
    for (let j = i; j <= buf.length; j++) {
      const d = new StringDecoder('utf8');
      const s = d.write(buf.subarray(0, i)) + d.write(buf.subarray(i, j)) + d.write(buf.subarray(j)) + d.end();
      assert.strictEqual(s, text, `split at ${i}/${j}`);
    }
  }
  // Byte at a time.
  const d = new StringDecoder('utf8');
  let s = '';
  for (const byte of buf) s += d.write(Buffer.from([byte]));
  assert.strictEqual(s + d.end(), text);
}

// The same for UTF-16LE with surrogate pairs, and base64 / hex.
for (const enc of ['utf16le', 'base64', 'base64url', 'hex']) {
  const text = enc === 'utf16le' ? 'a😀b\u{1F600}' : null;
  const buf = text ? Buffer.from(text, 'utf16le') : Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255]);
  const expected = text || buf.toString(enc);
  for (let i = 0; i <= buf.length; i++) {
    const d = new StringDecoder(enc);
    const s = d.write(buf.subarray(0, i)) + d.write(buf.subarray(i)) + d.end();
    assert.strictEqual(s, expected, `${enc} split at ${i}`);
  }
}

// Encoding names are normalised; unknown ones throw.
const names = [
  [undefined, 'utf8'], ['utf8', 'utf8'], ['UTF-8', 'utf8'], ['ucs2', 'utf16le'], ['UTF16LE', 'utf16le'],
  ['utf-16le', 'utf16le'], ['binary', 'latin1'], ['latin1', 'latin1'], ['base64', 'base64'],
  ['BASE64URL', 'base64url'], ['hex', 'hex'], ['ascii', 'ascii'],
];
for (const [given, normalised] of names) {
  assert.strictEqual(new StringDecoder(given).encoding, normalised);
}
assert.throws(() => new StringDecoder('nope'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: nope',
});

// write() argument handling.
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write('already a string'), 'already a string');
  assert.throws(() => d.write(null), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received null',
  });
  assert.throws(() => d.write(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received type number (5)',
  });
  assert.strictEqual(d.write(new Uint8Array([0x68, 0x69])), 'hi');
  assert.strictEqual(d.write(new DataView(new Uint8Array([0x21]).buffer)), '!');
  assert.strictEqual(d.end(), '');
  assert.strictEqual(d.end(), '');
}

// end() flushes a partial character and resets the decoder.
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe2])), '');
  assert.strictEqual(d.end(), '\ufffd');
  assert.strictEqual(d.write(Buffer.from('ok')), 'ok');
}

// lastNeed / lastTotal / lastChar expose the pending partial character.
{
  const d = new StringDecoder('utf8');
  d.write(Buffer.from([0xe2, 0x82]));
  assert.strictEqual(d.lastNeed, 1);
  assert.strictEqual(d.lastTotal, 3);
  assert.deepStrictEqual(Array.from(d.lastChar), [0xe2, 0x82, 0, 0]);
}

// text(buf, offset) decodes from an offset.
assert.strictEqual(new StringDecoder().text(Buffer.from('abc'), 1), 'bc');
