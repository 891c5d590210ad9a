'use strict';

// CommonJS modules as Node loads them (lib/internal/modules/cjs/loader.js):
// resolution (relative/absolute paths, extensions, index files, node_modules
// walk-up, package.json "main" and "exports"), the module wrapper, the cache,
// and the entry points for ES modules (esmResolve/esmLoad), so that `import`
// and `require` resolve alike.

const modulesBinding = internalBinding('modules');
const builtinsBinding = internalBinding('builtins');
const fsBinding = internalBinding('fs');
const path = require('path');
// Codes are looked up when thrown: the loader runs at every start, and
// naming them here would read the whole error table (internal/errors/codes).
const { codes } = require('internal/errors');
const { validateString } = require('internal/validators');

const builtinIds = builtinsBinding.ids();
const builtinSet = new Set(builtinIds);
// Modules that exist only with the node: prefix.
const schemeOnly = new Set(['test', 'test/reporters', 'sea', 'sqlite']);

// --expose-internals (as in Node): `require('internal/...')` loads the
// runtime's own internal modules. Not listed in builtinModules.
const exposeInternals = process.execArgv.includes('--expose-internals');

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (exposeInternals && id.startsWith('internal/') && builtinsBinding.exists(id)) return true;
  const name = id.startsWith('node:') ? id.slice(5) : id;
  return builtinSet.has(name) && !(schemeOnly.has(name) && !id.startsWith('node:'));
}

function loadBuiltin(id) {
  return require(id);
}

// 0: missing, 1: file, 2: directory.
function stat(filename) {
  const ctx = {};
  const st = fsBinding.sync('stat', [filename], ctx);
  if (ctx.errno !== undefined) return 0;
  return (st[1] & 0o170000) === 0o040000 ? 2 : 1;
}

function readFile(filename) {
  const ctx = {};
  const buf = fsBinding.sync('readFile', [filename], ctx);
  if (ctx.errno !== undefined) return undefined;
  return buf.toString();
}

function realpath(p) {
  const ctx = {};
  const r = fsBinding.sync('realpath', [p], ctx);
  return ctx.errno !== undefined ? p : r;
}

const packageJsonCache = new Map();
function readPackage(dir) {
  const jsonPath = path.resolve(dir, 'package.json');
  if (packageJsonCache.has(jsonPath)) return packageJsonCache.get(jsonPath);
  const text = readFile(jsonPath);
  let result = false;
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text);
      result = {
        name: parsed.name,
        main: parsed.main,
        exports: parsed.exports,
        imports: parsed.imports,
        type: parsed.type,
        path: jsonPath,
      };
    } catch (e) {
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(jsonPath, undefined, e.message);
    }
  }
  packageJsonCache.set(jsonPath, result);
  return result;
}

function readPackageScope(checkPath) {
  let separatorIndex;
  do {
    separatorIndex = checkPath.lastIndexOf('/');
    checkPath = checkPath.slice(0, separatorIndex);
    if (checkPath.endsWith('/node_modules')) return false;
    const pjson = readPackage(checkPath || '/');
    if (pjson) return { data: pjson, path: checkPath || '/' };
  } while (separatorIndex > 0);
  return false;
}

function isESMFile(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  if (filename.endsWith('.js')) {
    const scope = readPackageScope(filename);
    return !!(scope && scope.data.type === 'module');
  }
  return false;
}

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = undefined;
    Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
    if (parent && parent.children) parent.children.push(this);
  }

  require(id) {
    validateString(id, 'id');
    if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
    return Module._load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    let extension = path.extname(filename);
    if (!Module._extensions[extension]) extension = '.js';
    Module._extensions[extension](this, filename);
    this.loaded = true;
  }

  _compile(content, filename) {
    const wrapper = modulesBinding.compileFunction(content, filename);
    const dirname = path.dirname(filename);
    const req = makeRequireFunction(this);
    return wrapper.call(this.exports, this.exports, req, this, filename, dirname);
  }
}

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
Module.builtinModules = builtinIds.filter((id) => !schemeOnly.has(id));
Module.isBuiltin = isBuiltin;
Module.Module = Module;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;

Module._extensions['.js'] = function(module, filename) {
  const content = readFile(filename);
  if (content === undefined) throw notFound(filename, module);
  if (filename.endsWith('.js') && isESMFile(filename)) {
    throw new codes.ERR_REQUIRE_ESM(filename, true);
  }
  module._compile(content, filename);
};
Module._extensions['.cjs'] = function(module, filename) {
  const content = readFile(filename);
  if (content === undefined) throw notFound(filename, module);
  module._compile(content, filename);
};
Module._extensions['.json'] = function(module, filename) {
  const content = readFile(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.mjs'] = function(module, filename) {
  throw new codes.ERR_REQUIRE_ESM(filename, true);
};
Module._extensions['.node'] = function(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: weft does not support .node addons`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(`${dir}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
};

const extensions = ['.js', '.json', '.node', '.cjs'];

function tryFile(p) {
  return stat(p) === 1 ? realpath(p) : false;
}

function tryExtensions(p) {
  for (const ext of Object.keys(Module._extensions)) {
    const f = tryFile(p + ext);
    if (f) return f;
  }
  return false;
}

function tryPackage(requestPath, isMain) {
  const pkg = readPackage(requestPath);
  const main = pkg && pkg.main;
  if (!main || typeof main !== 'string') return tryExtensions(path.resolve(requestPath, 'index'));
  const filename = path.resolve(requestPath, main);
  const actual = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.resolve(filename, 'index'));
  if (actual === false) {
    const fallback = tryExtensions(path.resolve(requestPath, 'index'));
    if (fallback) return fallback;
    const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
    err.code = 'MODULE_NOT_FOUND';
    err.path = path.resolve(requestPath, 'package.json');
    err.requestPath = requestPath;
    throw err;
  }
  return actual;
}

