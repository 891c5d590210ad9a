'use strict';

// fs: Node's file system API over internalBinding('fs').
//
// Every operation that touches the file system is written once, as a
// generator that yields requests for native ops (`{ op, args, ... }`), and
// runs in one of three drivers: synchronously (binding.sync, for the *Sync
// functions), on the blocking thread pool with a callback (binding.async, for
// the callback API) or as a promise (fs.promises). So the three APIs share
// their behaviour, and the callback and promise forms are truly asynchronous.
//
// File descriptors are real OS descriptors: open/read/write/close/fstat/
// ftruncate/fsync/fchmod/fchown/futimes are the system calls, and the
// streams and FileHandle are built on them. readFile() and writeFile() of a
// path with the default flags use one native op each (open, read or write
// all, close). watch() and watchFile() have no native and fail with ENOSYS.

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  AbortError,
  uvException,
  uvErrName,
  codes: {
    ERR_FS_EISDIR,
    ERR_FS_FILE_TOO_LARGE,
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_DESTROYED,
    ERR_SYSTEM_ERROR,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_DIR_CLOSED,
  },
} = require('internal/errors');
const {
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { isArrayBufferView, isUint8Array, isDate, isBigInt64Array } = require('internal/util/types');
const {
  kEmptyObject,
  kCustomPromisifiedSymbol,
  kCustomPromisifyArgsSymbol,
  deprecate,
} = require('internal/util');
const { toPathIfFileURL } = require('internal/url');

// --- constants (Linux values) ------------------------------------------------

const constants = Object.assign(Object.create(null), {
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5,
  UV_DIRENT_CHAR: 6,
  UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000,
  S_IFREG: 0o100000,
  S_IFDIR: 0o40000,
  S_IFCHR: 0o20000,
  S_IFBLK: 0o60000,
  S_IFIFO: 0o10000,
  S_IFLNK: 0o120000,
  S_IFSOCK: 0o140000,
  O_CREAT: 64,
  O_EXCL: 128,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: 256,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_DIRECTORY: 65536,
  O_NOATIME: 262144,
  O_NOFOLLOW: 131072,
  O_SYNC: 1052672,
  O_DSYNC: 4096,
  O_DIRECT: 16384,
  O_NONBLOCK: 2048,
  S_IRWXU: 448,
  S_IRUSR: 256,
  S_IWUSR: 128,
  S_IXUSR: 64,
  S_IRWXG: 56,
  S_IRGRP: 32,
  S_IWGRP: 16,
  S_IXGRP: 8,
  S_IRWXO: 7,
  S_IROTH: 4,
  S_IWOTH: 2,
  S_IXOTH: 1,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1,
  COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
});

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  F_OK, R_OK, W_OK, X_OK, COPYFILE_EXCL,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

const kIoMaxLength = 2 ** 31 - 1;

// libuv error numbers used here.
const UV_EEXIST = -17;
const UV_ENOTDIR = -20;
const UV_EISDIR = -21;
const UV_ENOSYS = -38;
const UV_ELOOP = -40;

// --- errors --------------------------------------------------------------------

// An error as Node's fs reports one: `ENOENT: no such file or directory,
// open '/x'` with errno, code, syscall, path and dest, in that order.
function fsError(errno, syscall, path, dest) {
  const ctx = { errno, code: uvErrName(errno), syscall };
  if (path !== undefined) ctx.path = path;
  if (dest !== undefined) ctx.dest = dest;
  return uvException(ctx);
}

// Errors Node raises from C++: the message only, with a code.
function nativeError(Ctor, message, code) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// --- drivers -------------------------------------------------------------------

// A request for one native op. `syscall`, `path` and `dest` describe the
// error when it fails (the binding's own syscall name is used otherwise).
function req(op, args, syscall, path, dest) {
  return { op, args, syscall, path, dest };
}

function requestError(r, errno, syscall) {
  syscall = r.syscall || syscall;
  // `pathSyscall`: the path describes failures of that syscall only.
  if (r.pathSyscall !== undefined && r.pathSyscall !== syscall) return fsError(errno, syscall);
  return fsError(errno, syscall, r.path, r.dest);
}

function runSync(gen) {
  let step = gen.next();
  while (!step.done) {
    const r = step.value;
    const ctx = {};
    const result = binding.sync(r.op, r.args, ctx);
    if (ctx.errno !== undefined) {
      step = gen.throw(requestError(r, ctx.errno, ctx.syscall));
    } else {
      step = gen.next(result);
    }
  }
  return step.value;
}

// Errors built off the JS stack (as Node's C++ completes a request) carry
// no frames.
function detachStack(err) {
  if (err !== null && typeof err === 'object' && typeof err.message === 'string' &&
      typeof err.code === 'string' && /^E[A-Z0-9]+$/.test(err.code)) {
    try {
      Object.defineProperty(err, 'stack', {
        __proto__: null, value: `Error: ${err.message}`, writable: true, configurable: true, enumerable: false,
      });
    } catch {
      // Leave it.
    }
  }
  return err;
}

// Runs `gen` on the thread pool; `done(err, value)` is always called
// asynchronously.
function runAsync(gen, done) {
  let waited = false;
  function advance(value, isError) {
    let step;
    try {
      step = isError ? gen.throw(value) : gen.next(value);
    } catch (err) {
      finish(detachStack(err), undefined);
      return;
    }
    if (step.done) {
      finish(null, step.value);
      return;
    }
    const r = step.value;
    waited = true;
    binding.async(r.op, r.args, (errno, syscall, result) => {
      if (errno) advance(requestError(r, errno, syscall), true);
      else advance(result, false);
    });
  }
  function finish(err, value) {
    if (waited) done(err, value);
    else process.nextTick(done, err, value);
  }
  advance(undefined, false);
}

function runCallback(gen, callback) {
  runAsync(gen, (err, value) => {
    if (err) callback(err);
    else if (value === undefined) callback(null);
    else callback(null, value);
  });
}

function runPromise(gen) {
  return new Promise((resolve, reject) => {
    runAsync(gen, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
  });
}

// --- argument helpers ----------------------------------------------------------------

function isInt32(value) {
  return value === (value | 0);
}

function validatePath(path, propName = 'path') {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }
  if (typeof path === 'string' ? path.includes('\u0000') : path.includes(0)) {
    throw new ERR_INVALID_ARG_VALUE(propName, path,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
}

// A path argument as the binding takes it: a string.
function getValidatedPath(fileURLOrPath, propName = 'path') {
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

function getOptions(options, defaultOptions = kEmptyObject) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs':
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+':
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx':
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax':
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as':
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

function stringToSymlinkType(type) {
  if (typeof type === 'string' && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
}

// access() and copyFile() modes are checked in C++ by Node.
function getValidMode(mode, type) {
  const def = type === 'copyFile' ? (mode || 0) : F_OK;
  if (mode == null) return def;
  if (!isInt32(mode)) {
    throw nativeError(TypeError, 'mode must be int32 or null/undefined', 'ERR_INVALID_ARG_TYPE');
  }
  if (mode < 0 || mode > 7) {
    throw nativeError(RangeError, 'mode is out of range: >= 0 && <= 7', 'ERR_OUT_OF_RANGE');
  }
  return mode;
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validatePosition(position, name) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function validateStringAfterArrayBufferView(buffer, name) {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!isArrayBufferView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
}

function toUint8(view) {
  if (isUint8Array(view)) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Converts a name the binding returned to the requested encoding.
function encodeName(name, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  const buf = Buffer.from(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(undefined, { cause: signal?.reason }));
    return true;
  }
  return false;
}

// --- Stats and Dirent --------------------------------------------------------------

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

const kNsPerMsBigInt = 10n ** 6n;

// The binding gives times in (fractional) milliseconds; nanoseconds are
// derived from them, so their last digits are not exact.
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// Whole milliseconds and the fraction apart: ms * 1e6 is past 2^53.
function nsFromMs(ms) {
  const whole = Math.floor(ms);
  return BigInt(whole) * kNsPerMsBigInt + BigInt(Math.round((ms - whole) * 1e6));
}

// [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
//  atimeMs, mtimeMs, ctimeMs, birthtimeMs] -> Stats
function getStatsFromBinding(s, bigint) {
  if (bigint || isBigInt64Array(s)) {
    const b = (i) => BigInt(Math.trunc(Number(s[i])));
    return new BigIntStats(b(0), b(1), b(2), b(3), b(4), b(5), b(6), b(7), b(8), b(9),
                           nsFromMs(s[10]), nsFromMs(s[11]), nsFromMs(s[12]), nsFromMs(s[13]));
  }
  return new Stats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                   s[10], s[11], s[12], s[13]);
}

function modeType(st) {
  return st[1] & S_IFMT;
}

const kType = Symbol('type');
const kStats = Symbol('stats');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// A Dirent whose type came from lstat() (readdir could not tell it).
class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Reflect.ownKeys(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function() {
    return this[kStats][name]();
  };
}

// --- file descriptors ------------------------------------------------------------------
//
// Descriptors are the operating system's: open() returns a real fd (the
// binding adds O_CLOEXEC) and read/write/fstat/ftruncate/... are the system
// calls on it.

// A position as the binding takes it: -1 reads or writes at (and advances)
// the descriptor's own position.
function toBindingPosition(position) {
  if (position == null) return -1;
  if (typeof position === 'bigint') return position < 0n ? -1 : Number(position);
  return position < 0 ? -1 : position;
}

function* gOpen(path, flags, mode) {
  return yield req('open', [path, flags, mode], 'open', path);
}

// Reads up to `length` bytes into `view` at `offset`; returns the count.
function* gRead(fd, view, offset, length, position) {
  const data = yield req('read', [fd, length, toBindingPosition(position)], 'read');
  const n = data.length;
  if (n > 0) toUint8(view).set(data, offset);
  return n;
}

// One read(2) of up to `length` bytes: a new Buffer, empty at end of file.
function* gReadChunk(fd, length, position) {
  return yield req('read', [fd, length, toBindingPosition(position)], 'read');
}

// One write(2) of `data` (a Uint8Array); returns the bytes written, which
// may be fewer than asked for.
function* gWrite(fd, data, position) {
  return yield req('write', [fd, data, toBindingPosition(position)], 'write');
}

// Writes all of `bytes` (a Uint8Array), as writeFile() does.
function* gWriteAll(fd, bytes, position) {
  let pos = toBindingPosition(position);
  let off = 0;
  while (off < bytes.length) {
    const n = yield req('write', [fd, off === 0 ? bytes : bytes.subarray(off), pos], 'write');
    if (n <= 0) break;
    off += n;
    if (pos >= 0) pos += n;
  }
  return off;
}

function* gClose(fd) {
  yield req('close', [fd], 'close');
}

// Runs `body` (a generator) and closes `fd` after it. A failure of the
// body wins over one of close().
function* gWithFd(fd, body) {
  let result;
  try {
    result = yield* body;
  } catch (err) {
    try {
      yield req('close', [fd], 'close');
    } catch {
      // The body's error is the one to report.
    }
    throw err;
  }
  yield req('close', [fd], 'close');
  return result;
}

function* gFstat(fd, options) {
  const st = yield req('fstat', [fd], 'fstat');
  return getStatsFromBinding(st, options?.bigint);
}

function* gFtruncate(fd, len) {
  yield req('ftruncate', [fd, len], 'ftruncate');
}

function* gFsync(fd, syscall) {
  yield req(syscall, [fd], syscall);
}

function* gFchmod(fd, mode) {
  yield req('fchmod', [fd, mode], 'fchmod');
}

// uid/gid -1 ("leave unchanged") as the binding needs it: (uid_t)-1.
function toId(id) {
  return id >>> 0;
}

function* gFchown(fd, uid, gid) {
  yield req('fchown', [fd, toId(uid), toId(gid)], 'fchown');
}

function* gFutimes(fd, atime, mtime) {
  yield req('futimes', [fd, atime, mtime], 'futime');
}

const kReadFileUnknownBufferLength = 64 * 1024;

// The rest of an fd's file from its position, as Node's readFile(fd): the
// size of a regular file from fstat(), anything else read to its end.
function* gReadFd(fd) {
  const st = yield req('fstat', [fd], 'fstat');
  const size = modeType(st) === S_IFREG ? st[8] : 0;
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  const chunks = [];
  let total = 0;
  for (;;) {
    const want = size !== 0 ? size - total : kReadFileUnknownBufferLength;
    if (want <= 0) break;
    const data = yield req('read', [fd, want, -1], 'read');
    if (data.length === 0) break;
    chunks.push(data);
    total += data.length;
    if (total > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(total);
  }
  if (chunks.length === 1) return chunks[0];
  return Buffer.concat(chunks, total);
}

// --- whole-file operations ----------------------------------------------------------------

function* gReadFile(path, options, flags) {
  let data;
  if (typeof path === 'number') {
    data = yield* gReadFd(path);
  } else if (flags === O_RDONLY) {
    // open + read + close in one native op.
    try {
      data = yield req('readFile', [path], 'open', path);
    } catch (err) {
      // Node opens the directory fine and fails on read().
      if (err.code === 'EISDIR') throw fsError(UV_EISDIR, 'read');
      throw err;
    }
  } else {
    const fd = yield* gOpen(path, flags, 0o666);
    data = yield* gWithFd(fd, gReadFd(fd));
  }
  if (data.length > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(data.length);
  if (options.encoding) return data.toString(options.encoding);
  return data;
}

function toBytes(data) {
  return typeof data === 'string' ? Buffer.from(data) : data;
}

const kWriteFlags = O_TRUNC | O_CREAT | O_WRONLY;
const kAppendFlags = O_APPEND | O_CREAT | O_WRONLY;

// `data` is a string (utf8) or Uint8Array; `flush` fsyncs after writing.
function* gWriteFile(path, data, flags, mode, flush = false) {
  if (typeof path === 'number') {
    yield* gWriteAll(path, toBytes(data), null);
    if (flush) yield* gFsync(path, 'fsync');
    return;
  }
  if (!flush && (flags === kWriteFlags || flags === kAppendFlags)) {
    // open + write + close in one native op; the path belongs to open errors.
    const r = req('writeFile', [path, data, flags === kAppendFlags ? 'a' : 'w', mode], undefined, path);
    r.pathSyscall = 'open';
    yield r;
    return;
  }
  const fd = yield* gOpen(path, flags, mode);
  yield* gWithFd(fd, gWriteAllFlush(fd, toBytes(data), flush));
}

function* gWriteAllFlush(fd, bytes, flush) {
  yield* gWriteAll(fd, bytes, null);
  if (flush) yield* gFsync(fd, 'fsync');
}

// Data for writeFile(): strings in utf8 go to the binding as they are.
function prepareWriteData(data, encoding) {
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') return Buffer.from(data, encoding);
    // The binding takes well-formed strings only; lone surrogates become U+FFFD.
    return data.isWellFormed() ? data : Buffer.from(data, 'utf8');
  }
  return toUint8(data);
}

function* gStat(op, path, options) {
  let st;
  try {
    st = yield req(op, [path], op, path);
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
  return getStatsFromBinding(st, options?.bigint);
}

function* gMkdir(path, recursive, mode) {
  try {
    const first = yield req('mkdir', [path, recursive, mode], 'mkdir', path);
    return recursive ? first : undefined;
  } catch (err) {
    if (recursive && err.code === 'EEXIST') {
      // A file where a parent directory should be: Node reports ENOTDIR.
      try {
        yield req('stat', [path], 'mkdir', path);
      } catch (err2) {
        if (err2.code === 'ENOTDIR') throw fsError(UV_ENOTDIR, 'mkdir', path);
      }
    }
    throw err;
  }
}

function* gReaddirOnce(path, options) {
  const entries = yield req('readdir', [path], 'scandir', path);
  if (!options.withFileTypes) {
    const names = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) names[i] = encodeName(entries[i][0], options.encoding);
    return names;
  }
  const out = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const [name, type] = entries[i];
    const shown = encodeName(name, options.encoding);
    if (type === UV_DIRENT_UNKNOWN) {
      const st = yield req('lstat', [pathModule.join(path, name)], 'lstat', pathModule.join(path, name));
      out[i] = new DirentFromStats(shown, getStatsFromBinding(st), path);
    } else {
      out[i] = new Dirent(shown, type, path);
    }
  }
  return out;
}

function* gReaddirRecursive(basePath, options) {
  const results = [];
  const queue = [basePath];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    let entries;
    try {
      entries = yield req('readdir', [dir], 'scandir', dir);
    } catch (err) {
      if (q === 0) throw err;
      continue;
    }
    for (let i = 0; i < entries.length; i++) {
      const [name, type] = entries[i];
      const full = pathModule.join(dir, name);
      if (options.withFileTypes) {
        let dirent;
        if (type === UV_DIRENT_UNKNOWN) {
          const st = yield req('lstat', [full], 'lstat', full);
          dirent = new DirentFromStats(encodeName(name, options.encoding), getStatsFromBinding(st), dir);
        } else {
          dirent = new Dirent(encodeName(name, options.encoding), type, dir);
        }
        results.push(dirent);
        if (dirent.isDirectory()) queue.push(full);
      } else {
        results.push(encodeName(pathModule.relative(basePath, full), options.encoding));
        let isDir = type === UV_DIRENT_DIR;
        if (type === UV_DIRENT_LINK || type === UV_DIRENT_UNKNOWN) {
          try {
            isDir = modeType(yield req('stat', [full], 'stat', full)) === S_IFDIR;
          } catch {
            isDir = false;
          }
        }
        if (isDir) queue.push(full);
      }
    }
  }
  return results;
}

// rm(): Node looks at the path with lstat() first.
function* gRm(path, options) {
  if (!options.force || !options.recursive) {
    let st;
    try {
      st = yield req('lstat', [path], 'lstat', path);
    } catch (err) {
      if (options.force && err.code === 'ENOENT') return;
      throw err;
    }
    if (modeType(st) === S_IFDIR && !options.recursive) {
      throw new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: 21,
      });
    }
  }
  yield req('rm', [path, Boolean(options.recursive), Boolean(options.force)], 'rm', path);
}

function* gRmdirRecursive(path, options) {
  const st = yield req('lstat', [path], 'lstat', path);
  if (modeType(st) !== S_IFDIR) {
    yield req('rmdir', [path], 'rmdir', path);
    return;
  }
  yield* gRm(path, { ...options, recursive: true, force: false });
}

// realpath() as Node's JS implementation reports failures: the first path
// component that lstat() cannot find.
function* gRealpathWalk(p) {
  let current = '/';
  let rest = p.split('/').filter(Boolean);
  let links = 0;
  while (rest.length > 0) {
    const part = rest.shift();
    const candidate = current === '/' ? `/${part}` : `${current}/${part}`;
    const st = yield req('lstat', [candidate], 'lstat', candidate);
    if (modeType(st) === S_IFLNK) {
      if (++links > 40) throw fsError(UV_ELOOP, 'lstat', candidate);
      const target = yield req('readlink', [candidate], 'readlink', candidate);
      const resolved = pathModule.resolve(current, target);
      rest = resolved.split('/').filter(Boolean).concat(rest);
      current = '/';
    } else {
      if (rest.length > 0 && modeType(st) !== S_IFDIR) {
        const next = `${candidate}/${rest[0]}`;
        throw fsError(UV_ENOTDIR, 'lstat', next);
      }
      current = candidate;
    }
  }
  return current;
}

function* gRealpath(p, options) {
  let result;
  try {
    result = yield req('realpath', [p], 'realpath', p);
  } catch (err) {
    result = yield* gRealpathWalk(p);
    if (result === undefined) throw err;
  }
  return encodeRealpath(result, options);
}

function* gRealpathNative(p, options) {
  const result = yield req('realpath', [p], 'realpath', p);
  return encodeRealpath(result, options);
}

function encodeRealpath(result, options) {
  if (!options || !options.encoding || options.encoding === 'utf8') return result;
  const buf = Buffer.from(result);
  return options.encoding === 'buffer' ? buf : buf.toString(options.encoding);
}

function* gCopyFile(src, dest, mode) {
  if (mode & COPYFILE_EXCL) {
    let exists = true;
    try {
      yield req('lstat', [dest], 'copyfile', src, dest);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
      exists = false;
    }
    if (exists) throw fsError(UV_EEXIST, 'copyfile', src, dest);
  }
  yield req('copyFile', [src, dest], 'copyfile', src, dest);
}

function* gAccess(path, mode) {
  yield req('access', [path, mode], 'access', path);
}

function* gExists(path) {
  try {
    yield req('access', [path, F_OK], 'access', path);
    return true;
  } catch {
    return false;
  }
}

function* gSimple(op, args, syscall, path, dest) {
  return yield req(op, args, syscall, path, dest);
}

function* gReadlink(path, options) {
  const target = yield req('readlink', [path], 'readlink', path);
  return encodeName(target, options.encoding);
}

function* gMkdtemp(prefix, options) {
  const dir = yield req('mkdtemp', [prefix], 'mkdtemp', `${prefix}XXXXXX`);
  return encodeName(dir, options.encoding);
}

// truncate(): open 'r+', ftruncate, close, as Node does.
function* gTruncate(path, len) {
  const fd = yield* gOpen(path, O_RDWR, 0o666);
  yield* gWithFd(fd, gFtruncate(fd, len));
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

// [type, bsize, blocks, bfree, bavail, files, ffree] -> StatFs
function* gStatfs(path, options) {
  const s = yield req('statfs', [path], 'statfs', path);
  if (options?.bigint) {
    const b = (i) => BigInt(Math.trunc(s[i]));
    return new StatFs(b(0), b(1), b(2), b(3), b(4), b(5), b(6));
  }
  return new StatFs(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
}

function* gChown(op, path, uid, gid) {
  yield req(op, [path, toId(uid), toId(gid)], op, path);
}

function* gUtimes(op, path, atime, mtime) {
  yield req(op, [path, atime, mtime], op === 'utimes' ? 'utime' : 'lutime', path);
}

// cp(): files, directories (with `recursive`) and symlinks.
function* gCp(src, dest, options) {
  const srcStat = options.dereference ?
    yield req('stat', [src], 'stat', src) :
    yield req('lstat', [src], 'lstat', src);
  if (options.filter) {
    let keep = options.filter(src, dest);
    if (keep && typeof keep.then === 'function') {
      throw new ERR_METHOD_NOT_IMPLEMENTED('cp() with an async filter');
    }
    if (!keep) return;
  }
  let destStat = null;
  try {
    destStat = yield req('lstat', [dest], 'lstat', dest);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const type = modeType(srcStat);
  const { codes } = require('internal/errors');
  if (type === S_IFDIR) {
    if (!options.recursive) {
      throw new codes.ERR_FS_EISDIR({
        message: `${src} is a directory (not copied)`,
        path: src, syscall: 'cp', errno: 22, code: 'EISDIR',
      });
    }
    if (destStat !== null && modeType(destStat) !== S_IFDIR) {
      throw new codes.ERR_FS_CP_DIR_TO_NON_DIR({
        message: `cannot overwrite non-directory ${dest} with directory ${src}`,
        path: dest, syscall: 'cp', errno: 21, code: 'EISDIR',
      });
    }
    if (destStat === null) yield req('mkdir', [dest, false, srcStat[1] & 0o7777], 'mkdir', dest);
    const entries = yield req('readdir', [src], 'scandir', src);
    for (const [name] of entries) {
      yield* gCp(pathModule.join(src, name), pathModule.join(dest, name), options);
    }
    return;
  }
  if (destStat !== null) {
    if (modeType(destStat) === S_IFDIR) {
      throw new codes.ERR_FS_CP_NON_DIR_TO_DIR({
        message: `cannot overwrite directory ${dest} with non-directory ${src}`,
        path: dest, syscall: 'cp', errno: 20, code: 'ENOTDIR',
      });
    }
    if (!options.force) {
      if (options.errorOnExist) {
        throw new codes.ERR_FS_CP_EEXIST({
          message: `${dest} already exists`, path: dest, syscall: 'cp', errno: 17, code: 'EEXIST',
        });
      }
      return;
    }
  }
  if (type === S_IFLNK) {
    let target = yield req('readlink', [src], 'readlink', src);
    if (!options.verbatimSymlinks && !pathModule.isAbsolute(target)) {
      target = pathModule.resolve(pathModule.dirname(src), target);
    }
    if (destStat !== null) yield req('unlink', [dest], 'unlink', dest);
    yield req('symlink', [target, dest], 'symlink', target, dest);
    return;
  }
  if (type !== S_IFREG) {
    throw new codes.ERR_FS_CP_UNKNOWN({
      message: `cannot copy an unknown file type: ${dest}`, path: dest, syscall: 'cp', errno: 22, code: 'EINVAL',
    });
  }
  yield req('copyFile', [src, dest], 'copyfile', src, dest);
}

function* gCpTop(src, dest, options) {
  const { codes } = require('internal/errors');
  const from = pathModule.resolve(src);
  const to = pathModule.resolve(dest);
  if (from === to) {
    throw new codes.ERR_FS_CP_EINVAL({
      message: 'src and dest cannot be the same', path: dest, syscall: 'cp', errno: 22, code: 'EINVAL',
    });
  }
  if (to.startsWith(from.endsWith('/') ? from : `${from}/`)) {
    const st = yield req('stat', [src], 'stat', src);
    if (modeType(st) === S_IFDIR) {
      throw new codes.ERR_FS_CP_EINVAL({
        message: `cannot copy ${src} to a subdirectory of self ${dest}`,
        path: dest, syscall: 'cp', errno: 22, code: 'EINVAL',
      });
    }
  }
  yield* gCp(src, dest, options);
}

// --- public API: access / exists ---------------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  callback = makeCallback(callback);
  runCallback(gAccess(path, mode), callback);
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  runSync(gAccess(path, mode));
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  let p;
  try {
    p = getValidatedPath(path);
  } catch {
    return callback(false);
  }
  runAsync(gExists(p), (err, result) => callback(result === true));
}

Object.defineProperty(exists, kCustomPromisifiedSymbol, {
  __proto__: null,
  value: function exists(path) { // eslint-disable-line func-name-matching
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return runSync(gExists(path));
}

// --- readFile / writeFile / appendFile ---------------------------------------------------------

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  if (isInt32(path)) {
    runCallback(gReadFile(path, options, O_RDONLY), callback);
    return;
  }
  if (checkAborted(options.signal, callback)) return;
  const flags = stringToFlags(options.flag, 'options.flag');
  path = getValidatedPath(path);
  const signal = options.signal;
  runAsync(gReadFile(path, options, flags), (err, data) => {
    if (!err && signal?.aborted) err = new AbortError(undefined, { cause: signal.reason });
    if (err) callback(err);
    else callback(null, data);
  });
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (isInt32(path)) return runSync(gReadFile(path, options, O_RDONLY));
  const flags = stringToFlags(options.flag);
  path = getValidatedPath(path);
  return runSync(gReadFile(path, options, flags));
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  data = prepareWriteData(data, options.encoding);
  if (isInt32(path)) {
    if (checkAborted(options.signal, callback)) return;
    runCallback(gWriteFile(path, data, 0, 0, flush), callback);
    return;
  }
  if (checkAborted(options.signal, callback)) return;
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  runCallback(gWriteFile(path, data, flags, mode, flush), callback);
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';
  if (!isInt32(path)) path = getValidatedPath(path);
  data = prepareWriteData(data, options.encoding);
  if (isInt32(path)) {
    runSync(gWriteFile(path, data, 0, 0, flush));
    return;
  }
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  runSync(gWriteFile(path, data, flags, mode, flush));
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isInt32(path)) options.flag = 'a';
  fs.writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isInt32(path)) options.flag = 'a';
  fs.writeFileSync(path, data, options);
}

// --- file descriptors ----------------------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  runCallback(gOpen(path, flagsNumber, mode), callback);
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return runSync(gOpen(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666)));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  runCallback(gClose(fd), callback);
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  runSync(gClose(fd));
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) {
    process.nextTick(() => callback(null, 0, buffer));
    return;
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position');
  runAsync(gRead(fd, buffer, offset, length, position), (err, bytesRead) => {
    callback(err, bytesRead || 0, buffer);
  });
}

Object.defineProperty(read, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffer'], enumerable: false,
});

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position');
  return runSync(gRead(fd, buffer, offset, length, position));
}

