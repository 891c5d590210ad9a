'use strict';
// Buffer: construction, encodings (decoded and encoded natively), views and numbers.
require('../common');
const assert = require('assert');
const { Buffer: B2 } = require('buffer');

assert.strictEqual(Buffer, B2);
const b = Buffer.from('héllo wörld');
assert.ok(b instanceof Uint8Array);
assert.ok(Buffer.isBuffer(b));
assert.ok(!Buffer.isBuffer(new Uint8Array(2)));
assert.strictEqual(b.length, 13);
assert.strictEqual(b.toString(), 'héllo wörld');

// Every encoding both ways.
const cases = {
  utf8: ['€uro 😀', 'e282ac75726f20f09f9880'],
  utf16le: ['hi€', '68006900ac20'],
  ucs2: ['ab', '61006200'],
  latin1: ['ÿé', 'ffe9'],
  binary: ['ÿé', 'ffe9'],
  ascii: ['abc', '616263'],
  base64: ['aGVsbG8=', '68656c6c6f'],
  base64url: ['aGVsbG8', '68656c6c6f'],
  hex: ['00ff10', '00ff10'],
};
for (const [enc, [str, hex]] of Object.entries(cases)) {
  const buf = Buffer.from(str, enc);
  assert.strictEqual(buf.toString('hex'), hex, enc);
  assert.strictEqual(Buffer.from(hex, 'hex').toString(enc), enc === 'base64' ? 'aGVsbG8=' : str, enc);
  assert.strictEqual(Buffer.byteLength(str, enc), buf.length, `byteLength ${enc}`);
}
// Lenient decoders, as Node's.
assert.strictEqual(Buffer.from('aGVs bG8', 'base64').toString(), 'hello');
assert.strictEqual(Buffer.from('aGVsbG8-_w', 'base64').toString('hex'), '68656c6c6f3eff');
assert.strictEqual(Buffer.from('abzz', 'hex').toString('hex'), 'ab');
assert.strictEqual(Buffer.from('abc', 'hex').length, 1);
// Invalid UTF-8 becomes U+FFFD; a lone surrogate encodes as EF BF BD.
assert.strictEqual(Buffer.from([0xe2, 0x82, 0x41, 0xff]).toString(), '\ufffdA\ufffd');
assert.strictEqual(Buffer.from('\ud800').toString('hex'), 'efbfbd');
assert.strictEqual(Buffer.from('ā', 'ascii').toString('hex'), '01');
assert.strictEqual(Buffer.from([0xe9]).toString('ascii'), 'i');

// Unknown encodings.
assert.throws(() => Buffer.from('x', 'nope'), { code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: nope' });
assert.throws(() => b.toString('nope'), { code: 'ERR_UNKNOWN_ENCODING' });
assert.strictEqual(Buffer.isEncoding('UTF-8'), true);
assert.strictEqual(Buffer.isEncoding('nope'), false);

// alloc / fill / concat / compare / equals.
assert.deepStrictEqual([...Buffer.alloc(4, 'ab')], [97, 98, 97, 98]);
assert.deepStrictEqual([...Buffer.alloc(3, 7)], [7, 7, 7]);
assert.strictEqual(Buffer.alloc(5, 'aGk=', 'base64').toString(), 'hihih');
assert.throws(() => Buffer.alloc(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => Buffer.alloc('5'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]).toString(), 'abcd');
assert.strictEqual(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3).toString(), 'abc');
assert.strictEqual(Buffer.concat([Buffer.from('ab')], 4).toString('hex'), '61620000');
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('b')), -1);
assert.strictEqual(Buffer.from('b').compare(Buffer.from('a')), 1);
assert.ok(Buffer.from('xy').equals(Buffer.from('xy')));
assert.throws(() => Buffer.from('x').equals('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// slice and subarray are views.
const base = Buffer.from('abcdef');
const view = base.slice(1, 3);
view[0] = 0x42;
assert.strictEqual(base.toString(), 'aBcdef');
assert.strictEqual(base.subarray(-2).toString(), 'ef');
assert.ok(base.subarray(1) instanceof Buffer);

// write / indexOf / includes / copy / toJSON.
const w = Buffer.alloc(6);
assert.strictEqual(w.write('héé', 1), 5);
assert.strictEqual(w.toString('hex'), '0068c3a9c3a9');
assert.strictEqual(Buffer.alloc(2).write('é€'), 2, 'no partial characters');
assert.strictEqual(Buffer.from('hello world').indexOf('o'), 4);
assert.strictEqual(Buffer.from('hello world').lastIndexOf('o'), 7);
assert.strictEqual(Buffer.from('hello world').indexOf(Buffer.from('wor')), 6);
assert.strictEqual(Buffer.from('hello').indexOf(0x6c, 3), 3);
assert.ok(Buffer.from('hello').includes('ell'));
const dst = Buffer.alloc(4, '.');
assert.strictEqual(Buffer.from('xyz').copy(dst, 1), 3);
assert.strictEqual(dst.toString(), '.xyz');
assert.deepStrictEqual(Buffer.from([1, 2]).toJSON(), { type: 'Buffer', data: [1, 2] });
assert.deepStrictEqual(Buffer.from({ type: 'Buffer', data: [3] }), Buffer.from([3]));

// Numbers.
const n = Buffer.alloc(8);
n.writeUInt32BE(0xdeadbeef, 0);
assert.strictEqual(n.readUInt32BE(0), 0xdeadbeef);
assert.strictEqual(n.readUInt16LE(0), 0xadde);
assert.strictEqual(n.readInt8(0), -34);
n.writeInt16LE(-2, 4);
assert.strictEqual(n.readInt16LE(4), -2);
n.writeDoubleLE(1.5);
assert.strictEqual(n.readDoubleLE(0), 1.5);
n.writeFloatBE(-0.25);
assert.strictEqual(n.readFloatBE(0), -0.25);
n.writeBigInt64LE(-5n);
assert.strictEqual(n.readBigInt64LE(0), -5n);
n.writeUIntBE(0x123456, 0, 3);
assert.strictEqual(n.readUIntBE(0, 3), 0x123456);
assert.strictEqual(n.readIntLE(0, 3), 0x563412);
assert.throws(() => n.writeUInt8(256), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "value" is out of range. It must be >= 0 and <= 255. Received 256' });
assert.throws(() => n.readUInt32LE(6), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(typeof n.readUint8, 'function');

// inspect.
assert.strictEqual(require('util').inspect(Buffer.from('hi')), '<Buffer 68 69>');
assert.strictEqual(require('util').inspect(Buffer.alloc(51)), `<Buffer ${'00 '.repeat(50).trim()} ... 1 more byte>`);

// From ArrayBuffer shares memory; bad offsets throw.
const ab = new ArrayBuffer(4);
const fromAb = Buffer.from(ab, 1, 2);
fromAb[0] = 9;
assert.strictEqual(new Uint8Array(ab)[1], 9);
assert.throws(() => Buffer.from(ab, 5), { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.throws(() => Buffer.from(5), { code: 'ERR_INVALID_ARG_TYPE' });
