'use strict';
// Synchronous fs on real file descriptors: open/read/write/close with
// positions, fstat/ftruncate/fsync/fchmod/fchown/futimes, readFile and
// writeFile on paths and fds, link, chown, utimes/lutimes, statfs.
require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-fs-sync-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name) => path.join(tmp, name);

// The descriptor is the operating system's: /proc/self/fd names the file.
function assertRealFd(fd, p) {
  assert.ok(Number.isInteger(fd) && fd > 2, `fd ${fd}`);
  if (fs.existsSync('/proc/self/fd')) {
    assert.strictEqual(fs.readlinkSync(`/proc/self/fd/${fd}`), p);
  }
}

// writeFileSync / readFileSync on paths.
{
  const p = file('basic.txt');
  assert.strictEqual(fs.writeFileSync(p, 'hello wörld'), undefined);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'hello wörld');
  const buf = fs.readFileSync(p);
  assert.ok(Buffer.isBuffer(buf));
  assert.strictEqual(buf.length, 12);
  assert.strictEqual(fs.readFileSync(p, { encoding: 'hex' }), Buffer.from('hello wörld').toString('hex'));
  fs.appendFileSync(p, Buffer.from('!!'));
  assert.strictEqual(fs.readFileSync(p, 'latin1'), Buffer.from('hello wörld!!').toString('latin1'));
  fs.writeFileSync(p, 'aGk=', 'base64');
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'hi');
  fs.writeFileSync(p, new Uint16Array([0x6261, 0x6463]));
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'abcd');
  // 'r+' writes over the start without truncating.
  fs.writeFileSync(p, 'XY', { flag: 'r+' });
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'XYcd');
  // 'a+' and 'r+' reads go through a descriptor.
  assert.strictEqual(fs.readFileSync(p, { encoding: 'utf8', flag: 'a+' }), 'XYcd');
  assert.strictEqual(fs.readFileSync(p, { encoding: 'utf8', flag: 'r+' }), 'XYcd');
  // 'wx' refuses an existing file.
  assert.throws(() => fs.writeFileSync(p, 'z', { flag: 'wx' }), { code: 'EEXIST', syscall: 'open', path: p });
  fs.writeFileSync(file('mode.txt'), 'm', { mode: 0o600 });
  assert.strictEqual(fs.statSync(file('mode.txt')).mode & 0o777, 0o600);
  // A file: URL is a path.
  assert.strictEqual(fs.readFileSync(pathToFileURL(p), 'utf8'), 'XYcd');
  // Lone surrogates are written as U+FFFD.
  fs.writeFileSync(p, 'a\ud800b');
  assert.deepStrictEqual([...fs.readFileSync(p)], [0x61, 0xef, 0xbf, 0xbd, 0x62]);
  // A large file round-trips.
  const big = Buffer.alloc(3 * 1024 * 1024 + 7);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
  fs.writeFileSync(file('big.bin'), big);
  assert.ok(fs.readFileSync(file('big.bin')).equals(big));
  assert.strictEqual(fs.readFileSync('/dev/null').length, 0);
  // flush: true writes through a descriptor and fsyncs it.
  fs.writeFileSync(file('flushed.txt'), 'f1', { flush: true });
  fs.appendFileSync(file('flushed.txt'), 'f2', { flush: true });
  assert.strictEqual(fs.readFileSync(file('flushed.txt'), 'utf8'), 'f1f2');
  assert.throws(() => fs.writeFileSync(file('flushed.txt'), 'x', { flush: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
}

// openSync / writeSync / readSync / closeSync with positions.
{
  const p = file('fd.txt');
  const fd = fs.openSync(p, 'w+');
  assertRealFd(fd, p);
  // Buffer form: (fd, buffer, offset, length, position).
  assert.strictEqual(fs.writeSync(fd, Buffer.from('0123456789'), 2, 5), 5); // '23456'
  assert.strictEqual(fs.writeSync(fd, Buffer.from('ab')), 2); // current position: 5
  assert.strictEqual(fs.writeSync(fd, Buffer.from('Z'), 0, 1, 0), 1); // positional
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Z3456ab');
  // String form: (fd, string, position, encoding).
  assert.strictEqual(fs.writeSync(fd, 'é'), 2);
  assert.strictEqual(fs.writeSync(fd, '6869', 1, 'hex'), 2);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Zhi56abé');
  // Options form of writeSync.
  assert.strictEqual(fs.writeSync(fd, Buffer.from('--QQ--'), { offset: 2, length: 2, position: 3 }), 2);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'ZhiQQabé');

  // Reads at a position leave the current position alone.
  const b = Buffer.alloc(4, 0x2e);
  assert.strictEqual(fs.readSync(fd, b, 1, 3, 0), 3);
  assert.strictEqual(b.toString(), '.Zhi');
  // The current position is at the end (after the writes): nothing to read.
  assert.strictEqual(fs.readSync(fd, b, 0, 4, null), 0);
  // Options form; bigint position.
  const c = Buffer.alloc(8);
  assert.strictEqual(fs.readSync(fd, c, { position: 3 }), 6);
  assert.strictEqual(c.subarray(0, 6).toString(), 'QQabé');
  assert.strictEqual(fs.readSync(fd, c, 0, 2, 1n), 2);
  assert.strictEqual(c.subarray(0, 2).toString(), 'hi');
  // Past the end: 0 bytes.
  assert.strictEqual(fs.readSync(fd, c, 0, 4, 1000), 0);
  // length 0 reads nothing.
  assert.strictEqual(fs.readSync(fd, c, 0, 0, 0), 0);
  assert.strictEqual(fs.closeSync(fd), undefined);
  assert.throws(() => fs.fstatSync(fd), { code: 'EBADF', syscall: 'fstat' });
}

// Sequential reads advance the descriptor's position; two descriptors on
// one file have their own positions.
{
  const p = file('seq.txt');
  fs.writeFileSync(p, 'abcdefghij');
  const a = fs.openSync(p, 'r');
  const b = fs.openSync(p);
  assert.notStrictEqual(a, b);
  const buf = Buffer.alloc(3);
  const parts = [];
  let n;
  while ((n = fs.readSync(a, buf, 0, 3, null)) > 0) parts.push(buf.toString('utf8', 0, n));
  assert.deepStrictEqual(parts, ['abc', 'def', 'ghi', 'j']);
  assert.strictEqual(fs.readSync(b, buf), 3);
  assert.strictEqual(buf.toString(), 'abc');
  // readFileSync(fd) reads from the current position to the end.
  assert.strictEqual(fs.readFileSync(b, 'utf8'), 'defghij');
  assert.strictEqual(fs.readFileSync(b, 'utf8'), '');
  // The file grew: the same descriptor sees the new bytes.
  fs.appendFileSync(p, 'KL');
  assert.strictEqual(fs.readFileSync(b, 'utf8'), 'KL');
  assert.strictEqual(fs.readSync(a, buf, 0, 3, null), 2);
  fs.closeSync(a);
  fs.closeSync(b);
  // A read-only descriptor cannot write, a write-only one cannot read.
  const ro = fs.openSync(p, 'r');
  assert.throws(() => fs.writeSync(ro, 'x'), { code: 'EBADF', syscall: 'write' });
  fs.closeSync(ro);
  const wo = fs.openSync(p, 'a');
  assert.throws(() => fs.readSync(wo, Buffer.alloc(1)), { code: 'EBADF', syscall: 'read' });
  fs.closeSync(wo);
}

// An open descriptor keeps an unlinked or renamed file alive.
{
  const p = file('gone.txt');
  fs.writeFileSync(p, 'still here');
  const fd = fs.openSync(p, 'r+');
  fs.unlinkSync(p);
  assert.strictEqual(fs.existsSync(p), false);
  assert.strictEqual(fs.fstatSync(fd).nlink, 0);
  assert.strictEqual(fs.fstatSync(fd).size, 10);
  assert.strictEqual(fs.readFileSync(fd, 'utf8'), 'still here');
  fs.writeSync(fd, '!', 5);
  const b = Buffer.alloc(10);
  assert.strictEqual(fs.readSync(fd, b, 0, 10, 0), 10);
  assert.strictEqual(b.toString(), 'still!here');
  fs.closeSync(fd);

  const q = file('moved-from.txt');
  fs.writeFileSync(q, 'v1');
  const fd2 = fs.openSync(q, 'a');
  fs.renameSync(q, file('moved-to.txt'));
  fs.writeSync(fd2, '+more');
  fs.closeSync(fd2);
  assert.strictEqual(fs.readFileSync(file('moved-to.txt'), 'utf8'), 'v1+more');
}

// Append mode: every write goes to the end, also with a position.
{
  const p = file('append.txt');
  fs.writeFileSync(p, 'start');
  const fd = fs.openSync(p, 'a+');
  fs.writeSync(fd, '-1');
  fs.writeSync(fd, '-2', 0);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'start-1-2');
  const b = Buffer.alloc(5);
  assert.strictEqual(fs.readSync(fd, b, 0, 5, 0), 5);
  assert.strictEqual(b.toString(), 'start');
  fs.appendFileSync(fd, '-3');
  fs.writeFileSync(fd, '-4');
  fs.closeSync(fd);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'start-1-2-3-4');
}

