'use strict';

// net: TCP and IPC (Unix domain socket) streams and servers, following
// Node's lib/net.js: a Socket is a stream.Duplex over a native handle
// (internal/stream_wrap), a Server owns a listening handle.

const EventEmitter = require('events');
const { emitOne } = EventEmitter[Symbol.for('weft.events.internals')];
const stream = require('stream');
const { nop } = require('internal/streams/utils');
const { queueTick } = require('internal/process/task_queues');
const {
  readable: {
    kDestroyed: kRDestroyed,
    kReadingMore: kRReadingMore,
    kReading: kRReading,
    kNeedReadable: kRNeedReadable,
    kSync: kRSync,
    kEndEmitted: kREndEmitted,
    kEndScheduled: kREndScheduled,
    kEnded: kREnded,
    kErrored: kRErrored,
    kConstructed: kRConstructed,
    kDataListening: kRDataListening,
  },
  writable: {
    kObjectMode: kWObjectMode,
    kWriting: kWWriting,
    kConstructed: kWConstructed,
    kEnding: kWEnding,
    kDestroyed: kWDestroyed,
    kNeedDrain: kWNeedDrain,
    kSync: kWSync,
    kErrored: kWErrored,
  },
} = require('internal/streams/bits');
const { kFlowsStraightMask, pushFlowing } = stream.Readable[Symbol.for('weft.streams.internals')];
const { writeResult, bindOnwrite } = stream.Writable[Symbol.for('weft.streams.internals')];
const ReadablePush = stream.Readable.prototype.push;
const ReadableRead = stream.Readable.prototype.read;
const ReadableOn = stream.Readable.prototype.on;
const WritableEnd = stream.Writable.prototype.end;
const WritableWrite = stream.Writable.prototype.write;
const {
  TCP, Pipe, TCPConstants, PipeConstants, UV_EOF, UV_ECANCELED, StreamHandle,
  streamBaseState, kBytesWritten: kLastBytesWritten, notBufferError, writeBuffer, queueWriteCallback, NOT_BYTES,
} = require('internal/stream_wrap');
const HandleWriteBuffer = StreamHandle.prototype.writeBuffer;
const { isIP, isIPv4, isIPv6, normalizedArgsSymbol } = require('internal/net');
const timers = require('internal/timers');
const {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_SOCKET_CONNECTION_TIMEOUT,
  },
  errnoException,
  exceptionWithHostPort,
  genericNodeError,
  UVExceptionWithHostPort,
  NodeAggregateError,
} = require('internal/errors');
const {
  getTimerDuration,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kTimeout = Symbol('timeout');
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const kBufferGen = Symbol('kBufferGen');
// Marks a server's connection options (connectionOptions()).
const kConnectionOptions = Symbol('kConnectionOptions');
const kServerConnectionOptions = Symbol('kServerConnectionOptions');
const kPendingUserData = Symbol('kPendingUserData');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kReinitializeHandle = Symbol('kReinitializeHandle');
const owner_symbol = Symbol('owner_symbol');
const async_id_symbol = Symbol('asyncId');

const UV_EADDRINUSE = -98;
const UV_EINVAL = -22;
const UV_ENOTCONN = -107;
const UV_ETIMEDOUT = -110;

const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

// Node's --network-family-autoselection and
// --network-family-autoselection-attempt-timeout defaults.
let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

let dns;
function lazyDns() {
  if (dns === undefined) dns = require('dns');
  return dns;
}

function noop() {}

function getFlags(ipv6Only) {
  return ipv6Only === true ? TCPConstants.UV_TCP_IPV6ONLY : 0;
}

function guessHandleType(fd) {
  return internalBinding('stream_wrap').guessHandleType(fd);
}

function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = guessHandleType(fd);
  if (type === 'PIPE') return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  if (type === 'TCP') return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

function getNewAsyncId(handle) {
  return handle && typeof handle.getAsyncId === 'function' ? handle.getAsyncId() : -1;
}

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// A timer that does not keep the loop alive, refreshed on socket activity
// (Node's internal setUnrefTimeout). Created ref'ed and then unref'ed, so
// the loop's timer ref state is updated even when this is the first timer.
function setUnrefTimeout(callback, after) {
  const timer = new timers.Timeout(callback, after, undefined, false, true);
  timers.insert(timer, timer._idleTimeout);
  timer.unref();
  return timer;
}

function clearSocketTimeout(timer) {
  if (timer) timers.clearTimeout(timer);
}

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

// connect(options[, cb]), connect(port[, host][, cb]), connect(path[, cb])
function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  if (value < 10) value = 10;
  autoSelectFamilyAttemptTimeoutDefault = value;
}

// Returns [options, cb] from the argument forms of connect() and listen():
// (options[...][, cb]), (path[...][, cb]) or ([port][, host][...][, cb]).
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

// Every socket's handle reads and completes writes through these; as
// defaults on the handle classes they cost no slot per connection.
TCP.prototype.onread = onStreamRead;
TCP.prototype.onwritecomplete = onHandleWriteComplete;
Pipe.prototype.onread = onStreamRead;
Pipe.prototype.onwritecomplete = onHandleWriteComplete;