function* gReadv(fd, buffers, position) {
  let total = 0;
  for (const view of buffers) {
    if (view.byteLength === 0) continue;
    const n = yield* gRead(fd, view, 0, view.byteLength, position === null ? null : position + total);
    total += n;
    if (n < view.byteLength) break;
  }
  return total;
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (typeof position !== 'number') position = null;
  runAsync(gReadv(fd, buffers, position), (err, n) => callback(err, n || 0, buffers));
}

Object.defineProperty(readv, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffers'], enumerable: false,
});

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return runSync(gReadv(fd, buffers, position));
}

// Resolves write()'s (buffer, offset|options, length, position) to
// [bytes, position].
function writeArgs(buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (typeof offset === 'object') {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset == null || typeof offset === 'function') offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  if (typeof position !== 'number') position = null;
  validateOffsetLengthWrite(offset, length, buffer.byteLength);
  return [toUint8(buffer).subarray(offset, offset + length), position];
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let bytes;
  let pos;
  if (isArrayBufferView(buffer)) {
    callback ||= position || length || offsetOrOptions;
    validateFunction(callback, 'cb');
    [bytes, pos] = writeArgs(buffer, offsetOrOptions, length,
                             typeof position === 'function' ? null : position);
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    let offset = offsetOrOptions;
    if (typeof position !== 'function') {
      if (typeof offset === 'function') {
        position = offset;
        offset = null;
      } else {
        position = length;
      }
      length = 'utf8';
    }
    validateEncoding(buffer, length);
    callback = position;
    validateFunction(callback, 'cb');
    bytes = Buffer.from(buffer, length);
    pos = typeof offset === 'number' ? offset : null;
  }
  runAsync(gWrite(fd, bytes, pos), (err, written) => callback(err, written || 0, buffer));
}

