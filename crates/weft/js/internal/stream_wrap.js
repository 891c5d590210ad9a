'use strict';

// JS faces of the native stream handles (Node's TCP / Pipe wraps). Each
// object owns one slot in the loop's handle table (`this.id`); Rust calls
// back `onread(nread, buf)`, `onconnection(status, id)`, `onconnect(status)`,
// `afterWrite(status)` and `onshutdown(status)` on it.
//
// The methods follow Node's tcp_wrap / pipe_wrap objects where net.js needs
// them to: `connect(req, address, port)` completes with
// `req.oncomplete(status, handle, req, readable, writable)`, `onconnection`
// receives a handle object, `close(cb)` cancels pending writes with
// UV_ECANCELED before `cb` runs, `bytesRead` / `bytesWritten` count per
// handle. Only TCP handles have getsockname/getpeername/setNoDelay/
// setKeepAlive, as in Node.

const binding = internalBinding('stream_wrap');

const UV_EOF = -4095;
const UV_ECANCELED = -125;
const kWriteCallbacks = Symbol('writeCallbacks');
const kShutdownCallbacks = Symbol('shutdownCallbacks');
const kConnectReq = Symbol('connectReq');
const kAsyncId = Symbol('asyncId');
const kOnConnection = Symbol('onconnection');
const kOnConnectionBridge = Symbol('onconnectionBridge');

const {
  readStart, readStop, writeBuffer, writeString, writev, shutdown, close, getsockname, getpeername,
  NOT_BYTES,
} = binding;

// Node's streamBaseState: what the last write took, set by every write
// call (`streamBaseState[kBytesWritten]`, the bytes of an encoded string).
const streamBaseState = new Float64Array(binding.streamStateBuffer);
const kBytesWritten = 0;