// Called for a new Socket, and when a closed Socket is reused.
function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  if (self[kPendingUserData] !== null) self[kPendingUserData] = null;
  if (self._handle) {
    self._handle[owner_symbol] = self;
    // Defaults on TCP/Pipe.prototype (above); set for other handles.
    if (self._handle.onread !== onStreamRead) self._handle.onread = onStreamRead;
    if (self._handle.onwritecomplete !== onHandleWriteComplete) {
      self._handle.onwritecomplete = onHandleWriteComplete;
    }
    self[async_id_symbol] = getNewAsyncId(self._handle);
    if (self[kBuffer] && self[kBufferGen] !== null) {
      const userBuf = self[kBufferGen]();
      if (!(userBuf instanceof Uint8Array)) return;
      self[kBuffer] = userBuf;
    }
  }
}

function closeSocketHandle(self, isException, isCleanupPending = false) {
  if (self._handle) {
    self._handle.close(() => {
      emitOne(self, 'close', isException);
      if (isCleanupPending) {
        self._handle.onread = noop;
        self._handle = null;
        self._sockname = null;
      }
    });
  }
}

const kHandleProperty = { __proto__: null, value: null, writable: true, configurable: true, enumerable: false };

function Socket(options) {
  // `new` needs no instanceof (~650 instructions); Socket.call(this) does.
  if (new.target === undefined && !(this instanceof Socket)) return new Socket(options);
  if (options?.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode, 'is not supported');
  } else if (options?.readableObjectMode || options?.writableObjectMode) {
    throw new ERR_INVALID_ARG_VALUE(
      `options.${options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode'}`,
      options.readableObjectMode || options.writableObjectMode, 'is not supported');
  }
  if (typeof options?.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }

  this.connecting = false;
  this[async_id_symbol] = -1;
  this._hadError = false;
  // Not enumerable, as Node's (an accessor there): a plain data property,
  // since net.js reads it about twenty times per connection and QuickJS
  // runs an accessor as a call.
  Object.defineProperty(this, '_handle', kHandleProperty);
  this._parent = null;
  this._host = null;
  this._closeAfterHandlingError = false;

  // A server's own options for its connections (connectionOptions())
  // already hold all this; anything else is copied first.
  if (options?.[kConnectionOptions] !== true) {
    options = typeof options === 'number' ? { fd: options } : { ...options }; // number: legacy form
    // Not half-open unless asked: Duplex ends the writable side after 'end'.
    options.allowHalfOpen = Boolean(options.allowHalfOpen);
    // 'close' is emitted by the socket itself, once the handle has closed.
    options.emitClose = false;
    options.autoDestroy = true;
    // Strings go to the handle as they are.
    options.decodeStrings = false;
  }
  stream.Duplex.call(this, options);

  if (options.handle) {
    this._handle = options.handle;
    this[async_id_symbol] = getNewAsyncId(this._handle);
  } else if (options.fd !== undefined) {
    const { fd } = options;
    // Throws ERR_INVALID_FD_TYPE unless fd is a TCP socket or a pipe.
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
    this[async_id_symbol] = this._handle.getAsyncId();
  }

  const onread = options.onread;
  if (onread != null && typeof onread === 'object' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
    }
    this[kBufferCb] = onread.callback;
  }

  if (options.noDelay) this[kSetNoDelay] = true;
  if (options.keepAlive) this[kSetKeepAlive] = true;
  if (options.keepAliveInitialDelay) {
    this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
  }

  // this.on('end', onReadableStreamEnd), done as addListener would do it
  // when the pre-created slot is empty and nobody watches 'newListener'
  // (every socket adds this one listener).
  const events = this._events;
  if (this.on === ReadableOn && events !== undefined && events.end === undefined &&
      events.newListener === undefined) {
    events.end = onReadableStreamEnd;
    this._eventsCount++;
  } else {
    this.on('end', onReadableStreamEnd);
  }

  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';

  // With a handle already, start the flow of data now; otherwise on connect.
  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      startReading(this);
    }
  }

  if (options.signal) addClientAbortSignalOption(this, options);

  this.server = null;
  this._server = null;
}
// Symbol-keyed fields that most sockets never change are defaults here
// rather than own properties set in the constructor: per-connection memory
// is mostly the objects' property slots.
Socket.prototype[kLastWriteQueueSize] = 0;
Socket.prototype[kTimeout] = null;
Socket.prototype[kBuffer] = null;
Socket.prototype[kBufferCb] = null;
Socket.prototype[kBufferGen] = null;
Socket.prototype[kPendingUserData] = null;
Socket.prototype[kSetNoDelay] = false;
Socket.prototype[kSetKeepAlive] = false;
Socket.prototype[kSetKeepAliveInitialDelay] = 0;
// Byte counts kept for after destroy(), when the handle is gone.
Socket.prototype[kBytesRead] = 0;
Socket.prototype[kBytesWritten] = 0;

Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

// Refresh the idle timeouts of this socket and its parents.
Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