Object.defineProperty(write, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false,
});

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let bytes;
  let pos;
  if (isArrayBufferView(buffer)) {
    if (position === undefined) position = null;
    [bytes, pos] = writeArgs(buffer, offsetOrOptions, length, position);
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    validateEncoding(buffer, length);
    bytes = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
    pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
  }
  try {
    return runSync(gWrite(fd, bytes, pos));
  } catch (err) {
    // Node's writeSync() builds the error from {errno, syscall}: the keys
    // come in that order.
    if (typeof err.errno === 'number' && err.syscall === 'write' && err.path === undefined) {
      throw uvException({ errno: err.errno, syscall: 'write' });
    }
    throw err;
  }
}

// One write of the buffers joined (one native op for a batch of chunks).
function* gWritev(fd, buffers, position) {
  if (buffers.length === 1) return yield* gWrite(fd, toUint8(buffers[0]), position);
  return yield* gWrite(fd, Buffer.concat(buffers.map(toUint8)), position);
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  runAsync(gWritev(fd, buffers, position), (err, n) => callback(err, n || 0, buffers));
}

Object.defineProperty(writev, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false,
});

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return runSync(gWritev(fd, buffers, position));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  fd = getValidatedFd(fd);
  runCallback(gFstat(fd, options), callback);
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return runSync(gFstat(fd, options));
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  runCallback(gFtruncate(fd, len), callback);
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  runSync(gFtruncate(fd, len));
}

