'use strict';
// fs/promises: FileHandle on a real descriptor, and the path operations.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

assert.strictEqual(fs.promises, fsp);
assert.strictEqual(fsp.constants, fs.constants);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-fsp-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name) => path.join(tmp, name);

async function fileHandle() {
  const p = file('handle.txt');
  const fh = await fsp.open(p, 'w+', 0o644);
  assert.strictEqual(fh.constructor.name, 'FileHandle');
  assert.ok(Number.isInteger(fh.fd) && fh.fd > 2);
  if (fs.existsSync('/proc/self/fd')) assert.strictEqual(fs.readlinkSync(`/proc/self/fd/${fh.fd}`), p);
  // The descriptor works with the fd API too.
  assert.strictEqual(fs.fstatSync(fh.fd).isFile(), true);

  let r = await fh.write(Buffer.from('hello, '));
  assert.strictEqual(r.bytesWritten, 7);
  assert.strictEqual(r.buffer.toString(), 'hello, ');
  r = await fh.write('world');
  assert.deepStrictEqual({ ...r }, { bytesWritten: 5, buffer: 'world' });
  // Positional string write: (string, position, encoding).
  r = await fh.write('48', 0, 'hex');
  assert.strictEqual(r.bytesWritten, 1);
  // Buffer, offset, length, position.
  r = await fh.write(Buffer.from('__W__'), 2, 1, 7);
  assert.strictEqual(r.bytesWritten, 1);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Hello, World');

  const buf = Buffer.alloc(5);
  let rr = await fh.read(buf, 0, 5, 0);
  assert.strictEqual(rr.bytesRead, 5);
  assert.strictEqual(rr.buffer, buf);
  assert.strictEqual(buf.toString(), 'Hello');
  // Options form; no buffer at all.
  rr = await fh.read({ buffer: Buffer.alloc(10), position: 7, length: 5 });
  assert.strictEqual(rr.bytesRead, 5);
  assert.strictEqual(rr.buffer.toString('utf8', 0, 5), 'World');
  rr = await fh.read();
  // The current position is the end of the sequential writes.
  assert.strictEqual(rr.bytesRead, 0);
  assert.strictEqual(rr.buffer.length, 16384);
  rr = await fh.read(Buffer.alloc(3), { position: 1 });
  assert.strictEqual(rr.buffer.toString(), 'ell');

  // stat / truncate / sync / datasync / chmod / chown / utimes.
  let st = await fh.stat();
  assert.strictEqual(st.size, 12);
  assert.strictEqual(st.isFile(), true);
  st = await fh.stat({ bigint: true });
  assert.strictEqual(st.size, 12n);
  assert.strictEqual(await fh.truncate(5), undefined);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Hello');
  assert.strictEqual(await fh.sync(), undefined);
  assert.strictEqual(await fh.datasync(), undefined);
  await fh.chmod(0o600);
  assert.strictEqual(fs.statSync(p).mode & 0o777, 0o600);
  await fh.chown(process.getuid(), process.getgid());
  await fh.utimes(1400000000, new Date(1400000000750));
  st = await fh.stat();
  assert.strictEqual(st.atimeMs, 1400000000000);
  assert.strictEqual(st.mtimeMs, 1400000000750);

  // readFile / writeFile / appendFile through the handle use its position.
  const rh = await fsp.open(p, 'r+');
  await rh.read(Buffer.alloc(2), 0, 2, null);
  assert.strictEqual(await rh.readFile('utf8'), 'llo');
  await rh.writeFile(' there');
  await rh.appendFile(Buffer.from('!'));
  assert.strictEqual(await rh.readFile({ encoding: 'utf8' }), '');
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Hello there!');

  // readv / writev.
  const w = await fh.writev([Buffer.from('ab'), Buffer.from('cd')], 0);
  assert.strictEqual(w.bytesWritten, 4);
  const bufs = [Buffer.alloc(3), Buffer.alloc(3)];
  const rv = await rh.readv(bufs, 0);
  assert.strictEqual(rv.bytesRead, 6);
  assert.strictEqual(rv.buffers, bufs);
  assert.strictEqual(Buffer.concat(bufs).toString(), 'abcdo ');

  // close(): the descriptor is gone and the handle refuses work.
  const fd = fh.fd;
  const closed = common.mustCall();
  fh.on('close', closed);
  assert.strictEqual(await fh.close(), undefined);
  assert.strictEqual(fh.fd, -1);
  assert.throws(() => fs.fstatSync(fd), { code: 'EBADF' });
  await assert.rejects(fh.read(Buffer.alloc(1), 0, 1, 0), {
    code: 'EBADF', syscall: 'read', message: 'file closed',
  });
  await assert.rejects(fh.stat(), { code: 'EBADF', syscall: 'fstat' });
  assert.strictEqual(await fh.close(), undefined);
  await rh.close();
}

async function fileHandleStreams() {
  const p = file('fh-stream.txt');
  const wh = await fsp.open(p, 'w');
  const ws = wh.createWriteStream();
  await new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.write('one ');
    ws.end('two', resolve);
  });
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'one two');
  await new Promise((resolve) => (ws.closed ? resolve() : ws.on('close', resolve)));
  assert.strictEqual(wh.fd, -1);

  const rh = await fsp.open(p);
  const chunks = [];
  for await (const chunk of rh.createReadStream({ encoding: 'utf8', start: 4 })) chunks.push(chunk);
  assert.strictEqual(chunks.join(''), 'two');
}