// After end(), once every byte went out: shut down the write side.
Socket.prototype._final = function(cb) {
  // this.pending, without the getter.
  if (!this._handle || this.connecting) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  const err = this._handle.shutdown(afterShutdown.bind(undefined, cb));
  if (err === 1 || err === UV_ENOTCONN) return cb(); // Finished at once.
  if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

function afterShutdown(cb) {
  cb();
}

// The peer sent a FIN and the socket is not half-open: say so on write.
function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return WritableWrite.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = genericNodeError('This socket has been ended by the other party', { code: 'EPIPE' });
  if (typeof cb === 'function') queueTick(1, cb, er);
  this.destroy(er);
  return false;
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  clearSocketTimeout(this[kTimeout]);
  this[kTimeout] = null;
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    // A write is still making progress: not idle.
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  // No argument means true, for backwards compatibility.
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Object.defineProperty(Socket.prototype, kUpdateTimer, {
  get() { return this._unrefTimer; },
});

function tryReadStart(socket) {
  const handle = socket._handle;
  handle.reading = true;
  if (socket[kPendingUserData] !== null) {
    // onread: bytes read before the callback asked to pause go first.
    queueTick(2, flushPendingUserData, socket, handle);
    return;
  }
  const err = handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

function flushPendingUserData(socket, handle) {
  const data = socket[kPendingUserData];
  socket[kPendingUserData] = null;
  if (socket._handle !== handle || !handle.reading || data === null) {
    if (data !== null && socket[kPendingUserData] === null) socket[kPendingUserData] = data;
    return;
  }
  deliverToUserBuffer(socket, handle, data);
  if (socket._handle === handle && handle.reading && !socket.destroyed &&
      socket[kPendingUserData] === null) {
    const err = handle.readStart();
    if (err) socket.destroy(errnoException(err, 'read'));
  }
}

// Start reading from the handle until the readable buffer is full.
Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  WritableEnd.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype.pause = function() {
  if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(errnoException(err, 'read'));
    }
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return ReadableRead.call(this, n);
};
const SocketRead = Socket.prototype.read;

// this.read(0) for a new socket with a handle: what Readable's read(0)
// does on a fresh state (mark reading, want 'readable', call _read()),
// without its general path, which every accepted connection would run.
// Subclasses that override read or _read get the real call.
function startReading(socket) {
  const rs = socket._readableState;
  if (socket.read !== Socket.prototype.read || socket._read !== Socket.prototype._read ||
      rs.length !== 0 || rs.highWaterMark === 0 ||
      (rs.bits & (kRReading | kRNeedReadable | kREnded | kRDestroyed | kRErrored |
                  kRConstructed)) !== kRConstructed) {
    socket.read(0);
    return;
  }
  rs.bits |= kRReading | kRNeedReadable | kRSync;
  socket._read(rs.highWaterMark);
  rs.bits &= ~kRSync;
  if (rs.length <= rs.highWaterMark) rs.bits |= kRNeedReadable;
}

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout] !== null) {
      clearSocketTimeout(s[kTimeout]);
      s[kTimeout] = null;
    }
  }

  if (this._handle) {
    const isException = exception ? true : false;
    // bytesRead / bytesWritten stay readable after destroy() (0 is the
    // prototype's default, so a socket that moved nothing adds no field).
    const handle = this._handle;
    if (handle.bytesRead !== this[kBytesRead]) this[kBytesRead] = handle.bytesRead;
    if (handle.bytesWritten !== this[kBytesWritten]) this[kBytesWritten] = handle.bytesWritten;

    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const err = this._handle.reset(() => {
        this.emit('close', isException);
      });
      if (err) {
        this._handle.close();
        this.emit('error', errnoException(err, 'reset'));
      }
    } else if (this._closeAfterHandlingError) {
      // Close in a microtask, so the handle is still there for 'error'
      // listeners that run in the next-tick queue.
      queueMicrotask(() => closeSocketHandle(this, isException, true));
    } else {
      closeSocketHandle(this, isException);
    }

    if (!this._closeAfterHandlingError) {
      this._handle.onread = noop;
      this._handle = null;
      this._sockname = null;
    }
    cb(exception);
  } else {
    cb(exception);
    queueTick(1, emitCloseNT, this);
  }

  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  } else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

function protoGetter(name, callback) {
  Object.defineProperty(Socket.prototype, name, {
    configurable: false,
    enumerable: true,
    get: callback,
  });
}

protoGetter('bytesRead', function bytesRead() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});

protoGetter('remoteAddress', function remoteAddress() {
  return this._getpeername().address;
});

protoGetter('remoteFamily', function remoteFamily() {
  return this._getpeername().family;
});

protoGetter('remotePort', function remotePort() {
  return this._getpeername().port;
});

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) {
    return {};
  } else if (!this._sockname) {
    this._sockname = {};
    this._handle.getsockname(this._sockname);
  }
  return this._sockname;
};

protoGetter('localAddress', function localAddress() {
  return this._getsockname().address;
});

protoGetter('localPort', function localPort() {
  return this._getsockname().port;
});

protoGetter('localFamily', function localFamily() {
  return this._getsockname().family;
});

Socket.prototype[kAfterAsyncWrite] = function() {
  this[kLastWriteQueueSize] = 0;
};