let truncateWarn = true;
function showTruncateDeprecation() {
  if (truncateWarn) {
    process.emitWarning(
      'Using fs.truncate with a file descriptor is deprecated. Please use ' +
      'fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning', 'DEP0081');
    truncateWarn = false;
  }
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  runCallback(gTruncate(path, len), callback);
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  validateInteger(len, 'len');
  len = Math.max(0, len);
  path = getValidatedPath(path);
  runSync(gTruncate(path, len));
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  runCallback(gFsync(fd, 'fsync'), callback);
}

function fsyncSync(fd) {
  fd = getValidatedFd(fd);
  runSync(gFsync(fd, 'fsync'));
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  runCallback(gFsync(fd, 'fdatasync'), callback);
}

function fdatasyncSync(fd) {
  fd = getValidatedFd(fd);
  runSync(gFsync(fd, 'fdatasync'));
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  runCallback(gFchmod(fd, mode), callback);
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  runSync(gFchmod(fd, parseFileMode(mode, 'mode')));
}

// --- paths -----------------------------------------------------------------------------

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  runCallback(gSimple('rename', [oldPath, newPath], 'rename', oldPath, newPath), callback);
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  runSync(gSimple('rename', [oldPath, newPath], 'rename', oldPath, newPath));
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };

function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