// package.json "exports": the subset Node users rely on (strings, subpaths,
// conditions require/import/node/default, "*" patterns).
function resolveExportsTarget(target, conditions) {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveExportsTarget(t, conditions);
      if (r) return r;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveExportsTarget(target[key], conditions);
        if (r) return r;
      }
    }
  }
  return undefined;
}

function resolveExports(pkgDir, exportsField, subpath, conditions) {
  let map = exportsField;
  if (typeof map === 'string' || Array.isArray(map) ||
      (map && typeof map === 'object' && !Object.keys(map).some((k) => k.startsWith('.')))) {
    map = { '.': map };
  }
  let target;
  if (Object.prototype.hasOwnProperty.call(map, subpath)) {
    target = resolveExportsTarget(map[subpath], conditions);
  } else {
    for (const key of Object.keys(map)) {
      const star = key.indexOf('*');
      if (star === -1) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length) {
        const match = subpath.slice(prefix.length, subpath.length - suffix.length);
        const t = resolveExportsTarget(map[key], conditions);
        if (t) target = t.split('*').join(match);
        break;
      }
    }
  }
  if (target === undefined) {
    const err = new Error(subpath === '.' ?
      `No "exports" main defined in ${pkgDir}/package.json` :
      `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}/package.json`);
    err.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    throw err;
  }
  return path.resolve(pkgDir, target);
}

function splitPackageName(request) {
  let sep = request.indexOf('/');
  if (request[0] === '@') sep = request.indexOf('/', sep + 1);
  return sep === -1 ? [request, '.'] : [request.slice(0, sep), `.${request.slice(sep)}`];
}

Module._findPath = function(request, paths, isMain, conditions = ['require', 'node']) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = `${request}\x00${paths.join('\x00')}\x00${conditions.join(',')}`;
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;
  const trailingSlash = request.endsWith('/');
  for (const curPath of paths) {
    if (curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest) {
      const [name, subpath] = splitPackageName(request);
      const pkgDir = path.resolve(curPath, name);
      const pkg = stat(pkgDir) === 2 && readPackage(pkgDir);
      if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
        const resolved = resolveExports(pkgDir, pkg.exports, subpath, conditions);
        const f = tryFile(resolved);
        if (f) {
          Module._pathCache[cacheKey] = f;
          return f;
        }
        continue;
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 1) filename = realpath(basePath);
      if (!filename) filename = tryExtensions(basePath);
    }
    if (!filename && rc === 2) filename = tryPackage(basePath, isMain);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

