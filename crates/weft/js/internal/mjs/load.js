'use strict';

// mJS's global `load(file)`, a weft addition (Node has no `load`): runs a
// built-in mJS library such as 'api_net.js' (internal/mjs/<name>.js, which
// puts its object, e.g. `Net`, into the global scope), or else a script file
// (a path relative to the current directory) as global code, so that its
// top-level `let` bindings are visible to the program, as in mJS. Like mJS,
// a file that ran without error is not run again; the result is that of the
// file's last statement (undefined for built-in libraries and repeats).

const loaded = new Set();

function builtin(name) {
  if (!/^api_[a-z0-9_]+\.js$/.test(name)) return null;
  try {
    return require(`internal/mjs/${name.slice(0, -3)}`);
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && err.message.indexOf(`internal/mjs/${name.slice(0, -3)}`) !== -1) {
      return null;
    }
    throw err;
  }
}

function load(file) {
  const name = String(file);
  const lib = builtin(name);
  if (lib !== null) {
    lib.install(globalThis);
    return undefined;
  }
  const path = require('path');
  const filename = path.resolve(process.cwd(), name);
  if (loaded.has(filename)) return undefined;
  let source;
  try {
    source = require('fs').readFileSync(filename, 'utf8');
  } catch (err) {
    const e = new Error(`failed to exec file "${name}": ${err.message}`);
    e.code = err.code;
    e.path = filename;
    throw e;
  }
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const result = internalBinding('modules').runScript(source, filename);
  loaded.add(filename);
  return result;
}

module.exports = { load };