// writeFileSync(fd) writes at the current position; numeric flags.
{
  const p = file('wfd.txt');
  const { O_CREAT, O_RDWR, O_TRUNC } = fs.constants;
  const fd = fs.openSync(p, O_CREAT | O_RDWR | O_TRUNC, 0o640);
  assertRealFd(fd, p);
  // The mode, less the umask (owner bits are not masked in practice).
  const mode = fs.fstatSync(fd).mode & 0o777;
  assert.strictEqual(mode & ~0o640, 0);
  assert.strictEqual(mode & 0o600, 0o600);
  fs.writeFileSync(fd, 'first ');
  fs.writeFileSync(fd, Buffer.from('second'));
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'first second');
  fs.closeSync(fd);
  // 'wx' on a new file works once.
  const x = fs.openSync(file('excl.txt'), 'wx');
  fs.closeSync(x);
  assert.throws(() => fs.openSync(file('excl.txt'), 'wx'), { code: 'EEXIST' });
}

// readvSync / writevSync.
{
  const p = file('vec.txt');
  const fd = fs.openSync(p, 'w+');
  assert.strictEqual(fs.writevSync(fd, [Buffer.from('ab'), new Uint8Array([0x63, 0x64]), Buffer.from('ef')]), 6);
  assert.strictEqual(fs.writevSync(fd, [Buffer.from('XY')], 1), 2);
  const bufs = [Buffer.alloc(2), Buffer.alloc(3), Buffer.alloc(4)];
  assert.strictEqual(fs.readvSync(fd, bufs, 0), 6);
  assert.deepStrictEqual(bufs.map((b) => b.toString('latin1')), ['aX', 'Yde', 'f\0\0\0']);
  fs.closeSync(fd);
}

