'use strict';
// util.inherits, util.isDeepStrictEqual, and the other small util exports.
const assert = require('assert');
const util = require('util');
const EventEmitter = require('events');

// inherits: sets super_, links prototypes, keeps own prototype methods.
{
  function Parent() { this.p = 1; }
  Parent.prototype.hello = function() { return 'hello'; };
  function Child() { Parent.call(this); this.c = 2; }
  Child.prototype.own = function() { return 'own'; };
  util.inherits(Child, Parent);
  assert.strictEqual(Child.super_, Parent);
  assert.strictEqual(Object.getPrototypeOf(Child.prototype), Parent.prototype);
  const c = new Child();
  assert.ok(c instanceof Parent);
  assert.strictEqual(c.hello(), 'hello');
  assert.strictEqual(c.own(), 'own');
  assert.strictEqual(c.constructor, Child);
  assert.deepStrictEqual({ ...c }, { p: 1, c: 2 });
  // super_ is a plain (enumerable? no: writable, configurable) own property.
  const d = Object.getOwnPropertyDescriptor(Child, 'super_');
  assert.strictEqual(d.writable, true);
  assert.strictEqual(d.configurable, true);

  function Emitter() { EventEmitter.call(this); }
  util.inherits(Emitter, EventEmitter);
  const e = new Emitter();
  let got;
  e.on('x', (v) => { got = v; });
  e.emit('x', 9);
  assert.strictEqual(got, 9);

  assert.throws(() => util.inherits(null, Parent), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "ctor" argument must be of type function. Received null',
  });
  assert.throws(() => util.inherits(Child, null), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor" argument must be of type function. Received null',
  });
  assert.throws(() => util.inherits(Child, function() {}.bind()), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor.prototype" property must be of type object. Received undefined',
  });
}

// isDeepStrictEqual mirrors assert.deepStrictEqual.
assert.strictEqual(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
assert.strictEqual(util.isDeepStrictEqual({ a: 1 }, { a: '1' }), false);
assert.strictEqual(util.isDeepStrictEqual(NaN, NaN), true);
assert.strictEqual(util.isDeepStrictEqual(0, -0), false);
assert.strictEqual(util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])), true);
assert.strictEqual(util.isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])), false);
assert.strictEqual(util.isDeepStrictEqual([1, 2], { 0: 1, 1: 2 }), false);

// TextEncoder / TextDecoder are the globals.
assert.strictEqual(util.TextEncoder, globalThis.TextEncoder);
assert.strictEqual(util.TextDecoder, globalThis.TextDecoder);
assert.deepStrictEqual(new util.TextEncoder().encode('hé'), new Uint8Array([0x68, 0xc3, 0xa9]));

// toUSVString, stripVTControlCharacters, getSystemErrorName, types.
assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), 'red');
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(-13), 'EACCES');
assert.throws(() => util.getSystemErrorName(1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "err" is out of range. It must be a negative integer. Received 1',
});
assert.strictEqual(util.getSystemErrorName(-99999), 'Unknown system error -99999');
// A new Map on every call, as in Node.
const errorMap = util.getSystemErrorMap();
assert.notStrictEqual(errorMap, util.getSystemErrorMap());
assert.deepStrictEqual(errorMap.get(-98), ['EADDRINUSE', 'address already in use']);
assert.strictEqual(typeof util.types, 'object');
assert.strictEqual(typeof util.inspect, 'function');
assert.strictEqual(typeof util.debuglog, 'function');
assert.strictEqual(util.debuglog('weft-test-nothing').enabled, false);
// A disabled debuglog does nothing and returns undefined.
assert.strictEqual(util.debuglog('weft-test-nothing')('msg %s', 1), undefined);
