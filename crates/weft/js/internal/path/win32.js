'use strict';

// path.win32: Node 20's Windows path functions. Both '\\' and '/' separate;
// roots are 'C:', 'C:\\', '\\' and UNC '\\\\server\\share' (or device
// '\\\\.\\X', '\\\\?\\X'). path.js loads this on first use of path.win32.

const posix = require('path');
const {
  SLASH, DOT, resolveSegments, cwd, noExtension, _format, validateString, lastComponent,
} = posix[Symbol.for('weft.path.internals')];

const BACKSLASH = 92;
const COLON = 58;

function isSep(code) {
  return code === SLASH || code === BACKSLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0));
}

const WINDOWS_RESERVED_NAMES = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\xb9', 'COM\xb2', 'COM\xb3',
  'LPT\xb9', 'LPT\xb2', 'LPT\xb3',
];

function isWindowsReservedName(path, colonIndex) {
  return WINDOWS_RESERVED_NAMES.includes(path.slice(0, colonIndex).toUpperCase());
}

// For a path starting with two separators: the UNC parts
// '\\\\first\\share...' as { first, shareStart, shareEnd }, or null.
function matchUnc(path) {
  const len = path.length;
  let j = 2;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j >= len || j === 2) return null;
  const first = path.slice(2, j);
  let last = j;
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j >= len || j === last) return null;
  last = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  return { first, shareStart: last, shareEnd: j };
}

// normalizeSegments for Windows: both separators split, '\\' joins.
function normalizeWin(path, allowAboveRoot) {
  return resolveSegments(path.split(/[\\/]/), allowAboveRoot).join('\\');
}

