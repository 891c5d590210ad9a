'use strict';
// DOMException: name/message/code, legacy code constants, options object
// with cause, stack and inspect output, brand checks.
const assert = require('assert');
const util = require('util');

{
  const e = new DOMException('msg', 'SyntaxError');
  assert.strictEqual(e.name, 'SyntaxError');
  assert.strictEqual(e.message, 'msg');
  assert.strictEqual(e.code, 12);
  assert.ok(e instanceof DOMException);
  assert.ok(e instanceof Error);
  assert.strictEqual(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
  assert.strictEqual(String(e), 'SyntaxError: msg');
  // name/message/code are prototype getters, not own properties.
  assert.deepStrictEqual(Object.keys(e), []);
  assert.strictEqual(Object.hasOwn(e, 'name'), false);
  assert.strictEqual(Object.hasOwn(e, 'message'), false);
  assert.strictEqual(typeof Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get, 'function');
}

// Defaults and coercion.
{
  const d = new DOMException();
  assert.deepStrictEqual([d.name, d.message, d.code], ['Error', '', 0]);
  const c = new DOMException(1, 2);
  assert.strictEqual(c.message, '1');
  assert.strictEqual(c.name, '2');
  assert.strictEqual(new DOMException('x', 'CustomName').code, 0);
  assert.strictEqual(DOMException.length, 0);
  assert.throws(() => DOMException('x'), TypeError);  // Needs new.
}

// Options object with name and cause.
{
  const e = new DOMException('m', { name: 'DataCloneError', cause: 'why' });
  assert.strictEqual(e.name, 'DataCloneError');
  assert.strictEqual(e.code, 25);
  assert.strictEqual(e.cause, 'why');
  assert.strictEqual(Object.hasOwn(e, 'cause'), true);
  assert.strictEqual(Object.getOwnPropertyDescriptor(e, 'cause').enumerable, false);
  const noCause = new DOMException('m', { name: 'AbortError' });
  assert.strictEqual(Object.hasOwn(noCause, 'cause'), false);
}

// Legacy codes by name and as constants on the class and prototype.
{
  const names = ['IndexSizeError', 'HierarchyRequestError', 'WrongDocumentError', 'InvalidCharacterError',
                 'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError', 'InvalidStateError',
                 'SyntaxError', 'InvalidModificationError', 'NamespaceError', 'InvalidAccessError',
                 'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError',
                 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError', 'EncodingError'];
  assert.deepStrictEqual(names.map((n) => new DOMException('', n).code),
                         [1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 0]);
  assert.strictEqual(DOMException.INDEX_SIZE_ERR, 1);
  assert.strictEqual(DOMException.DATA_CLONE_ERR, 25);
  assert.strictEqual(DOMException.ABORT_ERR, 20);
  assert.strictEqual(DOMException.TIMEOUT_ERR, 23);
  assert.strictEqual(DOMException.prototype.NOT_FOUND_ERR, 8);
  // Disused names keep their constant but report code 0.
  assert.strictEqual(DOMException.VALIDATION_ERR, 16);
  assert.strictEqual(new DOMException('', 'ValidationError').code, 0);
}

// Getters on a non-DOMException receiver throw ERR_INVALID_THIS.
assert.throws(() => DOMException.prototype.name, { name: 'TypeError', code: 'ERR_INVALID_THIS' });
assert.throws(() => Object.getOwnPropertyDescriptor(DOMException.prototype, 'code').get.call({}), {
  code: 'ERR_INVALID_THIS',
});

// The stack starts with "Name: message"; inspect shows the class and name.
{
  const e = new DOMException('insp', 'AbortError');
  assert.strictEqual(typeof e.stack, 'string');
  assert.strictEqual(e.stack.split('\n')[0], 'AbortError: insp');
  assert.match(e.stack, /test-domexception\.js/);
  assert.strictEqual(util.inspect(e).split('\n')[0], 'DOMException [AbortError]: insp');
}
