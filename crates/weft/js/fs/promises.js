'use strict';

// fs/promises: the promise API. The operations are the generators of fs.js
// run by its promise driver (on the thread pool); a FileHandle owns a real
// OS file descriptor and closes it with close().

const fs = require('fs');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  AbortError,
  aggregateTwoErrors,
  codes: { ERR_INVALID_ARG_VALUE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { kEmptyObject, promisify } = require('internal/util');

const I = fs[Symbol.for('weft.fs.internals')];
const {
  runPromise,
  getValidatedPath,
  getOptions,
  copyObject,
  stringToFlags,
  stringToSymlinkType,
  getValidMode,
  validateRmOptions,
  validateRmdirOptions,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateStringAfterArrayBufferView,
  validateBufferArray,
  validateIds,
  toUnixTimestamp,
  prepareWriteData,
  warnOnNonPortableTemplate,
  emitRecursiveRmdirWarning,
  toUint8,
} = I;

const { F_OK } = fs.constants;

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
}

// An open file (fs.promises.open()).
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFile, this, options);
  }

  readLines(options = undefined) {
    const { Interface } = require('readline');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      this[kClosePromise] = runPromise(I.gClose(fd)).finally(() => {
        this[kClosePromise] = undefined;
      });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = undefined;
        this[kCloseReject] = undefined;
        this[kCloseResolve] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  };

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  readableWebStream() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle.readableWebStream()');
  }

  createReadStream(options = undefined) {
    return new fs.ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    return new fs.WriteStream(undefined, { ...options, fd: this });
  }

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      runPromise(I.gClose(fd)).then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}

I.getFileHandleClass = () => FileHandle;

async function fsCall(fn, handle, ...args) {
  if (handle.fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRef]();
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

async function handleFdClose(fileOpPromise, closeFunc) {
  return fileOpPromise.then(
    (result) => closeFunc().then(() => result),
    (opError) => closeFunc().then(
      () => Promise.reject(opError),
      (closeError) => Promise.reject(aggregateTwoErrors(closeError, opError))));
}

// --- operations on paths ---------------------------------------------------------

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  return runPromise(I.gAccess(path, mode));
}

async function cp(src, dest, options) {
  options = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return runPromise(I.gCp(src, dest, options));
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  return runPromise(I.gCopyFile(src, dest, mode));
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await runPromise(I.gOpen(path, flagsNumber, mode)));
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return runPromise(I.gSimple('rename', [oldPath, newPath], 'rename', oldPath, newPath));
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(ftruncate(fd, len), fd.close);
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  return runPromise(I.gRm(path, options));
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) {
    emitRecursiveRmdirWarning();
    return runPromise(I.gRmdirRecursive(path, options));
  }
  return runPromise(I.gSimple('rmdir', [path], 'rmdir', path));
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  return runPromise(I.gMkdir(path, recursive, parseFileMode(mode, 'mode', 0o777)));
}

async function readdir(path, options) {
  options = copyObject(getOptions(options));
  path = getValidatedPath(path);
  if (options.recursive) return runPromise(I.gReaddirRecursive(path, options));
  return runPromise(I.gReaddirOnce(path, options));
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return runPromise(I.gReadlink(path, options));
}

async function symlink(target, path, type_) {
  const type = typeof type_ === 'string' ? type_ : null;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  return runPromise(I.gSimple('symlink', [target, path], 'symlink', target, path));
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return runPromise(I.gStat('lstat', path, { bigint: options.bigint }));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return runPromise(I.gStat('stat', path, { bigint: options.bigint }));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return runPromise(I.gStatfs(path, options));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return runPromise(I.gSimple('link', [existingPath, newPath], 'link', existingPath, newPath));
}

async function unlink(path) {
  path = getValidatedPath(path);
  return runPromise(I.gSimple('unlink', [path], 'unlink', path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return runPromise(I.gSimple('chmod', [path, mode], 'chmod', path));
}

async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  return runPromise(I.gChown('lchown', path, uid, gid));
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  return runPromise(I.gChown('chown', path, uid, gid));
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return runPromise(I.gUtimes('utimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return runPromise(I.gUtimes('lutimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime)));
}