// Called by the handle when data arrives, the peer ends, or a read fails.
function onStreamRead(nread, buf) {
  const handle = this;
  const stream = handle[owner_symbol];
  if (stream === undefined || stream === null) return;
  if (stream[kTimeout] !== null || stream._parent !== null) stream._unrefTimer();

  if (nread > 0) {
    const rs = stream._readableState;
    // stream.destroyed, without the getter in the common case.
    if ((rs.bits & kRDestroyed) !== 0 && stream.destroyed) return;
    handle.bytesRead += nread;
    if (stream[kBuffer]) {
      deliverToUserBuffer(stream, handle, buf);
      return;
    }
    let more;
    // flowsStraight(rs), inlined (once per chunk).
    if ((rs.bits & kFlowsStraightMask) === kRDataListening && rs.flowing === true &&
        rs.length === 0 && stream.push === ReadablePush) {
      // What push() would do with this chunk (buf is a non-empty Buffer),
      // without the maybeReadMore() tick: the handle keeps reading.
      more = pushFlowing(stream, rs, buf, false);
    } else {
      const readingMore = rs.bits & kRReadingMore;
      rs.bits |= kRReadingMore;
      more = stream.push(buf);
      rs.bits = (rs.bits & ~kRReadingMore) | readingMore;
    }
    if (!more) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }

  if (nread === 0) return;

  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }

  // End of stream: push null before any destroy, so 'end' precedes 'close'.
  // Then read(0), which queues the 'end' if push(null) did not; when it
  // did, Socket's read(0) would do nothing else (no onread buffer).
  handle.reading = false;
  const rs = stream._readableState;
  if ((rs.bits & kREndEmitted) === 0) {
    stream.push(null);
    if ((rs.bits & kREndScheduled) === 0 || stream.read !== SocketRead || stream[kBuffer]) {
      stream.read(0);
    }
  }
}

// The onread option: the bytes go through the user's buffer, at most its
// length at a time (libuv reads into that buffer), and a callback that
// returns false stops reading; what was already read waits for resume().
function deliverToUserBuffer(stream, handle, buf) {
  let off = 0;
  const len = buf.length;
  while (off < len) {
    const userBuf = stream[kBuffer];
    const n = Math.min(userBuf.length, len - off);
    if (n === 0) return;
    userBuf.set(off === 0 && n === len ? buf : buf.subarray(off, off + n), 0);
    off += n;
    const result = stream[kBufferCb](n, userBuf) !== false;
    const bufGen = stream[kBufferGen];
    if (bufGen !== null) {
      const next = bufGen();
      if (next instanceof Uint8Array) stream[kBuffer] = next;
    }
    if (stream.destroyed || stream._handle !== handle) return;
    // A false result, or pause() in the callback, stops reading.
    if (!result || !handle.reading) {
      if (off < len) stream[kPendingUserData] = buf.subarray(off);
      if (handle.reading) {
        handle.reading = false;
        const err = handle.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
      return;
    }
  }
}

// socket.write(buffer) while the socket is connected and its writable side
// idle (no write in flight, nothing corked or buffered, no 'drain' owed):
// the chunk goes to the handle without the Writable → _write →
// _writeGeneric layers, with the same effect on the writable state and
// the same result. Anything else goes through Writable.prototype.write.
// The handle's binding checks that the chunk is a Uint8Array (any, as
// Writable turns one into a Buffer): cheaper than `instanceof Buffer`.
const kWriteDirectMask = kWObjectMode | kWWriting | kWConstructed | kWEnding | kWDestroyed |
  kWNeedDrain | kWErrored;
Socket.prototype.write = function write(chunk, encoding, cb) {
  const handle = this._handle;
  const state = this._writableState;
  if (encoding !== undefined || cb !== undefined || handle === null || this.connecting ||
      (state.bits & kWriteDirectMask) !== kWConstructed || state.corked !== 0 ||
      this._write !== SocketWrite) {
    return WritableWrite.call(this, chunk, encoding, cb);
  }
  let r;
  let len;
  if (handle.writeBuffer === HandleWriteBuffer) {
    r = writeBuffer(handle.id, chunk);
    if (r === NOT_BYTES) return WritableWrite.call(this, chunk, encoding, cb);
    if (r === 1) queueWriteCallback(handle, state.onwrite ?? bindOnwrite(this, state));
    len = streamBaseState[kLastBytesWritten];
  } else {
    if (!(chunk instanceof Uint8Array)) return WritableWrite.call(this, chunk, encoding, cb);
    len = chunk.length;
    r = handle.writeBuffer(chunk, state.onwrite ?? bindOnwrite(this, state));
  }
  if (this[kTimeout] !== null || this._parent !== null) this._unrefTimer();
  if (this._pendingData !== null) {
    this._pendingData = null;
    this._pendingEncoding = '';
  }
  if (r === 0) {
    // Written at once: Writable's bookkeeping for a synchronous write with
    // no callback leaves the state as it was.
    handle.bytesWritten += len;
    return true;
  }
  // Queued (1) or failed (< 0): the state a write in flight has.
  state.pendingcb++;
  state.length += len;
  state.writelen = len;
  state.writecb = nop;
  if (r === 1) {
    state.bits |= kWWriting;
    handle.bytesWritten += len;
    this[kLastWriteQueueSize] = len;
  } else {
    state.bits |= kWWriting | kWSync;
    (state.onwrite ?? bindOnwrite(this, state))(errnoException(r, 'write'));
    state.bits &= ~kWSync;
  }
  return writeResult(state);
};

// The write path: a chunk goes to the handle, which writes it to the kernel
// at once when it can (sync completion), else queues it and calls back.
Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  // Still connecting: keep this write for 'connect' (Writable buffers the rest).
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    function onClose() {
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    }
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';

  const handle = this._handle;
  if (!handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();

  let r;
  // Queued writes complete through handle.onwritecomplete (set in
  // initSocketHandle): no closure per write on this path.
  const done = cb;
  if (writev) {
    const chunks = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      let c = data[i].chunk;
      if (typeof c === 'string') {
        const enc = data[i].encoding;
        if (enc !== 'utf8' && enc !== 'utf-8') c = Buffer.from(c, enc);
      }
      chunks[i] = c;
    }
    r = handle.writev(chunks, done);
  } else if (typeof data === 'string') {
    if (encoding === 'utf8' || encoding === 'utf-8') {
      r = handle.writeUtf8String(data, done);
    } else if (encoding === 'buffer') {
      throw notBufferError();
    } else {
      r = handle.writeString(data, require('buffer').getEncodingId(encoding), done);
    }
  } else {
    r = handle.writeBuffer(data, done);
  }
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
  // What the handle took (an encoded string's bytes), as Node's
  // afterWriteDispatched() reads it.
  const bytes = streamBaseState[kLastBytesWritten];
  handle.bytesWritten += bytes;
  if (r === 1) {
    this[kLastWriteQueueSize] = bytes;
    return;
  }
  cb();
};