// fstatSync, ftruncateSync, fsyncSync, fdatasyncSync.
{
  const p = file('trunc.txt');
  fs.writeFileSync(p, '0123456789');
  const fd = fs.openSync(p, 'r+');
  const st = fs.fstatSync(fd);
  assert.ok(st instanceof fs.Stats);
  assert.strictEqual(st.isFile(), true);
  assert.strictEqual(st.isDirectory(), false);
  assert.strictEqual(st.size, 10);
  assert.strictEqual(st.ino, fs.statSync(p).ino);
  assert.strictEqual(st.dev, fs.statSync(p).dev);
  assert.ok(st.mtime instanceof Date);
  const big = fs.fstatSync(fd, { bigint: true });
  assert.strictEqual(big.size, 10n);
  assert.strictEqual(big.isFile(), true);
  assert.strictEqual(fs.ftruncateSync(fd, 4), undefined);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), '0123');
  fs.ftruncateSync(fd, 6);
  assert.deepStrictEqual([...fs.readFileSync(p)], [0x30, 0x31, 0x32, 0x33, 0, 0]);
  fs.ftruncateSync(fd);
  assert.strictEqual(fs.fstatSync(fd).size, 0);
  assert.strictEqual(fs.fsyncSync(fd), undefined);
  assert.strictEqual(fs.fdatasyncSync(fd), undefined);
  fs.closeSync(fd);
  // truncateSync on a path.
  fs.writeFileSync(p, 'abcdef');
  fs.truncateSync(p, 2);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'ab');
  fs.truncateSync(p);
  assert.strictEqual(fs.statSync(p).size, 0);
  // A directory opened read-only: fstat says so, reading fails.
  const dfd = fs.openSync(tmp, 'r');
  assert.strictEqual(fs.fstatSync(dfd).isDirectory(), true);
  assert.throws(() => fs.readSync(dfd, Buffer.alloc(4)), { code: 'EISDIR', syscall: 'read' });
  fs.closeSync(dfd);
}

// fchmodSync, chmodSync, fchownSync, chownSync, lchownSync.
{
  const p = file('perm.txt');
  fs.writeFileSync(p, '');
  const fd = fs.openSync(p, 'r');
  fs.fchmodSync(fd, 0o604);
  assert.strictEqual(fs.statSync(p).mode & 0o777, 0o604);
  fs.fchmodSync(fd, '640');
  assert.strictEqual(fs.fstatSync(fd).mode & 0o777, 0o640);
  const uid = process.getuid();
  const gid = process.getgid();
  assert.strictEqual(fs.fchownSync(fd, uid, gid), undefined);
  fs.closeSync(fd);
  assert.strictEqual(fs.chownSync(p, uid, gid), undefined);
  // -1 leaves an id as it is.
  fs.chownSync(p, -1, -1);
  assert.strictEqual(fs.statSync(p).uid, uid);
  assert.strictEqual(fs.statSync(p).gid, gid);
  fs.symlinkSync(p, file('perm-link'));
  fs.lchownSync(file('perm-link'), uid, gid);
  assert.strictEqual(fs.lstatSync(file('perm-link')).uid, uid);
  if (uid === 0) {
    // root can give a file away; -1 keeps what was set.
    fs.chownSync(p, 1234, 4321);
    fs.chownSync(p, -1, -1);
    assert.strictEqual(fs.statSync(p).uid, 1234);
    assert.strictEqual(fs.statSync(p).gid, 4321);
    const fd2 = fs.openSync(p, 'r');
    fs.fchownSync(fd2, -1, 99);
    assert.strictEqual(fs.fstatSync(fd2).uid, 1234);
    assert.strictEqual(fs.fstatSync(fd2).gid, 99);
    fs.closeSync(fd2);
  }
}

