'use strict';
// CommonJS loading with Node's resolution rules.
require('../common');
const assert = require('assert');
const path = require('path');
const Module = require('module');

const fx = path.join(__dirname, '..', 'fixtures', 'modules');

// Relative, absolute, .json, directory index, extension search.
assert.deepStrictEqual(require('../fixtures/modules/data.json'), { answer: 42 });
assert.strictEqual(require(path.join(fx, 'sub')), 'dir index');
assert.strictEqual(require('../fixtures/modules/sub/index'), 'dir index');
assert.strictEqual(require('../fixtures/modules/this.js'), true);

// node_modules walk-up from a nested file, package.json "main" without extension.
const deep = require('../fixtures/modules/sub/dir/deep');
assert.strictEqual(deep.fromSub, 'main');
assert.strictEqual(deep.dirname, path.join(fx, 'sub', 'dir'));

// require.resolve and package "exports" with conditions and subpaths.
const req = Module.createRequire(path.join(fx, 'x.js'));
assert.strictEqual(req('pkg-index').name, 'index');
assert.strictEqual(req('pkg-exports'), 'required');
assert.strictEqual(req('pkg-exports/feature'), 'feature');
assert.throws(() => req('pkg-exports/dist/req.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
assert.strictEqual(req.resolve('pkg-main'), path.join(fx, 'node_modules', 'pkg-main', 'lib', 'entry.js'));

// Cycles see the partial exports.
const a = require('../fixtures/modules/cycle/a');
assert.strictEqual(a.loaded, true);
assert.strictEqual(a.bSawA, false);

// The cache: same object twice, and deleting an entry reloads.
const file = require.resolve('../fixtures/modules/sub/dir/deep');
assert.strictEqual(require.cache[file].exports, deep);
delete require.cache[file];
assert.notStrictEqual(require('../fixtures/modules/sub/dir/deep'), deep);

// Built-ins, with and without node:, and the module object.
assert.strictEqual(require('node:events'), require('events'));
assert.strictEqual(require('node:net').Socket, require('net').Socket);
assert.ok(Module.builtinModules.includes('net'));
assert.strictEqual(Module.isBuiltin('node:fs'), true);
assert.strictEqual(Module.isBuiltin('nope'), false);
assert.strictEqual(module.id, '.');
assert.strictEqual(require.main, module);
assert.strictEqual(module.filename, __filename);
assert.strictEqual(__dirname, path.dirname(__filename));
assert.ok(Array.isArray(module.paths) && module.paths[0] === path.join(__dirname, 'node_modules'));

// Errors as Node reports them.
assert.throws(() => require('./does-not-exist'), (e) => {
  assert.strictEqual(e.code, 'MODULE_NOT_FOUND');
  assert.match(e.message, /^Cannot find module '\.\/does-not-exist'\nRequire stack:\n- /);
  assert.deepStrictEqual(e.requireStack, [__filename]);
  return true;
});
assert.throws(() => require('node:nope'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
assert.throws(() => require(''), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => require(5), { code: 'ERR_INVALID_ARG_TYPE' });

// Dynamic import from CommonJS picks the "import" condition.
import(path.join(fx, 'node_modules', 'pkg-exports', 'dist', 'imp.mjs')).then(require('../common').mustCall((ns) => {
  assert.strictEqual(ns.default, 'imported');
}));
