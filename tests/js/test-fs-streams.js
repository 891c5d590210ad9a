'use strict';
// fs.ReadStream / fs.WriteStream on real descriptors: open/ready/close
// events, start/end, flags, the fd option with autoClose, pipes and errors.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, finished } = require('stream');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-fs-streams-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name) => path.join(tmp, name);

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(chunks));
  });
}

function onceClosed(stream) {
  return new Promise((resolve) => (stream.closed ? resolve() : stream.once('close', resolve)));
}

const data = Buffer.alloc(200 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + 3) & 0xff;

async function writeThenRead() {
  const p = file('stream.bin');
  const ws = fs.createWriteStream(p);
  assert.ok(ws instanceof fs.WriteStream);
  assert.strictEqual(ws.pending, true);
  assert.strictEqual(ws.path, p);
  const events = [];
  ws.on('open', common.mustCall((fd) => {
    assert.ok(Number.isInteger(fd) && fd > 2);
    assert.strictEqual(ws.fd, fd);
    events.push('open');
  }));
  ws.on('ready', common.mustCall(() => events.push('ready')));
  ws.on('finish', common.mustCall(() => events.push('finish')));
  for (let off = 0; off < data.length; off += 10000) ws.write(data.subarray(off, off + 10000));
  ws.end();
  await onceClosed(ws);
  events.push('close');
  assert.deepStrictEqual(events, ['open', 'ready', 'finish', 'close']);
  assert.strictEqual(ws.bytesWritten, data.length);
  assert.strictEqual(ws.fd, null);
  assert.ok(fs.readFileSync(p).equals(data));

  // highWaterMark decides the chunk size; bytesRead counts.
  const rs = fs.createReadStream(p, { highWaterMark: 64 * 1024 });
  assert.ok(rs instanceof fs.ReadStream);
  rs.on('open', common.mustCall((fd) => assert.ok(fd > 2)));
  const chunks = await collect(rs);
  assert.deepStrictEqual(chunks.map((c) => c.length), [65536, 65536, 65536, 8192]);
  assert.ok(Buffer.concat(chunks).equals(data));
  assert.strictEqual(rs.bytesRead, data.length);
  await onceClosed(rs);
  assert.strictEqual(rs.destroyed, true);
}

async function startEnd() {
  const p = file('range.txt');
  fs.writeFileSync(p, '0123456789abcdef');
  // end is inclusive.
  let chunks = await collect(fs.createReadStream(p, { start: 2, end: 5, encoding: 'utf8' }));
  assert.strictEqual(chunks.join(''), '2345');
  chunks = await collect(fs.createReadStream(p, { start: 10 }));
  assert.strictEqual(Buffer.concat(chunks).toString(), 'abcdef');
  chunks = await collect(fs.createReadStream(p, { end: 0 }));
  assert.strictEqual(Buffer.concat(chunks).toString(), '0');
  chunks = await collect(fs.createReadStream(p, { start: 3, end: 9, highWaterMark: 2, encoding: 'latin1' }));
  assert.deepStrictEqual(chunks, ['34', '56', '78', '9']);
  chunks = await collect(fs.createReadStream(p, { start: 100 }));
  assert.deepStrictEqual(chunks, []);
  assert.throws(() => fs.createReadStream(p, { start: 5, end: 2 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => fs.createReadStream(p, { start: -1 }), { code: 'ERR_OUT_OF_RANGE' });

  // A write stream with start and 'r+' writes in place.
  const ws = fs.createWriteStream(p, { flags: 'r+', start: 4 });
  ws.end('XYZ');
  await onceClosed(ws);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), '0123XYZ789abcdef');
  // flags 'a' appends.
  const as = fs.createWriteStream(p, { flags: 'a' });
  as.write('-');
  as.end(Buffer.from('end'));
  await onceClosed(as);
  assert.strictEqual(fs.readFileSync(p, 'utf8'), '0123XYZ789abcdef-end');
  // The encoding option of a write stream applies to string chunks.
  const hs = fs.createWriteStream(file('hex.txt'), { encoding: 'hex' });
  hs.end('414243');
  await onceClosed(hs);
  assert.strictEqual(fs.readFileSync(file('hex.txt'), 'utf8'), 'ABC');
}