// utimesSync, futimesSync, lutimesSync: seconds, Dates and numeric strings.
{
  const p = file('times.txt');
  fs.writeFileSync(p, 't');
  fs.utimesSync(p, 1000000000, 1100000000.5);
  let st = fs.statSync(p);
  assert.strictEqual(st.atimeMs, 1000000000000);
  assert.strictEqual(st.mtimeMs, 1100000000500);
  assert.strictEqual(st.mtime.getTime(), 1100000000500);
  fs.utimesSync(p, new Date(1500000000000), '1600000000');
  st = fs.statSync(p);
  assert.strictEqual(st.atimeMs, 1500000000000);
  assert.strictEqual(st.mtimeMs, 1600000000000);
  const fd = fs.openSync(p, 'r');
  fs.futimesSync(fd, 1200000000, new Date(1300000000250));
  st = fs.fstatSync(fd);
  assert.strictEqual(st.atimeMs, 1200000000000);
  assert.strictEqual(st.mtimeMs, 1300000000250);
  fs.closeSync(fd);
  // lutimes changes the link, not its target.
  fs.symlinkSync(p, file('times-link'));
  fs.lutimesSync(file('times-link'), 900000000, 950000000);
  assert.strictEqual(fs.lstatSync(file('times-link')).mtimeMs, 950000000000);
  assert.strictEqual(fs.statSync(p).mtimeMs, 1300000000250);
  // A negative time means now.
  const before = Date.now() - 5000;
  fs.utimesSync(p, -1, -1);
  assert.ok(fs.statSync(p).mtimeMs >= before);
}

// linkSync: two names, one inode.
{
  const p = file('orig.txt');
  fs.writeFileSync(p, 'shared');
  fs.linkSync(p, file('hard.txt'));
  const a = fs.statSync(p);
  const b = fs.statSync(file('hard.txt'));
  assert.strictEqual(a.ino, b.ino);
  assert.strictEqual(a.nlink, 2);
  fs.appendFileSync(file('hard.txt'), '!');
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'shared!');
  fs.unlinkSync(p);
  assert.strictEqual(fs.statSync(file('hard.txt')).nlink, 1);
  assert.throws(() => fs.linkSync(file('hard.txt'), file('hard.txt')), {
    code: 'EEXIST', syscall: 'link', path: file('hard.txt'), dest: file('hard.txt'),
  });
}

// statfsSync.
{
  const s = fs.statfsSync(tmp);
  assert.strictEqual(s.constructor.name, 'StatFs');
  assert.deepStrictEqual(Object.keys(s), ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files', 'ffree']);
  for (const k of Object.keys(s)) assert.ok(Number.isInteger(s[k]) && s[k] >= 0, k);
  assert.ok(s.bsize > 0);
  assert.ok(s.bfree <= s.blocks);
  assert.ok(s.ffree <= s.files || s.files === 0);
  const b = fs.statfsSync(tmp, { bigint: true });
  assert.strictEqual(typeof b.bsize, 'bigint');
  assert.strictEqual(b.type, BigInt(s.type));
  assert.strictEqual(b.bsize, BigInt(s.bsize));
}

// Stats of a file system without birth times report 0, as Node does; where
// there are birth times they are not after the change time.
{
  const st = fs.statSync(file('trunc.txt'));
  assert.ok(st.birthtimeMs === 0 || st.birthtimeMs <= st.ctimeMs + 1, `${st.birthtimeMs}`);
  assert.strictEqual(st.birthtime.getTime(), Math.round(st.birthtimeMs));
}

// Standard descriptors are the process's own.
{
  assert.strictEqual(fs.fstatSync(1).isFile() || fs.fstatSync(1).isFIFO() ||
                     fs.fstatSync(1).isCharacterDevice() || fs.fstatSync(1).isSocket(), true);
  assert.strictEqual(fs.writeSync(1, ''), 0);
}