function validateRmOptions(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

let recursiveRmdirWarned;
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned === undefined) recursiveRmdirWarned = process.noDeprecation;
  if (!recursiveRmdirWarned) {
    process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning', 'DEP0147');
    recursiveRmdirWarned = true;
  }
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  validateFunction(callback, 'cb');
  runCallback(gRm(path, options), callback);
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  runSync(gRm(path, options));
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmdirOptions(options);
    runCallback(gRmdirRecursive(path, options), callback);
  } else {
    validateRmdirOptions(options);
    runCallback(gSimple('rmdir', [path], 'rmdir', path), callback);
  }
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmdirOptions(options);
    runSync(gRmdirRecursive(path, options));
    return;
  }
  validateRmdirOptions(options);
  runSync(gSimple('rmdir', [path], 'rmdir', path));
}

function mkdirArgs(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  return [mode, recursive];
}

function mkdir(path, options, callback) {
  let [mode, recursive] = typeof options === 'function' ? [0o777, false] : mkdirArgs(options);
  if (typeof options === 'function') callback = options;
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  mode = parseFileMode(mode, 'mode');
  runCallback(gMkdir(path, recursive, mode), callback);
}

function mkdirSync(path, options) {
  let [mode, recursive] = mkdirArgs(options);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  mode = parseFileMode(mode, 'mode');
  const result = runSync(gMkdir(path, recursive, mode));
  if (recursive) return result;
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const gen = options.recursive ? gReaddirRecursive(path, options) : gReaddirOnce(path, options);
  runCallback(gen, callback);
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return runSync(gReaddirRecursive(path, options));
  return runSync(gReaddirOnce(path, options));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  runCallback(gStat('lstat', path, { bigint: options.bigint }), callback);
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  runCallback(gStat('stat', path, { bigint: options.bigint }), callback);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return runSync(gStat('lstat', path, options));
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return runSync(gStat('stat', path, options));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  runCallback(gStatfs(path, options), callback);
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return runSync(gStatfs(path, options));
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  runCallback(gReadlink(path, options), callback);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return runSync(gReadlink(path, options));
}

