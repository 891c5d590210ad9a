'use strict';
// TextEncoder / TextDecoder: encode, encodeInto, labels, fatal, ignoreBOM,
// stream mode, input types, and errors.
const assert = require('assert');

// TextEncoder.
{
  const enc = new TextEncoder();
  assert.strictEqual(enc.encoding, 'utf-8');
  assert.deepStrictEqual(enc.encode('aé€😀'), new Uint8Array([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]));
  assert.deepStrictEqual(enc.encode(), new Uint8Array(0));
  assert.deepStrictEqual(enc.encode(''), new Uint8Array(0));
  assert.ok(enc.encode('x') instanceof Uint8Array);
  assert.ok(!Buffer.isBuffer(enc.encode('x')));
  // Lone surrogates become U+FFFD; non-strings are stringified.
  assert.deepStrictEqual(enc.encode('\ud800'), new Uint8Array([0xef, 0xbf, 0xbd]));
  assert.deepStrictEqual(enc.encode('a\udc00b'), new Uint8Array([0x61, 0xef, 0xbf, 0xbd, 0x62]));
  assert.deepStrictEqual(enc.encode(123), new Uint8Array([0x31, 0x32, 0x33]));
  assert.deepStrictEqual(enc.encode(null), new Uint8Array([0x6e, 0x75, 0x6c, 0x6c]));
  assert.strictEqual(Object.prototype.toString.call(enc), '[object TextEncoder]');
}

// encodeInto: read/written counts; never splits a character.
{
  const enc = new TextEncoder();
  const dest = new Uint8Array(5);
  assert.deepStrictEqual(enc.encodeInto('a€b', dest), { read: 3, written: 5 });
  assert.deepStrictEqual(Array.from(dest), [0x61, 0xe2, 0x82, 0xac, 0x62]);
  const small = new Uint8Array(3);
  assert.deepStrictEqual(enc.encodeInto('a€', small), { read: 1, written: 1 });
  assert.deepStrictEqual(Array.from(small), [0x61, 0, 0]);
  // Surrogate pair: read counts UTF-16 code units (2 for one emoji).
  const four = new Uint8Array(4);
  assert.deepStrictEqual(enc.encodeInto('😀x', four), { read: 2, written: 4 });
  assert.deepStrictEqual(enc.encodeInto('', new Uint8Array(0)), { read: 0, written: 0 });
  // Into a view at an offset.
  const backing = new Uint8Array(6);
  enc.encodeInto('hi', backing.subarray(2));
  assert.deepStrictEqual(Array.from(backing), [0, 0, 0x68, 0x69, 0, 0]);
  assert.throws(() => enc.encodeInto('x', []), { name: 'TypeError' });
}

// TextDecoder basics and labels.
{
  const dec = new TextDecoder();
  assert.strictEqual(dec.encoding, 'utf-8');
  assert.strictEqual(dec.fatal, false);
  assert.strictEqual(dec.ignoreBOM, false);
  assert.strictEqual(dec.decode(new Uint8Array([0x61, 0xc3, 0xa9])), 'aé');
  assert.strictEqual(dec.decode(), '');
  assert.strictEqual(dec.decode(new Uint8Array([0x68, 0x69]).buffer), 'hi');  // ArrayBuffer
  assert.strictEqual(dec.decode(new DataView(new Uint8Array([0x68, 0x69]).buffer)), 'hi');
  assert.strictEqual(dec.decode(Buffer.from('buf')), 'buf');
  // A view's offset is respected.
  assert.strictEqual(dec.decode(new Uint8Array([0x61, 0x62, 0x63]).subarray(1, 2)), 'b');
  assert.throws(() => dec.decode('string'), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });

  for (const [label, name] of [['utf8', 'utf-8'], ['UTF-8', 'utf-8'], [' utf-8 ', 'utf-8'], ['unicode-1-1-utf-8', 'utf-8'],
                               ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['latin1', 'windows-1252'], ['ascii', 'windows-1252']]) {
    assert.strictEqual(new TextDecoder(label).encoding, name, label);
  }
  assert.throws(() => new TextDecoder('no-such-encoding'), {
    code: 'ERR_ENCODING_NOT_SUPPORTED',
    name: 'RangeError',
    message: 'The "no-such-encoding" encoding is not supported',
  });
  assert.strictEqual(Object.prototype.toString.call(dec), '[object TextDecoder]');
}

