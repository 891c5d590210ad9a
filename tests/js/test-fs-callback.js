'use strict';
// The callback fs API on real file descriptors: every callback runs
// asynchronously, with Node's arguments (err, bytesRead, buffer) and so on.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-fs-cb-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name) => path.join(tmp, name);

// Callbacks never run before the call returns.
function later(fn) {
  let returned = false;
  const wrapped = common.mustCall(function(...args) {
    assert.strictEqual(returned, true, 'callback ran synchronously');
    return fn.apply(this, args);
  });
  return [wrapped, () => { returned = true; }];
}

// open / write / read / fstat / close in sequence.
{
  const p = file('seq.txt');
  const [onOpen, opened] = later((err, fd) => {
    assert.ifError(err);
    assert.ok(Number.isInteger(fd) && fd > 2);
    if (fs.existsSync('/proc/self/fd')) assert.strictEqual(fs.readlinkSync(`/proc/self/fd/${fd}`), p);
    fs.write(fd, Buffer.from('hello world'), 0, 11, null, common.mustSucceed((written, buf) => {
      assert.strictEqual(written, 11);
      assert.strictEqual(buf.toString(), 'hello world');
      // String form, positional: (fd, string, position, encoding, cb).
      fs.write(fd, 'WOR', 6, 'utf8', common.mustSucceed((written2, str) => {
        assert.strictEqual(written2, 3);
        assert.strictEqual(str, 'WOR');
        const out = Buffer.alloc(20, 0x2d);
        fs.read(fd, out, 2, 11, 0, common.mustSucceed((bytesRead, b) => {
          assert.strictEqual(bytesRead, 11);
          assert.strictEqual(b, out);
          assert.strictEqual(out.toString('utf8', 0, 13), '--hello WORld');
          // The current position is still at the end of the first write.
          fs.read(fd, out, 0, 5, null, common.mustSucceed((n) => {
            assert.strictEqual(n, 0);
            fs.fstat(fd, common.mustSucceed((st) => {
              assert.strictEqual(st.size, 11);
              assert.strictEqual(st.isFile(), true);
              fs.close(fd, common.mustSucceed());
            }));
          }));
        }));
      }));
    }));
  });
  fs.open(p, 'w+', 0o644, onOpen);
  opened();
}

// fs.read with an options object and with no buffer at all.
{
  const p = file('opts.txt');
  fs.writeFileSync(p, 'abcdefghijklmnop');
  fs.open(p, common.mustSucceed((fd) => {
    const buffer = Buffer.alloc(8);
    fs.read(fd, { buffer, offset: 1, length: 4, position: 2 }, common.mustSucceed((n, b) => {
      assert.strictEqual(n, 4);
      assert.strictEqual(b.toString('latin1', 1, 5), 'cdef');
      fs.read(fd, common.mustSucceed((n2, b2) => {
        // A 16 KiB buffer read at the current position (the start).
        assert.strictEqual(n2, 16);
        assert.strictEqual(b2.length, 16384);
        assert.strictEqual(b2.toString('latin1', 0, n2), 'abcdefghijklmnop');
        fs.read(fd, buffer, { position: 10, length: 3 }, common.mustSucceed((n3) => {
          assert.strictEqual(n3, 3);
          assert.strictEqual(buffer.toString('latin1', 0, 3), 'klm');
          fs.close(fd, common.mustSucceed());
        }));
      }));
    }));
  }));
}

// Concurrent positional reads of one descriptor all see their own range.
{
  const p = file('concurrent.bin');
  const data = Buffer.alloc(64 * 1024);
  for (let i = 0; i < data.length; i++) data[i] = i % 251;
  fs.writeFileSync(p, data);
  const fd = fs.openSync(p, 'r');
  let pending = 16;
  for (let i = 0; i < 16; i++) {
    const out = Buffer.alloc(4096);
    fs.read(fd, out, 0, 4096, i * 4096, common.mustSucceed((n) => {
      assert.strictEqual(n, 4096);
      assert.ok(out.equals(data.subarray(i * 4096, (i + 1) * 4096)), `chunk ${i}`);
      if (--pending === 0) fs.closeSync(fd);
    }));
  }
}