function symlink(target, path, type_, callback_) {
  const type = typeof type_ === 'string' ? type_ : null;
  const callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  runCallback(gSimple('symlink', [target, path], 'symlink', target, path), callback);
}

function symlinkSync(target, path, type) {
  type = typeof type === 'string' ? type : null;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  runSync(gSimple('symlink', [target, path], 'symlink', target, path));
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  runCallback(gSimple('link', [existingPath, newPath], 'link', existingPath, newPath), callback);
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  runSync(gSimple('link', [existingPath, newPath], 'link', existingPath, newPath));
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  runCallback(gSimple('unlink', [path], 'unlink', path), callback);
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  runSync(gSimple('unlink', [path], 'unlink', path));
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  runCallback(gSimple('chmod', [path, mode], 'chmod', path), callback);
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  runSync(gSimple('chmod', [path, mode], 'chmod', path));
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, 2 ** 32 - 1);
  validateInteger(gid, 'gid', -1, 2 ** 32 - 1);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  runCallback(gChown('chown', path, uid, gid), callback);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  runSync(gChown('chown', path, uid, gid));
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  runCallback(gChown('lchown', path, uid, gid), callback);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  runSync(gChown('lchown', path, uid, gid));
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = makeCallback(callback);
  runCallback(gFchown(fd, uid, gid), callback);
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  runSync(gFchown(fd, uid, gid));
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (isDate(time)) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  runCallback(gUtimes('utimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)), callback);
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  runSync(gUtimes('utimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  runCallback(gFutimes(fd, atime, mtime), callback);
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  runSync(gFutimes(fd, atime, mtime));
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  runCallback(gUtimes('lutimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)), callback);
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  runSync(gUtimes('lutimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)));
}

function realpathArg(p) {
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  return pathModule.resolve(p);
}

function realpathSync(p, options) {
  options = getOptions(options);
  return runSync(gRealpath(realpathArg(p), options));
}

realpathSync.native = function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return runSync(gRealpathNative(path, options));
};

function realpath(p, options, callback) {
  if (typeof options === 'function') callback = options;
  validateFunction(callback, 'cb');
  options = getOptions(options);
  p = realpathArg(p);
  runCallback(gRealpath(p, options), callback);
}

realpath.native = function realpath(path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  runCallback(gRealpathNative(path, options), callback);
};

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  if (nonPortableTemplateWarn && template.endsWith('X')) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  runCallback(gMkdtemp(prefix, options), callback);
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return runSync(gMkdtemp(prefix, options));
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  mode = getValidMode(mode, 'copyFile');
  runCallback(gCopyFile(src, dest, mode), callback);
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  runSync(gCopyFile(src, dest, mode));
}

const defaultCpOptions = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...defaultCpOptions };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  runCallback(gCpTop(src, dest, options), callback);
}

function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  runSync(gCpTop(src, dest, options));
}

function unsupportedWatch() {
  const err = fsError(UV_ENOSYS, 'watch');
  throw err;
}

function watch(filename, options, listener) {
  getValidatedPath(filename, 'filename');
  unsupportedWatch();
}

function watchFile(filename, options, listener) {
  getValidatedPath(filename, 'filename');
  unsupportedWatch();
}

function unwatchFile(filename, listener) {
  getValidatedPath(filename, 'filename');
}

function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  getValidatedPath(path);
  throw new ERR_METHOD_NOT_IMPLEMENTED('openAsBlob()');
}

// --- directories (opendir) -------------------------------------------------------------------

const kDirPath = Symbol('kDirPath');
const kDirEntries = Symbol('kDirEntries');
const kDirClosed = Symbol('kDirClosed');
const kDirOptions = Symbol('kDirOptions');

// A directory listing read at opendir() time (readdir under the hood).
class Dir {
  constructor(path, entries, options) {
    this[kDirPath] = path;
    this[kDirEntries] = entries;
    this[kDirClosed] = false;
    this[kDirOptions] = options;
  }

  get path() {
    return this[kDirPath];
  }

  #next() {
    if (this[kDirClosed]) throw new ERR_DIR_CLOSED();
    const e = this[kDirEntries].shift();
    return e === undefined ? null : e;
  }

  read(callback) {
    if (callback === undefined) {
      try {
        return Promise.resolve(this.#next());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    validateFunction(callback, 'callback');
    let result;
    try {
      result = this.#next();
    } catch (err) {
      process.nextTick(callback, err);
      return;
    }
    process.nextTick(callback, null, result);
  }

  readSync() {
    return this.#next();
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kDirClosed]) return Promise.reject(new ERR_DIR_CLOSED());
      this[kDirClosed] = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    if (this[kDirClosed]) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    this[kDirClosed] = true;
    process.nextTick(callback, null);
  }

  closeSync() {
    if (this[kDirClosed]) throw new ERR_DIR_CLOSED();
    this[kDirClosed] = true;
  }

  async* entries() {
    try {
      for (;;) {
        const entry = this.#next();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kDirClosed]) this[kDirClosed] = true;
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

function validateDirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
  return options;
}

function* gOpendir(path, options) {
  const entries = options.recursive ?
    yield* gReaddirRecursive(path, { ...options, withFileTypes: true }) :
    yield* gReaddirOnce(path, { ...options, withFileTypes: true });
  return new Dir(path, entries, options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = validateDirOptions(options);
  runCallback(gOpendir(path, options), callback);
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = validateDirOptions(options);
  return runSync(gOpendir(path, options));
}

// --- streams ---------------------------------------------------------------------------------

let ReadStream;
let WriteStream;
let lazyStreamsLoaded = false;

function lazyLoadStreams() {
  if (lazyStreamsLoaded) return;
  lazyStreamsLoaded = true;
  ({ ReadStream, WriteStream } = makeStreams());
  FileReadStream = ReadStream;
  FileWriteStream = WriteStream;
}
let FileReadStream;
let FileWriteStream;

function makeStreams() {
  const { Readable, Writable, finished } = require('stream');
  const { errorOrDestroy } = require('internal/streams/destroy');
  const kFs = Symbol('kFs');
  const kIsPerformingIO = Symbol('kIsPerformingIO');
  const kIoDone = Symbol('kIoDone');

  const openReadFs = deprecate(function() {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
  const openWriteFs = deprecate(function() {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');

  // Opens the file (unless an fd was given) before the first read/write.
  function _construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') {
      callback();
      return;
    }
    if (stream.open !== openWriteFs && stream.open !== openReadFs) {
      // A subclass with its own open(): wait for its 'open' (or 'error').
      const orgEmit = stream.emit;
      stream.emit = function(...args) {
        if (args[0] === 'open') {
          this.emit = orgEmit;
          callback();
          orgEmit.apply(this, args);
        } else if (args[0] === 'error') {
          this.emit = orgEmit;
          callback(args[1]);
        } else {
          orgEmit.apply(this, args);
        }
      };
      stream.open();
      return;
    }
    stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
      if (er) {
        callback(er);
      } else {
        stream.fd = fd;
        callback();
        stream.emit('open', stream.fd);
        stream.emit('ready');
      }
    });
  }

  function closeStream(stream, err, cb) {
    if (!stream.fd) {
      cb(err);
    } else if (stream.flush) {
      stream[kFs].fsync(stream.fd, (flushErr) => closeFd(stream, err || flushErr, cb));
    } else {
      closeFd(stream, err, cb);
    }
  }

  function closeFd(stream, err, cb) {
    stream[kFs].close(stream.fd, (er) => cb(er || err));
    stream.fd = null;
  }

  function importFd(stream, options) {
    if (typeof options.fd === 'number') {
      stream[kFs] = options.fs || fs;
      return options.fd;
    }
    const FileHandle = fs[kInternals].getFileHandleClass?.();
    if (FileHandle && typeof options.fd === 'object' && options.fd instanceof FileHandle) {
      if (options.fs) throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
      const handle = options.fd;
      stream[kFs] = {
        open() { throw new ERR_METHOD_NOT_IMPLEMENTED('open()'); },
        close(fd, cb) { handle.close().then(() => cb(), cb); },
        fsync(fd, cb) { handle.sync().then(() => cb(), cb); },
        read(fd, buf, offset, length, pos, cb) {
          handle.read(buf, offset, length, pos).then((r) => cb(null, r.bytesRead, r.buffer), (e) => cb(e, 0, buf));
        },
        write(fd, buf, offset, length, pos, cb) {
          handle.write(buf, offset, length, pos).then((r) => cb(null, r.bytesWritten, r.buffer), (e) => cb(e, 0, buf));
        },
        writev(fd, buffers, pos, cb) {
          handle.writev(buffers, pos).then((r) => cb(null, r.bytesWritten, r.buffers), (e) => cb(e, 0, buffers));
        },
      };
      handle.on?.('close', () => stream.close());
      return handle.fd;
    }
    throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], options.fd);
  }

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = copyObject(getOptions(options, kEmptyObject));
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    if (options.autoDestroy === undefined) options.autoDestroy = false;
    if (options.fd == null) {
      this.fd = null;
      this[kFs] = options.fs || fs;
      validateFunction(this[kFs].open, 'options.fs.open');
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'r' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      validatePath(this.path);
    } else {
      this.fd = getValidatedFd(importFd(this, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    validateFunction(this[kFs].read, 'options.fs.read');
    if (options.autoDestroy) validateFunction(this[kFs].close, 'options.fs.close');
    this.start = options.start;
    this.end = options.end;
    this.pos = undefined;
    this.bytesRead = 0;
    this[kIsPerformingIO] = false;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (this.end !== Infinity) {
      validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
    Readable.call(this, options);
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);

  Object.defineProperty(ReadStream.prototype, 'autoClose', {
    __proto__: null,
    get() { return this._readableState.autoDestroy; },
    set(val) { this._readableState.autoDestroy = val; },
  });

  ReadStream.prototype.open = openReadFs;
  ReadStream.prototype._construct = _construct;

  ReadStream.prototype._read = function(n) {
    n = this.pos !== undefined ?
      Math.min(this.end - this.pos + 1, n) :
      Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) {
      this.push(null);
      return;
    }
    this[kIsPerformingIO] = true;
    if (this[kFs].read === read) {
      // fs's own read(): take the binding's Buffer as the chunk (no copy).
      runAsync(gReadChunk(this.fd, n, this.pos), (er, buf) => {
        onRead(this, er, buf ? buf.length : 0, buf);
      });
      return;
    }
    const buf = Buffer.allocUnsafeSlow(n);
    this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead, buf) => {
      onRead(this, er, bytesRead, buf);
    });
  };

  function onRead(stream, er, bytesRead, buf) {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      stream.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(stream, er);
    } else if (bytesRead > 0) {
      if (stream.pos !== undefined) stream.pos += bytesRead;
      stream.bytesRead += bytesRead;
      if (bytesRead !== buf.length) {
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(dst, 0, 0, bytesRead);
        buf = dst;
      }
      stream.push(buf);
    } else {
      stream.push(null);
    }
  }

  ReadStream.prototype._destroy = function(err, cb) {
    if (this[kIsPerformingIO]) {
      this.once(kIoDone, (er) => closeStream(this, err || er, cb));
    } else {
      closeStream(this, err, cb);
    }
  };

  ReadStream.prototype.close = function(cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  };

  Object.defineProperty(ReadStream.prototype, 'pending', {
    __proto__: null,
    get() { return this.fd === null; },
    configurable: true,
  });

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = copyObject(getOptions(options, kEmptyObject));
    options.decodeStrings = true;
    if (options.fd == null) {
      this.fd = null;
      this[kFs] = options.fs || fs;
      validateFunction(this[kFs].open, 'options.fs.open');
      this.path = toPathIfFileURL(path);
      this.flags = options.flags === undefined ? 'w' : options.flags;
      this.mode = options.mode === undefined ? 0o666 : options.mode;
      validatePath(this.path);
    } else {
      this.fd = getValidatedFd(importFd(this, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    if (!this[kFs].write && !this[kFs].writev) {
      throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function', this[kFs].write);
    }
    if (this[kFs].write) validateFunction(this[kFs].write, 'options.fs.write');
    if (this[kFs].writev) validateFunction(this[kFs].writev, 'options.fs.writev');
    if (options.autoDestroy) validateFunction(this[kFs].close, 'options.fs.close');
    this.flush = options.flush;
    if (this.flush == null) {
      this.flush = false;
    } else {
      validateBoolean(this.flush, 'options.flush');
      validateFunction(this[kFs].fsync, 'options.fs.fsync');
    }
    if (!this[kFs].write) this._write = null;
    if (!this[kFs].writev) this._writev = null;
    this.start = options.start;
    this.pos = undefined;
    this.bytesWritten = 0;
    this[kIsPerformingIO] = false;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    Writable.call(this, options);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);

  Object.defineProperty(WriteStream.prototype, 'autoClose', {
    __proto__: null,
    get() { return this._writableState.autoDestroy; },
    set(val) { this._writableState.autoDestroy = val; },
  });

  WriteStream.prototype.open = openWriteFs;
  WriteStream.prototype._construct = _construct;

  function writeAll(data, size, pos, cb, retries = 0) {
    this[kFs].write(this.fd, data, 0, size, pos, (er, bytesWritten, buffer) => {
      if (er?.code === 'EAGAIN') {
        er = null;
        bytesWritten = 0;
      }
      if (this.destroyed || er) return cb(er || new ERR_STREAM_DESTROYED('write'));
      this.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      pos += bytesWritten;
      if (retries > 5) cb(new ERR_SYSTEM_ERROR('write failed'));
      else if (size) writeAll.call(this, buffer.slice(bytesWritten), size, pos, cb, retries);
      else cb();
    });
  }

  function writevAll(chunks, size, pos, cb, retries = 0) {
    this[kFs].writev(this.fd, chunks, this.pos, (er, bytesWritten, buffers) => {
      if (er?.code === 'EAGAIN') {
        er = null;
        bytesWritten = 0;
      }
      if (this.destroyed || er) return cb(er || new ERR_STREAM_DESTROYED('writev'));
      this.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      pos += bytesWritten;
      if (retries > 5) cb(new ERR_SYSTEM_ERROR('writev failed'));
      else if (size) writevAll.call(this, [Buffer.concat(buffers).slice(bytesWritten)], size, pos, cb, retries);
      else cb();
    });
  }

  WriteStream.prototype._write = function(data, encoding, cb) {
    this[kIsPerformingIO] = true;
    writeAll.call(this, data, data.length, this.pos, (er) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(er);
        return this.emit(kIoDone, er);
      }
      cb(er);
    });
    if (this.pos !== undefined) this.pos += data.length;
  };

  WriteStream.prototype._writev = function(data, cb) {
    const len = data.length;
    const chunks = new Array(len);
    let size = 0;
    for (let i = 0; i < len; i++) {
      const chunk = data[i].chunk;
      chunks[i] = chunk;
      size += chunk.length;
    }
    this[kIsPerformingIO] = true;
    writevAll.call(this, chunks, size, this.pos, (er) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(er);
        return this.emit(kIoDone, er);
      }
      cb(er);
    });
    if (this.pos !== undefined) this.pos += size;
  };

  WriteStream.prototype._destroy = function(err, cb) {
    if (this[kIsPerformingIO]) {
      this.once(kIoDone, (er) => closeStream(this, err || er, cb));
    } else {
      closeStream(this, err, cb);
    }
  };

  WriteStream.prototype.close = function(cb) {
    if (cb) {
      if (this.closed) {
        process.nextTick(cb);
        return;
      }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };

  WriteStream.prototype.destroySoon = WriteStream.prototype.end;

  Object.defineProperty(WriteStream.prototype, 'pending', {
    __proto__: null,
    get() { return this.fd === null; },
    configurable: true,
  });

  return { ReadStream, WriteStream };
}

function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}