async function pathOps() {
  const p = file('path.txt');
  assert.strictEqual(await fsp.writeFile(p, 'data'), undefined);
  await fsp.appendFile(p, ' more');
  assert.strictEqual(await fsp.readFile(p, 'utf8'), 'data more');
  assert.ok((await fsp.readFile(p)).equals(Buffer.from('data more')));
  await fsp.writeFile(p, 'X', { flag: 'r+' });
  assert.strictEqual(await fsp.readFile(p, { encoding: 'utf8', flag: 'a+' }), 'Xata more');
  await assert.rejects(fsp.writeFile(p, 'nope', { flag: 'wx' }), { code: 'EEXIST', syscall: 'open', path: p });
  // Iterables of chunks.
  await fsp.writeFile(file('iter.txt'), ['a', 'b', Buffer.from('c')]);
  assert.strictEqual(fs.readFileSync(file('iter.txt'), 'utf8'), 'abc');
  await fsp.writeFile(file('async-iter.txt'), (async function* () { yield 'x'; yield 'y'; })());
  assert.strictEqual(fs.readFileSync(file('async-iter.txt'), 'utf8'), 'xy');

  await fsp.truncate(p, 3);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'Xat');

  await fsp.link(p, file('path-link.txt'));
  assert.strictEqual((await fsp.stat(p)).nlink, 2);
  await fsp.chown(p, process.getuid(), process.getgid());
  await fsp.symlink(p, file('path-sym'));
  await fsp.lchown(file('path-sym'), process.getuid(), process.getgid());
  await fsp.utimes(p, 1300000000, 1300000001);
  assert.strictEqual((await fsp.stat(p)).mtimeMs, 1300000001000);
  await fsp.lutimes(file('path-sym'), 1000, 2000);
  assert.strictEqual((await fsp.lstat(file('path-sym'))).mtimeMs, 2000000);
  assert.strictEqual((await fsp.stat(file('path-sym'))).mtimeMs, 1300000001000);
  assert.strictEqual(await fsp.readlink(file('path-sym')), p);
  assert.strictEqual(await fsp.realpath(file('path-sym')), fs.realpathSync(p));

  const sfs = await fsp.statfs(tmp);
  assert.strictEqual(sfs.constructor.name, 'StatFs');
  assert.ok(sfs.bsize > 0);
  assert.strictEqual(typeof (await fsp.statfs(tmp, { bigint: true })).ffree, 'bigint');

  await fsp.access(p, fs.constants.R_OK);
  await assert.rejects(fsp.access(file('none')), { code: 'ENOENT', syscall: 'access' });
  await fsp.copyFile(p, file('copy.txt'));
  await assert.rejects(fsp.copyFile(p, file('copy.txt'), fs.constants.COPYFILE_EXCL), { code: 'EEXIST' });
  await fsp.rename(file('copy.txt'), file('renamed.txt'));
  assert.strictEqual(await fsp.readFile(file('renamed.txt'), 'utf8'), 'Xat');
  await fsp.chmod(file('renamed.txt'), 0o400);
  assert.strictEqual((await fsp.stat(file('renamed.txt'))).mode & 0o777, 0o400);
  await fsp.unlink(file('renamed.txt'));

  const d = await fsp.mkdtemp(path.join(tmp, 'sub-'));
  assert.ok(path.basename(d).startsWith('sub-'));
  assert.strictEqual(await fsp.mkdir(path.join(d, 'x', 'y'), { recursive: true }), path.join(d, 'x'));
  await fsp.writeFile(path.join(d, 'x', 'f'), '');
  const names = await fsp.readdir(d, { recursive: true });
  assert.deepStrictEqual(names.sort(), ['x', 'x/f', 'x/y']);
  const dirents = await fsp.readdir(path.join(d, 'x'), { withFileTypes: true });
  assert.deepStrictEqual(dirents.map((e) => `${e.name}:${e.isDirectory()}`), ['f:false', 'y:true']);
  await fsp.rm(d, { recursive: true });
  await assert.rejects(fsp.stat(d), { code: 'ENOENT', syscall: 'stat', path: d });

  // Aborting a readFile.
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(fsp.readFile(p, { signal: ac.signal }), { name: 'AbortError' });
}

async function manyHandles() {
  // Many handles open at once get distinct descriptors, all usable.
  const handles = await Promise.all(Array.from({ length: 20 }, (_, i) => fsp.open(file(`many-${i}`), 'w+')));
  assert.strictEqual(new Set(handles.map((h) => h.fd)).size, 20);
  await Promise.all(handles.map((h, i) => h.write(`content ${i}`)));
  const texts = await Promise.all(handles.map((h) => h.read(Buffer.alloc(20), 0, 20, 0)
    .then((r) => r.buffer.toString('utf8', 0, r.bytesRead))));
  assert.deepStrictEqual(texts, handles.map((_, i) => `content ${i}`));
  await Promise.all(handles.map((h) => h.close()));
}

(async () => {
  await fileHandle();
  await fileHandleStreams();
  await pathOps();
  await manyHandles();
})().then(common.mustCall());
