'use strict';

// process.stdout / stderr / stdin. Output is written synchronously, as Node
// does for files and TTYs, so that output order matches program order.

const binding = internalBinding('process');

const created = [undefined, undefined, undefined];

// The stream for fd, creating it on first use (process.stdout and friends).
function get(fd) {
  let s = created[fd];
  if (s === undefined) {
    s = create(fd);
    created[fd] = s;
  }
  return s;
}

// The stream if a program already touched it, else undefined.
function getIfCreated(fd) {
  return created[fd];
}

function create(fd) {
  if (fd === 0) return createStdin();
  const { Writable } = require('stream');
  const write = fd === 1 ? binding.writeStdout : binding.writeStderr;
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'buffer') {
        chunk = Buffer.from(chunk, encoding);
      }
      write(chunk);
      cb();
    },
    writev(chunks, cb) {
      for (let i = 0; i < chunks.length; i++) write(chunks[i].chunk);
      cb();
    },
  });
  stream.fd = fd;
  stream._type = binding.isatty(fd) ? 'tty' : 'fs';
  stream.isTTY = binding.isatty(fd) || undefined;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = function(err, cb) {
    // Like Node: stdout and stderr are never really closed.
    cb(err);
  };
  if (stream.isTTY) {
    stream.columns = +(process.env.COLUMNS || 80);
    stream.rows = +(process.env.LINES || 24);
    stream.getColorDepth = () => 8;
    stream.hasColors = (n = 16) => n <= 256;
    stream.getWindowSize = () => [stream.columns, stream.rows];
  }
  return stream;
}

function createStdin() {
  const { Readable } = require('stream');
  const fs = require('fs');
  const stream = new Readable({
    read() {
      // Read stdin off the loop thread; one chunk per call.
      fs.read(0, Buffer.allocUnsafe(65536), 0, 65536, null, (err, n, buf) => {
        if (err) {
          if (err.code === 'EAGAIN') setTimeout(() => this._read(), 10);
          else this.destroy(err);
          return;
        }
        this.push(n > 0 ? buf.subarray(0, n) : null);
      });
    },
  });
  stream.fd = 0;
  stream.isTTY = binding.isatty(0) || undefined;
  return stream;
}

module.exports = { get, getIfCreated };