// --- exports ---------------------------------------------------------------------------------

let promises;
const kInternals = Symbol.for('weft.fs.internals');

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,

  get ReadStream() {
    lazyLoadStreams();
    return ReadStream;
  },
  set ReadStream(val) {
    ReadStream = val;
  },
  get WriteStream() {
    lazyLoadStreams();
    return WriteStream;
  },
  set WriteStream(val) {
    WriteStream = val;
  },
  get FileReadStream() {
    lazyLoadStreams();
    return FileReadStream;
  },
  set FileReadStream(val) {
    FileReadStream = val;
  },
  get FileWriteStream() {
    lazyLoadStreams();
    return FileWriteStream;
  },
  set FileWriteStream(val) {
    FileWriteStream = val;
  },

  _toUnixTimestamp: toUnixTimestamp,

  Dir,
  opendir,
  opendirSync,
};

Object.defineProperties(fs, {
  F_OK: { __proto__: null, enumerable: true, value: F_OK },
  R_OK: { __proto__: null, enumerable: true, value: R_OK },
  W_OK: { __proto__: null, enumerable: true, value: W_OK },
  X_OK: { __proto__: null, enumerable: true, value: X_OK },
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      promises ??= require('fs/promises');
      return promises;
    },
  },
});

// What fs/promises builds on (not part of the public API).
Object.defineProperty(fs, kInternals, {
  __proto__: null,
  enumerable: false,
  value: {
    runPromise,
    runSync,
    fsError,
    getValidatedPath,
    getValidatedFd,
    getOptions,
    copyObject,
    stringToFlags,
    stringToSymlinkType,
    getValidMode,
    validateRmOptions,
    validateRmdirOptions,
    validateCpOptions,
    validateDirOptions,
    validateOffsetLengthRead,
    validateOffsetLengthWrite,
    validatePosition,
    validateStringAfterArrayBufferView,
    validateBufferArray,
    validateIds,
    toUnixTimestamp,
    prepareWriteData,
    realpathArg,
    warnOnNonPortableTemplate,
    emitRecursiveRmdirWarning,
    isInt32,
    toUint8,
    gAccess, gCopyFile, gCp: gCpTop, gOpen, gOpendir, gSimple, gTruncate, gRm, gRmdirRecursive, gMkdir,
    gReaddirOnce, gReaddirRecursive, gReadlink, gStat, gStatfs, gChown, gUtimes, gRealpath, gMkdtemp,
    gWriteFile, gReadFile, gRead, gWrite, gWriteAll, gClose, gFstat, gFtruncate, gFsync, gFchmod,
    gFchown, gFutimes, gReadFd,
    getFileHandleClass: undefined,
  },
});