// A queued write finished (status 0), failed, or was cancelled by close.
// handle.onwritecomplete: `this` is the handle.
function onHandleWriteComplete(status, cb) {
  onWriteComplete(this[owner_symbol], this, status, cb);
}

function onWriteComplete(self, handle, status, cb) {
  if (self.destroyed) {
    cb(null);
    return;
  }
  if (status < 0) {
    cb(errnoException(status, 'write'));
    return;
  }
  self._unrefTimer();
  self[kAfterAsyncWrite]();
  cb(null);
}

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

function SocketWrite(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
}
Socket.prototype._write = SocketWrite;

// Legacy alias.
protoGetter('_bytesDispatched', function _bytesDispatched() {
  return this._handle ? this._handle.bytesWritten : this[kBytesWritten];
});

// Bytes handed to the handle plus those still buffered in the stream.
protoGetter('bytesWritten', function bytesWritten() {
  let bytes = this._bytesDispatched;
  const data = this._pendingData;
  const encoding = this._pendingEncoding;
  const writableBuffer = this.writableBuffer;
  if (!writableBuffer) return undefined;
  for (const el of writableBuffer) {
    bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
  }
  if (Array.isArray(data)) {
    // A writev: count every chunk.
    for (let i = 0; i < data.length; i++) {
      const chunk = data[i];
      if (data.allBuffers || chunk instanceof Buffer) bytes += chunk.length;
      else bytes += Buffer.byteLength(chunk.chunk, chunk.encoding);
    }
  } else if (data) {
    if (typeof data !== 'string') bytes += data.length;
    else bytes += Buffer.byteLength(data, encoding);
  }
  return bytes;
});

// A bind() to a port in use may succeed and leave the error for listen() or
// connect(); a socket that failed to bind ends up on another port (or none).
// So check that the socket holds the port that was asked for.
function checkBindError(err, port, handle) {
  if (err === 0 && port > 0 && handle.getsockname) {
    const out = {};
    err = handle.getsockname(out);
    // A handle whose bind failed has no socket address at all.
    if (err !== 0 || port !== out.port) err = UV_EADDRINUSE;
  }
  return err;
}

function internalConnect(self, address, port, addressType, localAddress, localPort, flags) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress = localAddress || DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress = localAddress || DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, flags);
    }
    err = checkBindError(err, localPort, self._handle);
    if (err) {
      self.destroy(exceptionWithHostPort(err, 'bind', localAddress, localPort));
      return;
    }
  }

  self.emit('connectionAttempt', address, port, addressType);

  const req = { oncomplete: afterConnect, address, port, localAddress, localPort, addressType };
  if (addressType === 6 || addressType === 4) {
    if (addressType === 4) err = self._handle.connect(req, address, port);
    else err = self._handle.connect6(req, address, port);
  } else {
    req.port = undefined;
    req.localAddress = undefined;
    req.localPort = undefined;
    req.addressType = undefined;
    err = self._handle.connect(req, address);
  }

  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname) details = `${sockname.address}:${sockname.port}`;
    self.destroy(exceptionWithHostPort(err, 'connect', address, port, details));
  }
}