// Like Node's promise API, the native realpath(3).
async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const { gSimple } = I;
  const result = await runPromise(gSimple('realpath', [path], 'realpath', path));
  if (!options.encoding || options.encoding === 'utf8') return result;
  const buf = Buffer.from(result);
  return options.encoding === 'buffer' ? buf : buf.toString(options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return runPromise(I.gMkdtemp(prefix, options));
}

function isCustomIterable(obj) {
  return obj != null && typeof obj[Symbol.iterator] === 'function' &&
    !isArrayBufferView(obj) && typeof obj !== 'string';
}

function isAsyncIterable(obj) {
  return obj != null && typeof obj[Symbol.asyncIterator] === 'function';
}

async function collectChunks(data, encoding, signal) {
  const chunks = [];
  for await (const chunk of data) {
    checkAborted(signal);
    chunks.push(isArrayBufferView(chunk) ? toUint8(chunk) : Buffer.from(chunk, encoding || 'utf8'));
  }
  return Buffer.concat(chunks);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const iterable = isCustomIterable(data) || isAsyncIterable(data);
  if (!isArrayBufferView(data) && !iterable) {
    validateStringAfterArrayBufferView(data, 'data');
  }
  validateAbortSignal(options.signal);
  const signal = options.signal;
  checkAborted(signal);
  if (iterable) data = await collectChunks(data, options.encoding, signal);
  else data = prepareWriteData(data, options.encoding);
  checkAborted(signal);
  if (path instanceof FileHandle) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (bytes.length === 0) return;
    await runPromise(I.gWriteFile(path.fd, bytes, 0, 0, flush));
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  return runPromise(I.gWriteFile(path, data, flags, mode, flush));
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  const signal = options.signal;
  if (path instanceof FileHandle) {
    checkAborted(signal);
    const data = await runPromise(I.gReadFd(path.fd));
    checkAborted(signal);
    return options.encoding ? data.toString(options.encoding) : data;
  }
  checkAborted(signal);
  const flags = stringToFlags(flag);
  path = getValidatedPath(path);
  const data = await runPromise(I.gReadFile(path, { encoding: undefined }, flags));
  checkAborted(signal);
  return options.encoding ? data.toString(options.encoding) : data;
}

async function* watch(filename, options = kEmptyObject) {
  getValidatedPath(filename, 'filename');
  validateObject(options, 'options');
  throw I.fsError(-38, 'watch');
}

const opendir = promisify(fs.opendir);

// --- operations on FileHandles ------------------------------------------------------

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== undefined) {
      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (!Number.isSafeInteger(position)) position = -1;
  const bytesRead = (await runPromise(I.gRead(handle.fd, buffer, offset, length, position))) || 0;
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  let bytesRead = 0;
  for (const view of buffers) {
    if (view.byteLength === 0) continue;
    const n = await runPromise(I.gRead(handle.fd, view, 0, view.byteLength,
                                       position === null ? null : position + bytesRead));
    bytesRead += n;
    if (n < view.byteLength) break;
  }
  return { __proto__: null, bytesRead, buffers };
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytes = toUint8(buffer).subarray(offset, offset + length);
    const bytesWritten = (await runPromise(I.gWrite(handle.fd, bytes, position))) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const bytes = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
  const pos = typeof offset === 'number' ? offset : null;
  const bytesWritten = (await runPromise(I.gWrite(handle.fd, bytes, pos))) || 0;
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const joined = Buffer.concat(buffers.map(toUint8));
  const bytesWritten = await runPromise(I.gWrite(handle.fd, joined, position));
  return { __proto__: null, bytesWritten, buffers };
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return runPromise(I.gFtruncate(handle.fd, len));
}

async function fdatasync(handle) {
  return runPromise(I.gFsync(handle.fd, 'fdatasync'));
}

async function fsync(handle) {
  return runPromise(I.gFsync(handle.fd, 'fsync'));
}

async function fstat(handle, options = { bigint: false }) {
  return runPromise(I.gFstat(handle.fd, options));
}

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return runPromise(I.gFchmod(handle.fd, mode));
}

async function fchown(handle, uid, gid) {
  validateIds(uid, gid);
  return runPromise(I.gFchown(handle.fd, uid, gid));
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return runPromise(I.gFutimes(handle.fd, atime, mtime));
}

module.exports = {
  access,
  copyFile,
  cp,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  constants: fs.constants,
};
