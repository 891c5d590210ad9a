'use strict';

// JS faces of the native stream handles (Node's TCP / Pipe wraps). Each
// object owns one slot in the loop's handle table (`this.id`); Rust calls
// back `onread(nread, buf)`, `onconnection(status, id)`, `onconnect(status)`,
// `afterWrite(status)` and `onshutdown(status)` on it.

const binding = internalBinding('stream_wrap');

const UV_EOF = -4095;
const kWriteCallbacks = Symbol('writeCallbacks');
const kShutdownCallbacks = Symbol('shutdownCallbacks');
const kConnectCallback = Symbol('connectCallback');

const {
  readStart, readStop, writeBuffer, writeString, writev, shutdown, close, getsockname, getpeername,
} = binding;

class StreamHandle {
  constructor(id) {
    this.id = id === undefined ? binding.create(this) : (binding.adopt(this, id), id);
    this.reading = false;
    this.onread = null;
    this.onconnection = null;
    this[kWriteCallbacks] = [];
    this[kShutdownCallbacks] = [];
    this[kConnectCallback] = null;
  }

  readStart() { return readStart(this.id); }
  readStop() { return readStop(this.id); }

  // Returns 0 when written at once, 1 when queued (cb runs later), or a negative errno.
  writeBuffer(buf, cb) {
    const r = writeBuffer(this.id, buf);
    if (r === 1) this[kWriteCallbacks].push(cb);
    return r;
  }
  writeUtf8String(s, cb) {
    const r = writeString(this.id, s, 1);
    if (r === 1) this[kWriteCallbacks].push(cb);
    return r;
  }
  writeString(s, encodingId, cb) {
    const r = writeString(this.id, s, encodingId);
    if (r === 1) this[kWriteCallbacks].push(cb);
    return r;
  }
  writev(chunks, cb) {
    const r = writev(this.id, chunks);
    if (r === 1) this[kWriteCallbacks].push(cb);
    return r;
  }
  afterWrite(status) {
    const cb = this[kWriteCallbacks].shift();
    if (cb) cb(status);
  }

  shutdown(cb) {
    const r = shutdown(this.id);
    if (r === 0) this[kShutdownCallbacks].push(cb);
    return r;
  }
  onshutdown(status) {
    const cb = this[kShutdownCallbacks].shift();
    if (cb) cb(status);
  }

  onconnect(status) {
    const cb = this[kConnectCallback];
    this[kConnectCallback] = null;
    if (cb) cb(status);
  }

  close(cb) {
    close(this.id, cb);
    this[kWriteCallbacks] = [];
  }
  ref() { binding.ref(this.id); }
  unref() { binding.unref(this.id); }
  hasRef() { return binding.hasRef(this.id); }
  get writeQueueSize() { return binding.writeQueueSize(this.id); }
  get fd() { return binding.fd(this.id); }
  getsockname(out) { return getsockname(this.id, out); }
  getpeername(out) { return getpeername(this.id, out); }
  setNoDelay(on) { return binding.setNoDelay(this.id, !!on); }
  setKeepAlive(on, secs) { return binding.setKeepAlive(this.id, !!on, secs | 0); }
  listen(backlog) { return binding.listen(this.id, backlog); }
}

const TCPConstants = { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1 };

class TCP extends StreamHandle {
  constructor(type, id) {
    super(id);
    this.type = type;
  }
  bind(address, port) { return binding.bind(this.id, address, port | 0, 0); }
  bind6(address, port, flags) { return binding.bind(this.id, address, port | 0, flags | 0); }
  connect(cb, address, port) {
    this[kConnectCallback] = cb;
    return binding.connect(this.id, address, port | 0);
  }
  connect6(cb, address, port) {
    return this.connect(cb, address, port);
  }
}

const PipeConstants = { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 };

class Pipe extends StreamHandle {
  constructor(type, id) {
    super(id);
    this.type = type;
  }
  bind(path) { return binding.bindPipe(this.id, path); }
  connect(cb, path) {
    this[kConnectCallback] = cb;
    return binding.connectPipe(this.id, path);
  }
  fchmod(mode) {
    return 0;
  }
}
// Node's pipe handles have no getsockname/getpeername: a Unix socket's
// remoteAddress and localAddress are undefined, server.address() is the path.
Pipe.prototype.getsockname = undefined;
Pipe.prototype.getpeername = undefined;

module.exports = { TCP, Pipe, TCPConstants, PipeConstants, UV_EOF, StreamHandle };
