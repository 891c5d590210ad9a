'use strict';
// fs errors as Node reports them: code, errno, syscall, path, dest and
// message for ENOENT, EEXIST, EISDIR, ENOTDIR and EBADF, in the sync,
// callback and promise APIs; argument validation errors.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-fs-errors-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name) => path.join(tmp, name);

const missing = file('missing');
const aFile = file('file.txt');
const aDir = file('dir');
fs.writeFileSync(aFile, 'content');
fs.mkdirSync(aDir);
// A descriptor number no process has open.
const badFd = 2 ** 31 - 1;

const errnos = { ENOENT: -2, EBADF: -9, EEXIST: -17, ENOTDIR: -20, EISDIR: -21 };
const descriptions = {
  ENOENT: 'no such file or directory',
  EBADF: 'bad file descriptor',
  EEXIST: 'file already exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
};

// Checks a system error; `p` and `dest` undefined mean "not set".
function check(err, code, syscall, p, dest) {
  assert.ok(err instanceof Error, `not an Error: ${err}`);
  assert.strictEqual(err.name, 'Error');
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.errno, errnos[code]);
  assert.strictEqual(err.syscall, syscall);
  assert.strictEqual(err.path, p);
  assert.strictEqual(err.dest, dest);
  let message = `${code}: ${descriptions[code]}, ${syscall}`;
  if (p !== undefined) message += ` '${p}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  assert.strictEqual(err.message, message);
  assert.ok(err.stack.startsWith(`Error: ${message}`), err.stack);
  return true;
}

function throwsSys(fn, code, syscall, p, dest) {
  assert.throws(fn, (err) => check(err, code, syscall, p, dest));
}

function cbSys(code, syscall, p, dest) {
  return common.mustCall((err, value) => {
    check(err, code, syscall, p, dest);
    assert.strictEqual(value, undefined);
  });
}

function rejectsSys(promise, code, syscall, p, dest) {
  return assert.rejects(promise, (err) => check(err, code, syscall, p, dest)).then(common.mustCall());
}

// --- ENOENT ---
throwsSys(() => fs.openSync(missing), 'ENOENT', 'open', missing);
throwsSys(() => fs.openSync(path.join(missing, 'x'), 'w'), 'ENOENT', 'open', path.join(missing, 'x'));
throwsSys(() => fs.readFileSync(missing), 'ENOENT', 'open', missing);
throwsSys(() => fs.statSync(missing), 'ENOENT', 'stat', missing);
throwsSys(() => fs.lstatSync(missing), 'ENOENT', 'lstat', missing);
throwsSys(() => fs.unlinkSync(missing), 'ENOENT', 'unlink', missing);
throwsSys(() => fs.rmdirSync(missing), 'ENOENT', 'rmdir', missing);
throwsSys(() => fs.readdirSync(missing), 'ENOENT', 'scandir', missing);
throwsSys(() => fs.renameSync(missing, file('to')), 'ENOENT', 'rename', missing, file('to'));
throwsSys(() => fs.linkSync(missing, file('to')), 'ENOENT', 'link', missing, file('to'));
throwsSys(() => fs.chownSync(missing, 0, 0), 'ENOENT', 'chown', missing);
throwsSys(() => fs.lchownSync(missing, 0, 0), 'ENOENT', 'lchown', missing);
throwsSys(() => fs.utimesSync(missing, 1, 1), 'ENOENT', 'utime', missing);
throwsSys(() => fs.lutimesSync(missing, 1, 1), 'ENOENT', 'lutime', missing);
throwsSys(() => fs.statfsSync(missing), 'ENOENT', 'statfs', missing);
throwsSys(() => fs.truncateSync(missing), 'ENOENT', 'open', missing);
throwsSys(() => fs.accessSync(missing), 'ENOENT', 'access', missing);
throwsSys(() => fs.chmodSync(missing, 0o644), 'ENOENT', 'chmod', missing);
throwsSys(() => fs.readlinkSync(missing), 'ENOENT', 'readlink', missing);
assert.strictEqual(fs.statSync(missing, { throwIfNoEntry: false }), undefined);
assert.strictEqual(fs.existsSync(missing), false);
fs.open(missing, 'r', cbSys('ENOENT', 'open', missing));
fs.readFile(missing, cbSys('ENOENT', 'open', missing));
fs.stat(missing, cbSys('ENOENT', 'stat', missing));
fs.link(missing, file('to'), cbSys('ENOENT', 'link', missing, file('to')));
fs.utimes(missing, 1, 1, cbSys('ENOENT', 'utime', missing));
fs.statfs(missing, cbSys('ENOENT', 'statfs', missing));
rejectsSys(fsp.open(missing), 'ENOENT', 'open', missing);
rejectsSys(fsp.readFile(missing), 'ENOENT', 'open', missing);
rejectsSys(fsp.chown(missing, 0, 0), 'ENOENT', 'chown', missing);
rejectsSys(fsp.lutimes(missing, 0, 0), 'ENOENT', 'lutime', missing);
{
  const rs = fs.createReadStream(missing);
  rs.on('error', common.mustCall((err) => check(err, 'ENOENT', 'open', missing)));
}

// --- EEXIST ---
throwsSys(() => fs.mkdirSync(aDir), 'EEXIST', 'mkdir', aDir);
throwsSys(() => fs.openSync(aFile, 'wx'), 'EEXIST', 'open', aFile);
throwsSys(() => fs.openSync(aFile, 'ax+'), 'EEXIST', 'open', aFile);
throwsSys(() => fs.writeFileSync(aFile, 'x', { flag: 'wx' }), 'EEXIST', 'open', aFile);
throwsSys(() => fs.linkSync(aFile, aDir), 'EEXIST', 'link', aFile, aDir);
throwsSys(() => fs.symlinkSync('anything', aFile), 'EEXIST', 'symlink', 'anything', aFile);
throwsSys(() => fs.copyFileSync(aFile, aFile, fs.constants.COPYFILE_EXCL), 'EEXIST', 'copyfile', aFile, aFile);
assert.strictEqual(fs.readFileSync(aFile, 'utf8'), 'content');
fs.mkdir(aDir, cbSys('EEXIST', 'mkdir', aDir));
fs.open(aFile, 'wx', cbSys('EEXIST', 'open', aFile));
rejectsSys(fsp.mkdir(aDir), 'EEXIST', 'mkdir', aDir);
rejectsSys(fsp.link(aFile, aFile), 'EEXIST', 'link', aFile, aFile);
rejectsSys(fsp.open(aFile, 'wx'), 'EEXIST', 'open', aFile);

// --- EISDIR ---
throwsSys(() => fs.openSync(aDir, 'w'), 'EISDIR', 'open', aDir);
throwsSys(() => fs.openSync(aDir, 'r+'), 'EISDIR', 'open', aDir);
throwsSys(() => fs.writeFileSync(aDir, 'x'), 'EISDIR', 'open', aDir);
throwsSys(() => fs.appendFileSync(aDir, 'x'), 'EISDIR', 'open', aDir);
throwsSys(() => fs.readFileSync(aDir), 'EISDIR', 'read');
throwsSys(() => fs.unlinkSync(aDir), 'EISDIR', 'unlink', aDir);
throwsSys(() => fs.renameSync(aFile, aDir), 'EISDIR', 'rename', aFile, aDir);
{
  const fd = fs.openSync(aDir, 'r');
  throwsSys(() => fs.readSync(fd, Buffer.alloc(8)), 'EISDIR', 'read');
  throwsSys(() => fs.readFileSync(fd), 'EISDIR', 'read');
  fs.closeSync(fd);
}
assert.throws(() => fs.rmSync(aDir), {
  code: 'ERR_FS_EISDIR', name: 'SystemError', errno: 21, syscall: 'rm', path: aDir,
});
fs.readFile(aDir, cbSys('EISDIR', 'read'));
fs.writeFile(aDir, 'x', cbSys('EISDIR', 'open', aDir));
rejectsSys(fsp.readFile(aDir), 'EISDIR', 'read');
rejectsSys(fsp.open(aDir, 'a'), 'EISDIR', 'open', aDir);

// --- ENOTDIR ---
const under = path.join(aFile, 'x');
throwsSys(() => fs.readdirSync(aFile), 'ENOTDIR', 'scandir', aFile);
throwsSys(() => fs.openSync(under), 'ENOTDIR', 'open', under);
throwsSys(() => fs.openSync(under, 'w'), 'ENOTDIR', 'open', under);
throwsSys(() => fs.statSync(under), 'ENOTDIR', 'stat', under);
throwsSys(() => fs.mkdirSync(under), 'ENOTDIR', 'mkdir', under);
throwsSys(() => fs.mkdirSync(path.join(under, 'y'), { recursive: true }), 'ENOTDIR', 'mkdir', path.join(under, 'y'));
throwsSys(() => fs.rmdirSync(aFile), 'ENOTDIR', 'rmdir', aFile);
throwsSys(() => fs.renameSync(aDir, aFile), 'ENOTDIR', 'rename', aDir, aFile);
throwsSys(() => fs.readFileSync(under), 'ENOTDIR', 'open', under);
throwsSys(() => fs.openSync(aFile, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY), 'ENOTDIR', 'open', aFile);
// throwIfNoEntry: false hides ENOENT only.
throwsSys(() => fs.statSync(under, { throwIfNoEntry: false }), 'ENOTDIR', 'stat', under);
fs.readdir(aFile, cbSys('ENOTDIR', 'scandir', aFile));
fs.open(under, 'r', cbSys('ENOTDIR', 'open', under));
rejectsSys(fsp.readdir(aFile), 'ENOTDIR', 'scandir', aFile);
rejectsSys(fsp.writeFile(under, 'x'), 'ENOTDIR', 'open', under);

// --- EBADF ---
throwsSys(() => fs.closeSync(badFd), 'EBADF', 'close');
throwsSys(() => fs.fstatSync(badFd), 'EBADF', 'fstat');
throwsSys(() => fs.readSync(badFd, Buffer.alloc(1)), 'EBADF', 'read');
throwsSys(() => fs.writeSync(badFd, 'x'), 'EBADF', 'write');
throwsSys(() => fs.writeSync(badFd, Buffer.from('x')), 'EBADF', 'write');
throwsSys(() => fs.ftruncateSync(badFd), 'EBADF', 'ftruncate');
throwsSys(() => fs.fsyncSync(badFd), 'EBADF', 'fsync');
throwsSys(() => fs.fdatasyncSync(badFd), 'EBADF', 'fdatasync');
throwsSys(() => fs.fchmodSync(badFd, 0o644), 'EBADF', 'fchmod');
throwsSys(() => fs.fchownSync(badFd, 0, 0), 'EBADF', 'fchown');
throwsSys(() => fs.futimesSync(badFd, 0, 0), 'EBADF', 'futime');
throwsSys(() => fs.readFileSync(badFd), 'EBADF', 'fstat');
throwsSys(() => fs.writeFileSync(badFd, 'x'), 'EBADF', 'write');
{
  // A descriptor opened for reading only cannot be written or truncated
  // (EBADF for write, EINVAL for ftruncate as the system says).
  const fd = fs.openSync(aFile, 'r');
  throwsSys(() => fs.writeSync(fd, 'x'), 'EBADF', 'write');
  assert.throws(() => fs.ftruncateSync(fd, 0), { code: 'EINVAL', syscall: 'ftruncate' });
  fs.closeSync(fd);
  // Closed twice.
  throwsSys(() => fs.closeSync(fd), 'EBADF', 'close');
}
fs.close(badFd, cbSys('EBADF', 'close'));
fs.fstat(badFd, cbSys('EBADF', 'fstat'));
fs.fsync(badFd, cbSys('EBADF', 'fsync'));
fs.read(badFd, Buffer.alloc(4), 0, 4, null, common.mustCall((err, n, buf) => {
  check(err, 'EBADF', 'read');
}));
fs.write(badFd, Buffer.from('x'), common.mustCall((err) => check(err, 'EBADF', 'write')));
// (fs.readFile(badFd, cb) is left out: Node 20 reports a TypeError from
// Buffer.concat there, a bug of its own.)
{
  const ws = fs.createWriteStream(null, { fd: badFd });
  // The write fails, then closing the bad descriptor fails too: that error is reported.
  ws.on('error', common.mustCall((err) => check(err, 'EBADF', 'close')));
  ws.write('x');
}

// --- argument validation (thrown synchronously, before any I/O) ---
assert.throws(() => fs.openSync(123), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "path" argument must be of type string or an instance of Buffer or URL. Received type number (123)',
});
assert.throws(() => fs.openSync('a\u0000b'), { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
assert.throws(() => fs.openSync(aFile, 'zz'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'flags' is invalid. Received 'zz'",
});
assert.throws(() => fs.closeSync('3'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fd" argument must be of type number. Received type string (\'3\')',
});
assert.throws(() => fs.fstatSync(-1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received -1',
});
assert.throws(() => fs.readSync(0, Buffer.alloc(4), 0, 5, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be <= 4. Received 5',
});
assert.throws(() => fs.readSync(0, 'not a buffer'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.writeSync(1, Buffer.alloc(2), 3), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be <= 2. Received 3',
});
assert.throws(() => fs.writeSync(1, 12), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.ftruncateSync(badFd, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.fchownSync(badFd, -2, 0), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.futimesSync(badFd, 'soon', 0), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "atime" argument must be an instance of Date or an Time in seconds. ' +
    "Received type string ('soon')",
});
assert.throws(() => fs.utimesSync(aFile, {}, 0), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.fchmodSync(badFd, 'rwx'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.readFileSync(aFile, { flag: 'bad' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.readFileSync(aFile, 'no-such-encoding'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.createWriteStream(aFile, { start: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
fsp.open(aFile, 'zz').then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_ARG_VALUE');
}));