async function fdOption() {
  const p = file('fd.txt');
  fs.writeFileSync(p, 'header:body-of-the-file');
  const fd = fs.openSync(p, 'r');
  // Read 7 bytes first: a stream without start continues at the position.
  assert.strictEqual(fs.readSync(fd, Buffer.alloc(7), 0, 7, null), 7);
  const rs = fs.createReadStream(null, { fd, autoClose: false, encoding: 'utf8' });
  assert.strictEqual(rs.fd, fd);
  assert.strictEqual(rs.pending, false);
  rs.on('open', common.mustNotCall());
  const chunks = await collect(rs);
  assert.strictEqual(chunks.join(''), 'body-of-the-file');
  await new Promise((resolve) => setImmediate(resolve));
  // autoClose: false leaves the descriptor open and usable.
  assert.strictEqual(fs.fstatSync(fd).size, 23);
  const again = await collect(fs.createReadStream(null, { fd, start: 0, end: 5, autoClose: false }));
  assert.strictEqual(Buffer.concat(again).toString(), 'header');
  fs.closeSync(fd);

  // A write stream on a given fd; autoClose (the default) closes it.
  const wfd = fs.openSync(file('wfd.txt'), 'w');
  const ws = fs.createWriteStream(null, { fd: wfd });
  ws.on('open', common.mustNotCall());
  ws.end('via fd');
  await onceClosed(ws);
  assert.strictEqual(fs.readFileSync(file('wfd.txt'), 'utf8'), 'via fd');
  assert.throws(() => fs.fstatSync(wfd), { code: 'EBADF' });

  assert.throws(() => fs.createReadStream(null, { fd: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
}

async function pipes() {
  const src = file('src.bin');
  const dst = file('dst.bin');
  fs.writeFileSync(src, data);
  await new Promise((resolve, reject) => {
    pipeline(fs.createReadStream(src, { highWaterMark: 16 * 1024 }), fs.createWriteStream(dst),
             (err) => (err ? reject(err) : resolve()));
  });
  assert.ok(fs.readFileSync(dst).equals(data));

  // pipe() and async iteration.
  const dst2 = file('dst2.bin');
  const ws = fs.createWriteStream(dst2);
  fs.createReadStream(src).pipe(ws);
  await new Promise((resolve) => ws.on('close', resolve));
  assert.ok(fs.readFileSync(dst2).equals(data));
  let total = 0;
  for await (const chunk of fs.createReadStream(dst2, { highWaterMark: 50000 })) {
    assert.ok(chunk.length <= 50000);
    total += chunk.length;
  }
  assert.strictEqual(total, data.length);
}

async function errors() {
  const missing = file('missing.txt');
  const rs = fs.createReadStream(missing);
  const err = await new Promise((resolve) => rs.on('error', resolve));
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(err.path, missing);
  assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${missing}'`);
  await onceClosed(rs);

  const ws = fs.createWriteStream(path.join(missing, 'sub'));
  const werr = await new Promise((resolve) => ws.on('error', resolve));
  assert.strictEqual(werr.code, 'ENOENT');
  assert.strictEqual(werr.syscall, 'open');

  // 'wx' on an existing file.
  fs.writeFileSync(file('exists.txt'), 'x');
  const xs = fs.createWriteStream(file('exists.txt'), { flags: 'wx' });
  const xerr = await new Promise((resolve) => xs.on('error', resolve));
  assert.strictEqual(xerr.code, 'EEXIST');

  // Reading a directory fails at read(), after a successful open.
  const ds = fs.createReadStream(tmp);
  ds.on('open', common.mustCall());
  ds.resume();
  const derr = await new Promise((resolve) => ds.on('error', resolve));
  assert.strictEqual(derr.code, 'EISDIR');
  assert.strictEqual(derr.syscall, 'read');
  await onceClosed(ds);

  // Destroying a stream before it opened still closes its descriptor.
  const early = fs.createReadStream(file('exists.txt'));
  early.destroy();
  await onceClosed(early);
  assert.strictEqual(early.destroyed, true);

  // finished() sees a premature close.
  const half = fs.createReadStream(file('src.bin'), { highWaterMark: 1024 });
  half.once('data', () => half.destroy());
  const ferr = await new Promise((resolve) => finished(half, resolve));
  assert.strictEqual(ferr.code, 'ERR_STREAM_PREMATURE_CLOSE');

  // close(cb) on a write stream ends it.
  const cs = fs.createWriteStream(file('closed.txt'));
  cs.write('partial');
  await new Promise((resolve) => cs.close(resolve));
  assert.strictEqual(fs.readFileSync(file('closed.txt'), 'utf8'), 'partial');
}

(async () => {
  await writeThenRead();
  await startEnd();
  await fdOption();
  await pipes();
  await errors();
})().then(common.mustCall());