// Invalid input: replacement by default, TypeError with fatal.
{
  const dec = new TextDecoder();
  assert.strictEqual(dec.decode(new Uint8Array([0x61, 0xff, 0x62])), 'a\ufffdb');
  assert.strictEqual(dec.decode(new Uint8Array([0xe2, 0x82])), '\ufffd');
  assert.strictEqual(dec.decode(new Uint8Array([0xed, 0xa0, 0x80])), '\ufffd\ufffd\ufffd');
  const fatal = new TextDecoder('utf-8', { fatal: true });
  assert.strictEqual(fatal.fatal, true);
  assert.strictEqual(fatal.decode(new Uint8Array([0x61])), 'a');
  assert.throws(() => fatal.decode(new Uint8Array([0x61, 0xff])), {
    code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
    name: 'TypeError',
    message: 'The encoded data was not valid for encoding utf-8',
  });
  assert.throws(() => fatal.decode(new Uint8Array([0xe2, 0x82])), { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
}

// BOM handling.
{
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
  assert.strictEqual(new TextDecoder().decode(withBom), 'a');
  assert.strictEqual(new TextDecoder('utf-8', { ignoreBOM: true }).decode(withBom), '\ufeffa');
  assert.strictEqual(new TextDecoder('utf-8', { ignoreBOM: true }).ignoreBOM, true);
  // Only a leading BOM is stripped.
  assert.strictEqual(new TextDecoder().decode(new Uint8Array([0x61, 0xef, 0xbb, 0xbf])), 'a\ufeff');
  // The BOM is stripped once per stream, at the start.
  const d = new TextDecoder();
  assert.strictEqual(d.decode(new Uint8Array([0xef, 0xbb]), { stream: true }), '');
  assert.strictEqual(d.decode(new Uint8Array([0xbf, 0x62]), { stream: true }), 'b');
  assert.strictEqual(d.decode(new Uint8Array([0xef, 0xbb, 0xbf])), '\ufeff');
  // After a non-stream decode the decoder resets, so the BOM is stripped again.
  assert.strictEqual(d.decode(withBom), 'a');
}

// Streaming: a character split across calls.
{
  const d = new TextDecoder();
  const bytes = new TextEncoder().encode('€😀');
  let out = '';
  for (const b of bytes) out += d.decode(new Uint8Array([b]), { stream: true });
  out += d.decode();
  assert.strictEqual(out, '€😀');
  // An incomplete sequence at the final flush becomes U+FFFD.
  assert.strictEqual(d.decode(new Uint8Array([0xf0, 0x9f]), { stream: true }), '');
  assert.strictEqual(d.decode(), '\ufffd');
  // With fatal, an incomplete sequence at the end throws.
  const f = new TextDecoder('utf-8', { fatal: true });
  assert.strictEqual(f.decode(new Uint8Array([0xe2]), { stream: true }), '');
  assert.throws(() => f.decode(), { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
}

// UTF-16LE and latin1 decoding.
{
  assert.strictEqual(new TextDecoder('utf-16le').decode(new Uint8Array([0x61, 0x00, 0x3d, 0xd8, 0x00, 0xde])), 'a😀');
  assert.strictEqual(new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00])), 'a');  // BOM stripped
  const d = new TextDecoder('utf-16le');
  assert.strictEqual(d.decode(new Uint8Array([0x61]), { stream: true }), '');
  assert.strictEqual(d.decode(new Uint8Array([0x00])), 'a');
  // Node 20 decodes 'windows-1252' as ISO-8859-1 (0x80 stays U+0080).
  assert.strictEqual(new TextDecoder('latin1').decode(new Uint8Array([0xe9, 0x80])), 'é\u0080');
}