// readFile / writeFile / appendFile on paths and fds.
{
  const p = file('whole.txt');
  fs.writeFile(p, 'line1\n', common.mustSucceed(() => {
    fs.appendFile(p, Buffer.from('line2\n'), common.mustSucceed(() => {
      fs.readFile(p, 'utf8', common.mustSucceed((text) => {
        assert.strictEqual(text, 'line1\nline2\n');
        fs.open(p, 'r+', common.mustSucceed((fd) => {
          const skip = Buffer.alloc(6);
          assert.strictEqual(fs.readSync(fd, skip), 6);
          fs.readFile(fd, { encoding: 'utf8' }, common.mustSucceed((rest) => {
            assert.strictEqual(rest, 'line2\n');
            fs.writeFile(fd, 'line3\n', common.mustSucceed(() => {
              fs.appendFile(fd, 'line4\n', common.mustSucceed(() => {
                fs.close(fd, common.mustSucceed(() => {
                  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'line1\nline2\nline3\nline4\n');
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
  fs.readFile(file('missing.txt'), common.mustCall((err, data) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(data, undefined);
  }));
  fs.writeFile(file('flagged.txt'), 'x', { flag: 'wx', mode: 0o600 }, common.mustSucceed(() => {
    assert.strictEqual(fs.statSync(file('flagged.txt')).mode & 0o777, 0o600);
    fs.writeFile(file('flagged.txt'), 'y', { flag: 'wx' }, common.mustCall((err) => {
      assert.strictEqual(err.code, 'EEXIST');
      assert.strictEqual(fs.readFileSync(file('flagged.txt'), 'utf8'), 'x');
    }));
  }));
}

// ftruncate / fsync / fdatasync / fchmod / fchown / futimes.
{
  const p = file('meta.txt');
  fs.writeFileSync(p, '0123456789');
  fs.open(p, 'r+', common.mustSucceed((fd) => {
    fs.ftruncate(fd, 3, common.mustSucceed(() => {
      assert.strictEqual(fs.readFileSync(p, 'utf8'), '012');
      fs.fsync(fd, common.mustSucceed(() => {
        fs.fdatasync(fd, common.mustSucceed(() => {
          fs.fchmod(fd, 0o611, common.mustSucceed(() => {
            assert.strictEqual(fs.statSync(p).mode & 0o777, 0o611);
            fs.fchown(fd, process.getuid(), process.getgid(), common.mustSucceed(() => {
              fs.futimes(fd, 1234567890, new Date(1234567891500), common.mustSucceed(() => {
                const st = fs.statSync(p);
                assert.strictEqual(st.atimeMs, 1234567890000);
                assert.strictEqual(st.mtimeMs, 1234567891500);
                fs.ftruncate(fd, common.mustSucceed(() => {
                  assert.strictEqual(fs.statSync(p).size, 0);
                  fs.close(fd, common.mustSucceed());
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
}

// Path operations: link, chown, lchown, utimes, lutimes, statfs, truncate.
{
  const p = file('paths.txt');
  fs.writeFileSync(p, 'abcdef');
  fs.link(p, file('paths-hard.txt'), common.mustSucceed(() => {
    assert.strictEqual(fs.statSync(p).nlink, 2);
    assert.strictEqual(fs.readFileSync(file('paths-hard.txt'), 'utf8'), 'abcdef');
  }));
  fs.chown(p, process.getuid(), process.getgid(), common.mustSucceed(() => {
    assert.strictEqual(fs.statSync(p).uid, process.getuid());
  }));
  fs.symlinkSync('paths.txt', file('paths-sym'));
  fs.lchown(file('paths-sym'), -1, -1, common.mustSucceed(() => {
    assert.strictEqual(fs.lstatSync(file('paths-sym')).isSymbolicLink(), true);
  }));
  fs.utimes(p, 1111111111, 1222222222, common.mustSucceed(() => {
    assert.strictEqual(fs.statSync(p).mtimeMs, 1222222222000);
    fs.lutimes(file('paths-sym'), 1000000000, 1000000001, common.mustSucceed(() => {
      assert.strictEqual(fs.lstatSync(file('paths-sym')).mtimeMs, 1000000001000);
      assert.strictEqual(fs.statSync(p).mtimeMs, 1222222222000);
    }));
  }));
  fs.statfs(tmp, common.mustSucceed((s) => {
    assert.strictEqual(s.constructor.name, 'StatFs');
    assert.ok(s.bsize > 0 && s.blocks > 0);
    assert.ok(s.bavail <= s.bfree && s.bfree <= s.blocks);
  }));
  fs.statfs(tmp, { bigint: true }, common.mustSucceed((s) => {
    assert.strictEqual(typeof s.blocks, 'bigint');
  }));
  const q = file('trunc.txt');
  fs.writeFileSync(q, '0123456789');
  fs.truncate(q, 4, common.mustSucceed(() => {
    assert.strictEqual(fs.readFileSync(q, 'utf8'), '0123');
  }));
}

// readv / writev.
{
  const p = file('vec.txt');
  fs.open(p, 'w+', common.mustSucceed((fd) => {
    const parts = [Buffer.from('net'), Buffer.from('work'), Buffer.from('ing')];
    fs.writev(fd, parts, 0, common.mustSucceed((written, bufs) => {
      assert.strictEqual(written, 10);
      assert.strictEqual(bufs, parts);
      const a = Buffer.alloc(4);
      const b = Buffer.alloc(6);
      fs.readv(fd, [a, b], 0, common.mustSucceed((n, bufs2) => {
        assert.strictEqual(n, 10);
        assert.deepStrictEqual(bufs2, [a, b]);
        assert.strictEqual(a.toString() + b.toString(), 'networking');
        fs.close(fd, common.mustSucceed());
      }));
    }));
  }));
}

// stat / lstat / exists / access / mkdir / readdir / rename / unlink / rm.
{
  const d = file('dir');
  fs.mkdir(path.join(d, 'a', 'b'), { recursive: true }, common.mustSucceed((first) => {
    assert.strictEqual(first, d);
    fs.writeFileSync(path.join(d, 'a', 'f.txt'), 'f');
    fs.readdir(path.join(d, 'a'), { withFileTypes: true }, common.mustSucceed((entries) => {
      const summary = entries.map((e) => [e.name, e.isDirectory(), e.isFile()]);
      assert.deepStrictEqual(summary, [['b', true, false], ['f.txt', false, true]]);
      fs.rename(path.join(d, 'a', 'f.txt'), path.join(d, 'g.txt'), common.mustSucceed(() => {
        fs.stat(path.join(d, 'g.txt'), common.mustSucceed((st) => {
          assert.strictEqual(st.size, 1);
          fs.exists(path.join(d, 'a', 'f.txt'), common.mustCall((exists) => {
            assert.strictEqual(exists, false);
            fs.access(path.join(d, 'g.txt'), fs.constants.R_OK | fs.constants.W_OK, common.mustSucceed(() => {
              fs.unlink(path.join(d, 'g.txt'), common.mustSucceed(() => {
                fs.rm(d, { recursive: true }, common.mustSucceed(() => {
                  assert.strictEqual(fs.existsSync(d), false);
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
}

// util.promisify of read/write gives { bytesRead, buffer } / { bytesWritten, buffer }.
{
  const { promisify } = require('util');
  const p = file('promisified.txt');
  const fd = fs.openSync(p, 'w+');
  promisify(fs.write)(fd, Buffer.from('xyz'), 0, 3, 0).then(common.mustCall((r) => {
    assert.strictEqual(r.bytesWritten, 3);
    return promisify(fs.read)(fd, Buffer.alloc(3), 0, 3, 0);
  })).then(common.mustCall((r) => {
    assert.strictEqual(r.bytesRead, 3);
    assert.strictEqual(r.buffer.toString(), 'xyz');
    fs.closeSync(fd);
  }));
}

// A missing callback is a TypeError, thrown synchronously.
assert.throws(() => fs.open(file('x')), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.fstat(3), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.read(3, Buffer.alloc(1), 0, 1, 0), { code: 'ERR_INVALID_ARG_TYPE' });