// Happy eyeballs (RFC 8305): try the addresses in turn; an attempt that has
// not finished after `context.timeout` ms gives way to the next one.
function internalConnectMultiple(context, canceled) {
  timers.clearTimeout(context[kTimeout]);
  const self = context.socket;

  if (self._aborted) return;

  // Every address failed.
  if (canceled || context.current === context.addresses.length) {
    if (context.errors.length === 0) {
      self.destroy(new ERR_SOCKET_CONNECTION_TIMEOUT());
      return;
    }
    self.destroy(new NodeAggregateError(context.errors));
    return;
  }

  const current = context.current++;
  if (current > 0) self[kReinitializeHandle](new TCP(TCPConstants.SOCKET));

  const { localPort, port, flags } = context;
  const { address, family: addressType } = context.addresses[current];
  let localAddress;
  let err;

  if (localPort) {
    if (addressType === 4) {
      localAddress = DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress = DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, flags);
    }
    err = checkBindError(err, localPort, self._handle);
    if (err) {
      context.errors.push(exceptionWithHostPort(err, 'bind', localAddress, localPort));
      internalConnectMultiple(context);
      return;
    }
  }

  self.emit('connectionAttempt', address, port, addressType);

  const req = {
    oncomplete: (status, handle, r, readable, writable) =>
      afterConnectMultiple(context, current, status, handle, r, readable, writable),
    address,
    port,
    localAddress,
    localPort,
    addressType,
  };

  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);

  if (addressType === 4) err = self._handle.connect(req, address, port);
  else err = self._handle.connect6(req, address, port);

  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname) details = `${sockname.address}:${sockname.port}`;
    const ex = exceptionWithHostPort(err, 'connect', address, port, details);
    context.errors.push(ex);
    self.emit('connectionAttemptFailed', address, port, addressType, ex);
    internalConnectMultiple(context);
    return;
  }

  if (current < context.addresses.length - 1) {
    context[kTimeout] = timers.setTimeout(internalConnectMultipleTimeout, context.timeout,
                                          context, req, self._handle);
  }
}

Socket.prototype.connect = function(...args) {
  let normalized;
  // An array marked by normalizeArgs is taken as already normalized.
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];

  if (cb !== null) this.once('connect', cb);

  // The parent is connecting already: do not connect twice.
  if (this._parent && this._parent.connecting) return this;

  // options.port === null is checked later.
  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }

  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;

  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
  }

  const { path } = options;
  const pipe = !!path;

  if (!this._handle) {
    this._handle = pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
    initSocketHandle(this);
  }

  this._unrefTimer();
  this.connecting = true;

  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

Socket.prototype[kReinitializeHandle] = function reinitializeHandle(handle) {
  if (this._handle) this._handle.close();
  this._handle = handle;
  this._handle[owner_symbol] = this;
  initSocketHandle(this);
};

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');

  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;

  if (autoSelectFamily != null) {
    validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  } else {
    autoSelectFamily = autoSelectFamilyDefault;
  }

  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
  }

  // An IP address needs no lookup.
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort);
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');

  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = lazyDns().ADDRCONFIG;
  }

  self._host = host;
  const lookup = options.lookup || lazyDns().lookup;

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
    lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localAddress, localPort,
                             autoSelectFamilyAttemptTimeout);
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    self.emit('lookup', err, ip, addressType, host);
    // Destroyed while looking up.
    if (!self.connecting) return;
    if (err) {
      // No 'error' listener may be there yet (net.connect() returns after
      // this): report on the next tick.
      queueTick(2, connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip));
    } else if (addressType !== 4 && addressType !== 6) {
      process.nextTick(connectErrorNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(addressType, options.host, options.port));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
    }
  });
}

function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localAddress, localPort,
                                  timeout) {
  lookup(host, dnsopts, function emitLookup(err, addresses) {
    // Destroyed while looking up.
    if (!self.connecting) return;
    if (err) {
      self.emit('lookup', err, undefined, undefined, host);
      queueTick(2, connectErrorNT, self, err);
      return;
    }

    // Keep IPv4 and IPv6 addresses, each once; the family of the first one
    // goes first when the families alternate below.
    const validAddresses = [[], []];
    const validIps = [[], []];
    let destinations;
    for (let i = 0, l = addresses.length; i < l; i++) {
      const address = addresses[i];
      const { address: ip, family: addressType } = address;
      self.emit('lookup', err, ip, addressType, host);
      if (!self.connecting) return;
      if (isIP(ip) && (addressType === 4 || addressType === 6)) {
        destinations ||= addressType === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
        const destination = destinations[addressType];
        if (!validIps[destination].includes(ip)) {
          validAddresses[destination].push(address);
          validIps[destination].push(ip);
        }
      }
    }

    // No A or AAAA record: fail on the first entry.
    if (!validAddresses[0].length && !validAddresses[1].length) {
      const { address: firstIp, family: firstAddressType } = addresses[0];
      if (!isIP(firstIp)) {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(firstIp));
      } else if (firstAddressType !== 4 && firstAddressType !== 6) {
        process.nextTick(connectErrorNT, self,
                         new ERR_INVALID_ADDRESS_FAMILY(firstAddressType, options.host, options.port));
      }
      return;
    }

    const toAttempt = [];
    for (let i = 0, l = Math.max(validAddresses[0].length, validAddresses[1].length); i < l; i++) {
      if (i in validAddresses[0]) toAttempt.push(validAddresses[0][i]);
      if (i in validAddresses[1]) toAttempt.push(validAddresses[1][i]);
    }

    if (toAttempt.length === 1) {
      // One address: a plain connection.
      const { address: ip, family: addressType } = toAttempt[0];
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
      return;
    }

    self.autoSelectFamilyAttemptedAddresses = [];
    const context = {
      socket: self,
      addresses: toAttempt,
      current: 0,
      port,
      localPort,
      timeout,
      [kTimeout]: null,
      errors: [],
    };
    self._unrefTimer();
    internalConnectMultiple(context);
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[owner_symbol];
  // destroy() may have come first.
  if (!self || self.destroyed) return;

  self.connecting = false;
  self._sockname = null;

  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    self._unrefTimer();

    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }

    self.emit('connect');
    self.emit('ready');

    // Start reading (or see an immediate EOF); read(0) consumes nothing.
    if (readable && !self.isPaused()) self.read(0);
  } else {
    const ex = createConnectionError(req, status);
    self.emit('connectionAttemptFailed', req.address, req.port, req.addressType, ex);
    self.destroy(ex);
  }
}

