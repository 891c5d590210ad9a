'use strict';

// Node 20's path module: POSIX operations (the module itself and
// path.posix) and the Windows ones (path.win32), with Node's results, quirks
// included (posix.dirname('//a') === '//', basename('a/b/', 'xb') === 'b/').

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const DOT = 46; // '.'

// Resolve '.' and '..' segments of `path`. Empty segments are dropped.
// '..' above the start is kept only when `allowAboveRoot`. The result has no
// leading or trailing slash. (Native split/indexOf beat a per-character loop
// by far on QuickJS.)
function normalizeSegments(path, allowAboveRoot) {
  const len = path.length;
  if (path.indexOf('//') === -1 && path.indexOf('/.') === -1 && path.charCodeAt(0) !== DOT) {
    // Nothing to resolve: only the outer slashes go.
    const s = len > 0 && path.charCodeAt(0) === SLASH ? 1 : 0;
    const e = len > s && path.charCodeAt(len - 1) === SLASH ? len - 1 : len;
    return path.slice(s, e);
  }
  return resolveSegments(path.split('/'), allowAboveRoot).join('/');
}

function resolveSegments(parts, allowAboveRoot) {
  const out = [];
  let aboveRoot = 0; // leading '..' entries in `out`
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i];
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > aboveRoot) {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
        aboveRoot++;
      }
    } else {
      out.push(seg);
    }
  }
  return out;
}

function cwd() {
  return process.cwd();
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// Scan the last component of `path` (from index `stop` on) for its
// extension. Returns [startPart, startDot, end, preDotState] as Node's
// extname/parse compute them.
function scanExt(path, stop) {
  let startDot = -1;
  let startPart = 0;
  let end = -1;
  let matchedSlash = true;
  // 0: nothing seen before the first dot; 1: only dots; -1: a name char.
  let preDotState = 0;
  for (let i = path.length - 1; i >= stop; --i) {
    const code = path.charCodeAt(i);
    if (code === SLASH) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  return [startPart, startDot, end, preDotState];
}

function noExtension(startPart, startDot, end, preDotState) {
  return startDot === -1 ||
    end === -1 ||
    // the dot is the first character of the component ('.bashrc')
    preDotState === 0 ||
    // the component is exactly '..'
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
}

const posix = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= 0 && !resolvedAbsolute; i--) {
      const path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === SLASH;
    }

    if (!resolvedAbsolute) {
      const dir = cwd();
      resolvedPath = `${dir}/${resolvedPath}`;
      resolvedAbsolute = dir.charCodeAt(0) === SLASH;
    }

    resolvedPath = normalizeSegments(resolvedPath, !resolvedAbsolute);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';

    const isAbsolute = path.charCodeAt(0) === SLASH;
    const trailingSeparator = path.charCodeAt(path.length - 1) === SLASH;

    path = normalizeSegments(path, !isAbsolute);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        joined = joined === undefined ? arg : `${joined}/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';

    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';

    // Both are absolute and normalized: '/' or '/a/b' (no trailing slash).
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    const n = Math.min(fromParts.length, toParts.length);
    let common = 0;
    while (common < n && fromParts[common] === toParts[common]) common++;

    let out = '';
    for (let i = common; i < fromParts.length; i++) {
      out += out.length === 0 ? '..' : '/..';
    }
    const rest = toParts.slice(common).join('/');
    if (out.length === 0) return rest;
    return rest.length === 0 ? out : `${out}/${rest}`;
  },

  toNamespacedPath(path) {
    // A no-op on POSIX.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === SLASH;
    // Find the slash before the last component (index >= 1).
    let end = -1;
    let inTrailingSlashes = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === SLASH) {
        if (!inTrailingSlashes) {
          end = i;
          break;
        }
      } else {
        inTrailingSlashes = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return lastComponent(path, suffix, 0, isSlash);
  },

  extname(path) {
    validateString(path, 'path');
    const [startPart, startDot, end, preDotState] = scanExt(path, 0);
    if (noExtension(startPart, startDot, end, preDotState)) return '';
    return path.slice(startDot, end);
  },

  format(pathObject) {
    return _format('/', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;

    const isAbsolute = path.charCodeAt(0) === SLASH;
    if (isAbsolute) ret.root = '/';
    const [startPart, startDot, end, preDotState] = scanExt(path, isAbsolute ? 1 : 0);

    if (end !== -1) {
      const start = startPart === 0 && isAbsolute ? 1 : startPart;
      if (noExtension(startPart, startDot, end, preDotState)) {
        ret.base = ret.name = path.slice(start, end);
      } else {
        ret.name = path.slice(start, startDot);
        ret.base = path.slice(start, end);
        ret.ext = path.slice(startDot, end);
      }
    }

    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (isAbsolute) ret.dir = '/';

    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// path.win32 lives in internal/path/win32 and is read on first use: most
// programs never touch it, and it is half of this module.
function isSlash(code) {
  return code === SLASH;
}

// basename() for a path whose root (if any) ends before `first`, where
// isSep tells separators: the last component, without `suffix` when it
// ends with it (and is not only it). Shared by posix and win32.
function lastComponent(path, suffix, first, isSep) {
  let start = first;
  let end = -1;
  let inTrailingSlashes = true;

  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    // Match `suffix` backwards against the last component while finding
    // its bounds.
    let extIdx = suffix.length - 1;
    let componentEnd = -1;
    for (let i = path.length - 1; i >= first; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!inTrailingSlashes) {
          start = i + 1;
          break;
        }
      } else {
        if (componentEnd === -1) {
          inTrailingSlashes = false;
          componentEnd = i + 1;
        }
        if (extIdx >= 0) {
          if (code === suffix.charCodeAt(extIdx)) {
            if (--extIdx === -1) end = i;
          } else {
            extIdx = -1;
            end = componentEnd;
          }
        }
      }
    }
    if (start === end) end = componentEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }

  for (let i = path.length - 1; i >= first; --i) {
    if (isSep(path.charCodeAt(i))) {
      if (!inTrailingSlashes) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      inTrailingSlashes = false;
      end = i + 1;
    }
  }
  if (end === -1) return '';
  return path.slice(start, end);
}

Object.defineProperty(posix, Symbol.for('weft.path.internals'), {
  __proto__: null,
  value: { SLASH, DOT, resolveSegments, cwd, noExtension, _format, validateString, lastComponent },
});

function setWin32(value) {
  Object.defineProperty(posix, 'win32', {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(posix, 'win32', {
  __proto__: null,
  get() {
    const win32 = require('internal/path/win32');
    setWin32(win32);
    return win32;
  },
  set: setWin32,
  enumerable: true,
  configurable: true,
});
posix.posix = posix;
// Legacy alias (DEP0080).
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