Module._resolveLookupPaths = function(request, parent) {
  if (isBuiltin(request)) return null;
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths = parent && parent.paths && parent.paths.length ? parent.paths.concat(Module.globalPaths) : Module.globalPaths;
    if (!parent || !parent.filename) paths = Module._nodeModulePaths(process.cwd()).concat(paths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function notFound(request, parent) {
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) {
    if (cursor.filename || cursor.id) requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  return err;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (isBuiltin(request)) return request;
  let paths;
  if (options && options.paths) {
    paths = [];
    for (const p of options.paths) {
      const fake = new Module('', null);
      fake.paths = Module._nodeModulePaths(p);
      const lookup = Module._resolveLookupPaths(request, fake);
      for (const q of (request[0] === '.' ? [p] : lookup || [])) if (!paths.includes(q)) paths.push(q);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  if (request[0] === '#' && parent && parent.filename) {
    const scope = readPackageScope(parent.filename);
    if (scope && scope.data.imports) {
      const t = resolveExportsTarget(scope.data.imports[request], ['require', 'node']);
      if (t) {
        if (t.startsWith('./')) return path.resolve(scope.path, t);
        return Module._resolveFilename(t, parent, isMain);
      }
    }
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  throw notFound(request, parent);
};

Module._load = function(request, parent, isMain) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!builtinSet.has(id)) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    return loadBuiltin(id);
  }
  if (parent && parent.filename) {
    const relKey = `${parent.path}\x00${request}`;
    const cachedName = relativeResolveCache[relKey];
    if (cachedName !== undefined) {
      const cached = Module._cache[cachedName];
      if (cached !== undefined) {
        updateChildren(parent, cached);
        return cached.exports;
      }
    }
  }
  if (isBuiltin(request)) return loadBuiltin(request);
  const filename = Module._resolveFilename(request, parent, isMain);
  if (parent && parent.filename) relativeResolveCache[`${parent.path}\x00${request}`] = filename;
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    mainModule = module;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
};

const relativeResolveCache = Object.create(null);
let mainModule;

function updateChildren(parent, child) {
  const children = parent && parent.children;
  if (children && !children.includes(child)) children.push(child);
}

function makeRequireFunction(mod) {
  const require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  resolve.paths = function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  };
  require.main = mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let filepath = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') filepath = filename.href;
  if (typeof filepath === 'string' && filepath.startsWith('file://')) filepath = require('url').fileURLToPath(filepath);
  if (typeof filepath !== 'string' || !path.isAbsolute(filepath)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.runMain = function runMain(main) {
  const resolved = (() => {
    try {
      return Module._resolveFilename(path.resolve(main), null, true);
    } catch {
      return path.resolve(main);
    }
  })();
  if (isESMFile(resolved)) {
    importEntry(resolved);
    return;
  }
  Module._load(resolved, null, true);
};

function importEntry(filename) {
  const p = modulesBinding.importModule(filename);
  p.then(undefined, (err) => {
    require('internal/process/execution').fatalException(err);
  });
}

// -e / -p: global code, sloppy mode, with require/module/__filename in scope like Node.
function evalScript(source, print) {
  const cwd = process.cwd();
  const filename = path.join(cwd, '[eval]');
  const module = new Module('[eval]');
  module.filename = filename;
  module.paths = Module._nodeModulePaths(cwd);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = makeRequireFunction(module);
  globalThis.__filename = '[eval]';
  globalThis.__dirname = '.';
  const result = modulesBinding.runScript(source, '[eval]');
  if (print) {
    const { inspect } = require('util');
    process.stdout.write(`${typeof result === 'string' ? result : inspect(result)}\n`);
  }
}

// --- ES modules -------------------------------------------------------------
function fileURLToPathSimple(u) {
  return decodeURIComponent(u.slice(7).replace(/^\/\/[^/]*/, ''));
}

function esmResolve(specifier, base) {
  if (specifier.startsWith('node:')) {
    if (!builtinSet.has(specifier.slice(5))) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    return specifier;
  }
  if (isBuiltin(specifier)) return `node:${specifier}`;
  if (specifier.startsWith('file://')) specifier = fileURLToPathSimple(specifier);
  let baseDir;
  if (base && base.startsWith('/')) baseDir = path.dirname(base);
  else baseDir = process.cwd();
  if (specifier.startsWith('/') || specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const p = path.resolve(baseDir, specifier);
    if (stat(p) === 1) return realpath(p);
    const err = new Error(`Cannot find module '${p}' imported from ${base}`);
    err.code = 'ERR_MODULE_NOT_FOUND';
    err.url = `file://${p}`;
    throw err;
  }
  const paths = Module._nodeModulePaths(baseDir);
  const f = Module._findPath(specifier, paths, false, ['import', 'node']);
  if (f) return f;
  const err = new Error(`Cannot find package '${specifier}' imported from ${base}`);
  err.code = 'ERR_MODULE_NOT_FOUND';
  throw err;
}

const esmCjsKey = Symbol.for('weft.esm.cjs');

function namedExportsSource(exportsObj, access) {
  let src = `const m = ${access};\nexport default m;\n`;
  if (exportsObj !== null && (typeof exportsObj === 'object' || typeof exportsObj === 'function')) {
    const names = Object.keys(exportsObj).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
    if (names.length > 0) {
      src += `export const { ${names.join(', ')} } = m;\n`;
    }
  }
  return src;
}

// Returns [source, import.meta.url] for a resolved module name.
function esmLoad(name) {
  if (!globalThis[esmCjsKey]) {
    Object.defineProperty(globalThis, esmCjsKey, {
      value: (id) => (id.startsWith('node:') ? loadBuiltin(id.slice(5)) : Module._load(id, null, false)),
      enumerable: false,
    });
  }
  if (name.startsWith('node:')) {
    const exp = loadBuiltin(name.slice(5));
    return [namedExportsSource(exp, `globalThis[Symbol.for('weft.esm.cjs')](${JSON.stringify(name)})`), name];
  }
  const url = `file://${name}`;
  if (name.endsWith('.json')) {
    return [`export default ${readFile(name)};\n`, url];
  }
  if (isESMFile(name)) {
    const source = readFile(name);
    if (source === undefined) {
      const err = new Error(`Cannot find module '${name}'`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw err;
    }
    return [source, url];
  }
  const exp = Module._load(name, null, false);
  return [namedExportsSource(exp, `globalThis[Symbol.for('weft.esm.cjs')](${JSON.stringify(name)})`), url];
}

// A line of a file, for the uncaught-exception report.
function sourceLine(file, line) {
  const text = readFile(file);
  if (text === undefined) return undefined;
  return text.split('\n')[line - 1];
}

module.exports = Module;
Module.runMain = Module.runMain;
Module.evalScript = evalScript;
Module.esmResolve = esmResolve;
Module.esmLoad = esmLoad;
Module.sourceLine = sourceLine;
Module.findSourceMap = () => undefined;
Module.syncBuiltinESMExports = () => {};
Module.register = () => {};
void extensions;