// The signal itself destroys the socket (stream.Duplex handles
// options.signal); this marks the socket aborted for happy eyeballs.
function addClientAbortSignalOption(self, options) {
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  let remove = null;
  function onAbort() {
    if (remove !== null) remove();
    self._aborted = true;
  }
  if (signal.aborted) {
    queueTick(0, onAbort);
  } else {
    process.nextTick(() => {
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      remove = () => signal.removeEventListener('abort', onAbort);
    });
  }
}

function createConnectionError(req, status) {
  let details;
  if (req.localAddress && req.localPort) details = `${req.localAddress}:${req.localPort}`;
  const ex = exceptionWithHostPort(status, 'connect', req.address, req.port, details);
  if (details) {
    ex.localAddress = req.localAddress;
    ex.localPort = req.localPort;
  }
  return ex;
}

function afterConnectMultiple(context, current, status, handle, req, readable, writable) {
  // No further attempt for now.
  timers.clearTimeout(context[kTimeout]);

  // This attempt succeeded after it timed out and the next one started.
  if (status === 0 && current !== context.current - 1) {
    handle.close();
    return;
  }

  const self = context.socket;

  if (status !== 0) {
    const ex = createConnectionError(req, status);
    context.errors.push(ex);
    self.emit('connectionAttemptFailed', req.address, req.port, req.addressType, ex);
    // Try the next address, unless aborted.
    if (context.socket.connecting) internalConnectMultiple(context, status === UV_ECANCELED);
    return;
  }

  afterConnect(status, self._handle, req, readable, writable);
}

function internalConnectMultipleTimeout(context, req, handle) {
  context.socket.emit('connectionAttemptTimeout', req.address, req.port, req.addressType);
  req.oncomplete = undefined;
  context.errors.push(createConnectionError(req, UV_ETIMEDOUT));
  handle.close();
  // Try the next address, unless aborted.
  if (context.socket.connecting) internalConnectMultiple(context);
}

function addServerAbortSignalOption(self, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  const onAborted = () => {
    self.close();
  };
  if (signal.aborted) {
    queueTick(0, onAborted);
  } else {
    signal.addEventListener('abort', onAborted, { once: true });
    self.once('close', () => signal.removeEventListener('abort', onAborted));
  }
}

// ---------------------------------------------------------------------------
// Server

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);

  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof options.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  const { getDefaultHighWaterMark } = require('internal/streams/state');
  if (typeof options.highWaterMark !== 'undefined') {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) options.highWaterMark = getDefaultHighWaterMark();
  }

  this._connections = 0;
  this[async_id_symbol] = -1;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;

  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? getDefaultHighWaterMark();
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Server.prototype[kServerConnectionOptions] = null;
Object.setPrototypeOf(Server, EventEmitter);

// Returns a bound handle, or a negative errno.
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      // Not a descriptor we can listen on.
      return UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }

  if (address || port || isTCP) {
    if (!address) {
      // IPv6 first; fall back to IPv4.
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        return createServerHandle(DEFAULT_IPV4_ADDR, port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else {
      err = handle.bind(address, port);
    }
  }

  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function setupListenHandle(address, port, addressType, backlog, fd, flags) {
  // Without a handle yet, make one and bind it.
  if (!this._handle) {
    let rval = null;
    // No address: the unspecified IPv6 address when IPv6 works.
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = DEFAULT_IPV4_ADDR;
        addressType = 4;
      } else {
        address = DEFAULT_IPV6_ADDR;
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      process.nextTick(emitErrorNT, this, new UVExceptionWithHostPort(rval, 'listen', address, port));
      return;
    }
    this._handle = rval;
  }

  this[async_id_symbol] = getNewAsyncId(this._handle);
  this._handle.onconnection = onconnection;
  this._handle[owner_symbol] = this;

  // 511: the kernel rounds backlog + 1 up to a power of two, so 512.
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = new UVExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    queueTick(2, emitErrorNT, this, ex);
    return;
  }

  this._connectionKey = `${addressType}:${address}:${port}`;

  // unref() before listening: apply it now.
  if (this._unref) this.unref();

  queueTick(1, emitListeningNT, this);
}

Server.prototype._listen2 = setupListenHandle; // Legacy alias.

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  // Not closed meanwhile.
  if (self._handle) self.emit('listening');
}