// Node's handle.writeBuffer() given something other than a Uint8Array.
function notBufferError() {
  const err = new TypeError('Second argument must be a buffer');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// The native side reports a new connection as (status, id); listeners get
// (status, handle) as in Node. The bridge is made when `onconnection` is
// set, so that code which wraps the current value (as Node's tests do)
// gets the function it replaces.
function makeConnectionBridge(fn, isPipe) {
  return function onconnection(status, client) {
    if (typeof client === 'number') {
      client = isPipe ? new Pipe(PipeConstants.SOCKET, client) : new TCP(TCPConstants.SOCKET, client);
    }
    return fn.call(this, status, client);
  };
}

// Callbacks of requests in flight, oldest first. The queues are made on
// first use (most handles never queue a write): StreamHandle.prototype has
// null for both.
function queueCallback(handle, key, cb) {
  const queue = handle[key];
  if (queue === null) handle[key] = [cb];
  else queue.push(cb);
}

// A queued write's callback (net's direct write path).
function queueWriteCallback(handle, cb) {
  queueCallback(handle, kWriteCallbacks, cb);
}

class StreamHandle {
  constructor(id) {
    // Everything else starts as a default on StreamHandle.prototype (net
    // puts its onread and onwritecomplete on TCP/Pipe.prototype): a
    // connection's handle has only id, owner and `reading` of its own.
    this.id = id === undefined ? binding.create(this) : (binding.adopt(this, id), id);
  }

  get onconnection() {
    return this[kOnConnectionBridge];
  }
  set onconnection(fn) {
    this[kOnConnection] = fn;
    this[kOnConnectionBridge] =
      typeof fn === 'function' ? makeConnectionBridge(fn, this instanceof Pipe) : fn;
  }

  // The id while open; after close() the id it had.
  getAsyncId() { return this.id !== 0 ? this.id : this[kAsyncId]; }

  readStart() { return readStart(this.id); }
  readStop() { return readStop(this.id); }

  // Returns 0 when written at once, 1 when queued (cb runs later), or a negative errno.
  writeBuffer(buf, cb) {
    const r = writeBuffer(this.id, buf);
    if (r === 1) queueCallback(this, kWriteCallbacks, cb);
    else if (r === NOT_BYTES) throw notBufferError();
    return r;
  }
  writeUtf8String(s, cb) {
    const r = writeString(this.id, s, 1);
    if (r === 1) queueCallback(this, kWriteCallbacks, cb);
    return r;
  }
  writeString(s, encodingId, cb) {
    const r = writeString(this.id, s, encodingId);
    if (r === 1) queueCallback(this, kWriteCallbacks, cb);
    return r;
  }
  writev(chunks, cb) {
    const r = writev(this.id, chunks);
    if (r === 1) queueCallback(this, kWriteCallbacks, cb);
    return r;
  }
  // A queued write completed. The owner may set onwritecomplete(status, cb)
  // once, so that writes need no per-call closure.
  afterWrite(status) {
    const cbs = this[kWriteCallbacks];
    const cb = cbs === null ? undefined : cbs.shift();
    if (cb === undefined) return;
    if (this.onwritecomplete) this.onwritecomplete(status, cb);
    else cb(status);
  }

  // Returns 0 (onshutdown follows) or a negative errno.
  shutdown(cb) {
    const r = shutdown(this.id);
    if (r === 0) queueCallback(this, kShutdownCallbacks, cb);
    return r;
  }
  onshutdown(status) {
    const cbs = this[kShutdownCallbacks];
    const cb = cbs === null ? undefined : cbs.shift();
    if (cb) cb(status);
  }

  onconnect(status) {
    const req = this[kConnectReq];
    this[kConnectReq] = null;
    if (req && typeof req.oncomplete === 'function') {
      req.oncomplete(status, this, req, true, true);
    }
  }

  // Closes the handle. As libuv does, requests still pending complete with
  // UV_ECANCELED (writes, then a shutdown) just before `cb` runs.
  close(cb) {
    // Closing twice does nothing (the first close's callback still runs).
    // The id is dropped at once: the native side reuses ids, so a stale id
    // would reach whatever handle gets the slot next.
    const id = this.id;
    if (id === 0) return;
    this[kAsyncId] = id;
    this.id = 0;
    const writes = this[kWriteCallbacks] ?? [];
    const shutdowns = this[kShutdownCallbacks] ?? [];
    // Reset only what was set (the prototype's nulls need no own copy).
    if (this[kWriteCallbacks] !== null) this[kWriteCallbacks] = null;
    if (this[kShutdownCallbacks] !== null) this[kShutdownCallbacks] = null;
    if (this[kConnectReq] !== null) this[kConnectReq] = null;
    if (writes.length === 0 && shutdowns.length === 0) {
      close(id, typeof cb === 'function' ? cb : undefined);
      return;
    }
    close(id, () => {
      for (let i = 0; i < writes.length; i++) {
        if (typeof writes[i] !== 'function') continue;
        if (this.onwritecomplete) this.onwritecomplete(UV_ECANCELED, writes[i]);
        else writes[i](UV_ECANCELED);
      }
      for (let i = 0; i < shutdowns.length; i++) {
        if (typeof shutdowns[i] === 'function') shutdowns[i](UV_ECANCELED);
      }
      if (typeof cb === 'function') cb();
    });
  }
  ref() { binding.ref(this.id); }
  unref() { binding.unref(this.id); }
  hasRef() { return binding.hasRef(this.id); }
  get writeQueueSize() { return binding.writeQueueSize(this.id); }
  get fd() { return binding.fd(this.id); }
  listen(backlog) { return binding.listen(this.id, backlog); }
  open(fd) { return binding.open(this.id, fd); }
}

StreamHandle.prototype.reading = false;
StreamHandle.prototype.onread = null;
StreamHandle.prototype.bytesRead = 0;
StreamHandle.prototype.bytesWritten = 0;
StreamHandle.prototype[kAsyncId] = 0;
StreamHandle.prototype[kOnConnection] = null;
StreamHandle.prototype[kOnConnectionBridge] = null;
StreamHandle.prototype[kConnectReq] = null;
StreamHandle.prototype[kWriteCallbacks] = null;
StreamHandle.prototype[kShutdownCallbacks] = null;

const TCPConstants = { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1 };

class TCP extends StreamHandle {
  constructor(type, id) {
    super(id);
    if (type !== TCPConstants.SOCKET) this.type = type;
  }
  getsockname(out) { return getsockname(this.id, out); }
  getpeername(out) { return getpeername(this.id, out); }
  setNoDelay(on) { return binding.setNoDelay(this.id, !!on); }
  setKeepAlive(on, secs) { return binding.setKeepAlive(this.id, !!on, secs | 0); }
  bind(address, port) { return binding.bind(this.id, address, port | 0, 0); }
  bind6(address, port, flags) { return binding.bind(this.id, address, port | 0, flags | 0); }
  connect(req, address, port) {
    const err = binding.connect(this.id, address, port | 0);
    if (err === 0) this[kConnectReq] = req;
    return err;
  }
  connect6(req, address, port) {
    return this.connect(req, address, port);
  }
  // Closes with a TCP RST instead of a FIN (SO_LINGER 0), as uv_tcp_close_reset.
  reset(cb) {
    const err = binding.reset(this.id);
    if (err) return err;
    this.close(cb);
    return 0;
  }
}
TCP.prototype.type = TCPConstants.SOCKET;

const PipeConstants = { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 };

class Pipe extends StreamHandle {
  constructor(type, id) {
    super(id);
    this.type = type;
    this.path = null;
  }
  bind(path) {
    const err = binding.bindPipe(this.id, path);
    if (err === 0) this.path = path;
    return err;
  }
  connect(req, path) {
    const err = binding.connectPipe(this.id, path);
    if (err === 0) this[kConnectReq] = req;
    return err;
  }
  // uv_pipe_chmod: make the socket file readable and/or writable by everyone.
  fchmod(mode) {
    if (this.path === null || this.path[0] === '\0') return -22; // UV_EINVAL
    let desired = 0;
    if (mode & PipeConstants.UV_READABLE) desired |= 0o444;
    if (mode & PipeConstants.UV_WRITABLE) desired |= 0o222;
    if (desired === 0 || (mode & ~(PipeConstants.UV_READABLE | PipeConstants.UV_WRITABLE))) return -22;
    const fs = require('fs');
    try {
      const st = fs.statSync(this.path);
      if ((st.mode & desired) !== desired) fs.chmodSync(this.path, (st.mode | desired) & 0o7777);
    } catch (e) {
      return typeof e.errno === 'number' ? e.errno : -22;
    }
    return 0;
  }
}

module.exports = {
  TCP, Pipe, TCPConstants, PipeConstants, UV_EOF, UV_ECANCELED, StreamHandle,
  streamBaseState, kBytesWritten, notBufferError,
  // net's direct write: the binding's writeBuffer, when a handle's
  // writeBuffer is StreamHandle's own.
  writeBuffer, queueWriteCallback, NOT_BYTES,
};