// Extension scan of the last component from `stop` on, as scanExt.
function scanExtWin(path, stop, startPart) {
  let startDot = -1;
  let end = -1;
  let matchedSlash = true;
  let preDotState = 0;
  for (let i = path.length - 1; i >= stop; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
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

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = cwd();
      } else {
        // The drive's own cwd (env '=C:'), else the process cwd when it is on
        // that drive, else the drive root.
        const env = typeof process === 'object' && process !== null ? process.env : undefined;
        path = (env && env[`=${resolvedDevice}`]) || cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }

      const len = path.length;
      let rootEnd = 0;
      let device = '';
      let isAbsolute = false;
      const code = path.charCodeAt(0);

      if (len === 1) {
        if (isSep(code)) {
          rootEnd = 1;
          isAbsolute = true;
        }
      } else if (isSep(code)) {
        isAbsolute = true;
        if (isSep(path.charCodeAt(1))) {
          const unc = matchUnc(path);
          if (unc !== null) {
            if (unc.first !== '.' && unc.first !== '?') {
              device = `\\\\${unc.first}\\${path.slice(unc.shareStart, unc.shareEnd)}`;
              rootEnd = unc.shareEnd;
            } else {
              device = `\\\\${unc.first}`;
              rootEnd = 4;
            }
          }
        } else {
          rootEnd = 1;
        }
      } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
        device = path.slice(0, 2);
        rootEnd = 2;
        if (len > 2 && isSep(path.charCodeAt(2))) {
          isAbsolute = true;
          rootEnd = 3;
        }
      }

      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          // A path on another device does not apply.
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
        } else {
          resolvedDevice = device;
        }
      }

      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }

    resolvedTail = normalizeWin(resolvedTail, !resolvedAbsolute);
    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = 0;
    let device;
    let isAbsolute = false;
    const code = path.charCodeAt(0);

    if (len === 1) return code === SLASH ? '\\' : path;

    if (isSep(code)) {
      isAbsolute = true;
      if (isSep(path.charCodeAt(1))) {
        const unc = matchUnc(path);
        if (unc !== null) {
          if (unc.first === '.' || unc.first === '?') {
            device = `\\\\${unc.first}`;
            rootEnd = 4;
          } else if (unc.shareEnd === len) {
            // Only a UNC root.
            return `\\\\${unc.first}\\${path.slice(unc.shareStart)}\\`;
          } else {
            device = `\\\\${unc.first}\\${path.slice(unc.shareStart, unc.shareEnd)}`;
            rootEnd = unc.shareEnd;
          }
        }
      } else {
        rootEnd = 1;
      }
    } else {
      const colonIndex = path.indexOf(':');
      if (colonIndex > 0) {
        if (isDriveLetter(code) && colonIndex === 1) {
          device = path.slice(0, 2);
          rootEnd = 2;
          if (len > 2 && isSep(path.charCodeAt(2))) {
            isAbsolute = true;
            rootEnd = 3;
          }
        } else if (isWindowsReservedName(path, colonIndex)) {
          device = path.slice(0, colonIndex + 1);
          rootEnd = colonIndex + 1;
        }
      }
    }

    let tail = rootEnd < len ? normalizeWin(path.slice(rootEnd), !isAbsolute) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';
    if (!isAbsolute && device === undefined && path.includes(':')) {
      // A relative result must not read as a drive path or an alternate
      // data stream (CVE-2024-36139).
      if (tail.length >= 2 && isDriveLetter(tail.charCodeAt(0)) && tail.charCodeAt(1) === COLON) {
        return `.\\${tail}`;
      }
      let index = path.indexOf(':');
      do {
        if (index === len - 1 || isSep(path.charCodeAt(index + 1))) return `.\\${tail}`;
      } while ((index = path.indexOf(':', index + 1)) !== -1);
    }
    const colonIndex = path.indexOf(':');
    if (isWindowsReservedName(path, colonIndex)) return `.\\${device ?? ''}${tail}`;
    if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isSep(code) ||
      (len > 2 && isDriveLetter(code) && path.charCodeAt(1) === COLON && isSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';

    // Leading separators are collapsed to one so normalize() does not see a
    // UNC root, unless the first part itself starts like one
    // ('\\\\server'): join('//server', 'share') is '\\\\server\\share\\'.
    let needsReplace = true;
    let slashCount = 0;
    if (isSep(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isSep(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isSep(firstPart.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isSep(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';

    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';

    if (fromOrig.length !== from.length || toOrig.length !== to.length) {
      // Lower-casing changed the length: compare component-wise.
      const fromSplit = fromOrig.split('\\');
      const toSplit = toOrig.split('\\');
      if (fromSplit[fromSplit.length - 1] === '') fromSplit.pop();
      if (toSplit[toSplit.length - 1] === '') toSplit.pop();
      const fromLen = fromSplit.length;
      const toLen = toSplit.length;
      const length = fromLen < toLen ? fromLen : toLen;
      let i;
      for (i = 0; i < length; i++) {
        if (fromSplit[i].toLowerCase() !== toSplit[i].toLowerCase()) break;
      }
      if (i === 0) return toOrig;
      if (i === length) {
        if (toLen > length) return toSplit.slice(i).join('\\');
        if (fromLen > length) return '..\\'.repeat(fromLen - 1 - i) + '..';
        return '';
      }
      return '..\\'.repeat(fromLen - i) + toSplit.slice(i).join('\\');
    }

    // Trim leading backslashes, and trailing ones (UNC roots).
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;

    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;

    // Longest common prefix, in characters, ending at a separator.
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === BACKSLASH) lastCommonSep = i;
    }

    if (i !== length) {
      // Nothing in common: `to` as is.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === BACKSLASH) {
          // `from` is a parent of `to`.
          return toOrig.slice(toStart + i + 1);
        }
        if (i === 2) {
          // `from` is the drive root.
          return toOrig.slice(toStart + i);
        }
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) {
          // `to` is a parent of `from`.
          lastCommonSep = i;
        } else if (i === 2) {
          // `to` is the drive root.
          lastCommonSep = 3;
        }
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === BACKSLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }

    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;

    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;

    if (resolvedPath.charCodeAt(0) === BACKSLASH) {
      if (resolvedPath.charCodeAt(1) === BACKSLASH) {
        const code = resolvedPath.charCodeAt(2);
        if (code !== 63 && code !== DOT) { // not '?' or '.'
          // UNC root -> long UNC path.
          return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
        }
      }
    } else if (isDriveLetter(resolvedPath.charCodeAt(0)) &&
               resolvedPath.charCodeAt(1) === COLON &&
               resolvedPath.charCodeAt(2) === BACKSLASH) {
      // Drive root -> long path.
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);

    if (len === 1) return isSep(code) ? path : '.';

    if (isSep(code)) {
      rootEnd = offset = 1;
      if (isSep(path.charCodeAt(1))) {
        const unc = matchUnc(path);
        if (unc !== null) {
          // Only a UNC root: it is its own dirname.
          if (unc.shareEnd === len) return path;
          // The separator after the UNC root belongs to the root.
          rootEnd = offset = unc.shareEnd + 1;
        }
      }
    } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
      rootEnd = len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }

    let end = -1;
    let inTrailingSlashes = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isSep(path.charCodeAt(i))) {
        if (!inTrailingSlashes) {
          end = i;
          break;
        }
      } else {
        inTrailingSlashes = false;
      }
    }

    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    // Skip a drive prefix so 'C:\\' is not read as a trailing separator.
    return lastComponent(path, suffix, hasDrive(path) ? 2 : 0, isSep);
  },

  extname(path) {
    validateString(path, 'path');
    const start = hasDrive(path) ? 2 : 0;
    const [startPart, startDot, end, preDotState] = scanExtWin(path, start, start);
    if (noExtension(startPart, startDot, end, preDotState)) return '';
    return path.slice(startDot, end);
  },

  format(pathObject) {
    return _format('\\', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;

    const len = path.length;
    let rootEnd = 0;
    const code = path.charCodeAt(0);

    if (len === 1) {
      if (isSep(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }

    if (isSep(code)) {
      rootEnd = 1;
      if (isSep(path.charCodeAt(1))) {
        const unc = matchUnc(path);
        if (unc !== null) {
          rootEnd = unc.shareEnd === len ? len : unc.shareEnd + 1;
        }
      }
    } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isSep(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);

    const [startPart, startDot, end, preDotState] = scanExtWin(path, rootEnd, rootEnd);
    if (end !== -1) {
      if (noExtension(startPart, startDot, end, preDotState)) {
        ret.base = ret.name = path.slice(startPart, end);
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(startDot, end);
      }
    }

    // A root dir keeps its trailing separator ('C:\\abc' -> 'C:\\').
    if (startPart > 0 && startPart !== rootEnd) ret.dir = path.slice(0, startPart - 1);
    else ret.dir = ret.root;

    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

win32.win32 = win32;
win32.posix = posix;
// Legacy alias (DEP0080).
win32._makeLong = win32.toNamespacedPath;

module.exports = win32;