// Without cluster, every server listens on its own handle.
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
  server._listen2(address, port, addressType, backlog, fd, flags);
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];

  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();

  if (cb !== null) this.once('listening', cb);
  // (handle, backlog), (path, backlog), (port, backlog) or (port, host, backlog).
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);

  options = options._handle || options.handle || options;
  const flags = getFlags(options.ipv6Only);
  // A lookup still running for an earlier listen() must not bind.
  this._listeningId++;

  // (handle[, backlog][, cb]): a TCP handle.
  if (options instanceof TCP) {
    this._handle = options;
    this[async_id_symbol] = this._handle.getAsyncId();
    listenInCluster(this, null, -1, -1, backlogFromArgs, undefined, true);
    return this;
  }
  addServerAbortSignalOption(this, options);
  // (handle[, backlog][, cb]): an object with an fd.
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }

  // listen(), listen(null), listen(cb), listen(null, cb), or options with a
  // port of undefined or null: any free port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) ||
      options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive);
    }
    return this;
  }

  // (path[, backlog][, cb]) or options with a path: a Unix domain socket.
  if (options.path && isPipeName(options.path)) {
    // An abstract socket has no file to chmod.
    if (options.path[0] === '\0' && (options.readableAll || options.writableAll)) {
      throw new ERR_INVALID_ARG_VALUE('options', options,
                                      'can not set readableAll or writableAllt to true when path is abstract unix socket');
    }
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive);

    // Failed: the error comes on the next tick.
    if (!this._handle) return this;

    let mode = 0;
    if (options.readableAll === true) mode |= PipeConstants.UV_READABLE;
    if (options.writableAll === true) mode |= PipeConstants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }

  if (!(('port' in options) || ('path' in options))) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  const listeningId = self._listeningId;
  lazyDns().lookup(address, function doListen(err, ip, addressType) {
    // close() or another listen() came first.
    if (listeningId !== self._listeningId) return;
    if (err) {
      self.emit('error', err);
    } else {
      addressType = ip ? addressType : 4;
      listenInCluster(self, ip, port, addressType, backlog, undefined, exclusive, flags);
    }
  });
}

Object.defineProperty(Server.prototype, 'listening', {
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

// The options of a server's connection sockets, made once per server (and
// again when its settings change) rather than for every connection, with
// what Socket() would add already in; Socket() takes them without a copy.
// `handle` is set around each construction.
function connectionOptions(server) {
  const allowHalfOpen = Boolean(server.allowHalfOpen);
  let o = server[kServerConnectionOptions];
  if (o === null || o.allowHalfOpen !== allowHalfOpen ||
      o.pauseOnCreate !== server.pauseOnConnect ||
      o.readableHighWaterMark !== server.highWaterMark) {
    o = {
      handle: null,
      allowHalfOpen,
      pauseOnCreate: server.pauseOnConnect,
      readable: true,
      writable: true,
      readableHighWaterMark: server.highWaterMark,
      writableHighWaterMark: server.highWaterMark,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: false,
      [kConnectionOptions]: true,
    };
    server[kServerConnectionOptions] = o;
  }
  return o;
}

function onconnection(err, clientHandle) {
  const handle = this;
  const self = handle[owner_symbol];

  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }

  if (self.maxConnections && self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = { __proto__: null };
      if (clientHandle.getsockname) {
        const localInfo = { __proto__: null };
        clientHandle.getsockname(localInfo);
        data.localAddress = localInfo.address;
        data.localPort = localInfo.port;
        data.localFamily = localInfo.family;
      }
      if (clientHandle.getpeername) {
        const remoteInfo = { __proto__: null };
        clientHandle.getpeername(remoteInfo);
        data.remoteAddress = remoteInfo.address;
        data.remotePort = remoteInfo.port;
        data.remoteFamily = remoteInfo.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }

  const options = connectionOptions(self);
  options.handle = clientHandle;
  let socket;
  try {
    socket = new Socket(options);
  } finally {
    options.handle = null;
  }

  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }

  self._connections++;
  socket.server = self;
  socket._server = self;
  emitOne(self, 'connection', socket);
}

Server.prototype.getConnections = function(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.close = function(cb) {
  this._listeningId++;
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this._handle) return;
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  queueTick(1, emitCloseNT, this);
};

function emitCloseNT(self) {
  self.emit('close');
}

// events.captureRejections: a rejected 'connection' listener destroys that socket.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  switch (event) {
    case 'connection':
      sock.destroy(err);
      break;
    default:
      this.emit('error', err);
  }
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Object.defineProperty(TCP.prototype, 'owner', {
  get() { return this[owner_symbol]; },
  set(v) { this[owner_symbol] = v; },
  configurable: true,
});

let warnSimultaneousAccepts = true;
function _setSimultaneousAccepts() {
  if (warnSimultaneousAccepts) {
    process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
                        'DeprecationWarning', 'DEP0121');
    warnSimultaneousAccepts = false;
  }
}

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this.destroyed) {
    this.destroy();
    await require('events').once(this, 'close');
  }
};

let BlockList;
let SocketAddress;

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  get BlockList() {
    BlockList ??= require('internal/blocklist').BlockList;
    return BlockList;
  },
  get SocketAddress() {
    SocketAddress ??= require('internal/socketaddress').SocketAddress;
    return SocketAddress;
  },
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket, // Legacy name.
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};

// For tls.js, which takes over a connected socket's handle.
Object.defineProperty(module.exports, Symbol.for('weft.net.internals'), {
  value: { initSocketHandle },
  enumerable: false,
});
