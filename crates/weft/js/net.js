'use strict';

// net: TCP and IPC (Unix domain socket) streams and servers, following
// Node's lib/net.js: a Socket is a stream.Duplex over a native handle
// (internal/stream_wrap), a Server owns a listening handle.

const EventEmitter = require('events');
const stream = require('stream');
const { TCP, Pipe, TCPConstants, PipeConstants, UV_EOF } = require('internal/stream_wrap');
const { isIP, isIPv4, isIPv6, normalizedArgsSymbol, makeSyncWrite } = require('internal/net');
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
    ERR_OUT_OF_RANGE,
  },
  errnoException,
  exceptionWithHostPort,
  genericNodeError,
  UVExceptionWithHostPort,
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
  validateBoolean,
  validateObject,
} = require('internal/validators');

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kTimeout = Symbol('timeout');
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const kBufferGen = Symbol('kBufferGen');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kIsTCPSocket = Symbol('kIsTCPSocket');
const owner_symbol = Symbol('owner_symbol');
const async_id_symbol = Symbol('asyncId');

const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 500;

let dns;
function lazyDns() {
  if (dns === undefined) dns = require('dns');
  return dns;
}

function noop() {}

function getFlags(ipv6Only) {
  return ipv6Only === true ? TCPConstants.UV_TCP_IPV6ONLY : 0;
}

function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = guessHandleType(fd);
  if (type === 'PIPE') return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  if (type === 'TCP') return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

function guessHandleType(fd) {
  return internalBinding('stream_wrap').guessHandleType ? internalBinding('stream_wrap').guessHandleType(fd) : 'UNKNOWN';
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

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

// Returns [options, cb] from the overloaded argument lists of connect/listen.
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
  if (typeof cb !== 'function') arr = [options, null];
  else arr = [options, cb];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  if (self._handle) {
    self._handle[owner_symbol] = self;
    self._handle.onread = onStreamRead;
    self[async_id_symbol] = self._handle.id;
    let userBuf = self[kBuffer];
    if (userBuf) {
      const bufGen = self[kBufferGen];
      if (bufGen !== null) {
        userBuf = bufGen();
        if (!(userBuf instanceof Uint8Array)) return;
        self[kBuffer] = userBuf;
      }
    }
  }
}

function closeSocketHandle(self, isException, ignoreErrors) {
  if (self._handle) {
    self._handle.close(() => {
      self.emit('close', isException);
    });
    self._handle = null;
  }
}

const kResetAndDestroy = Symbol('resetAndDestroy');

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
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
  this._hadError = false;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBuffer] = null;
  this[kBufferCb] = null;
  this[kBufferGen] = null;
  this._closeAfterHandlingError = false;

  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };

  const { allowHalfOpen } = options;
  // The socket ends its own writable side (see onReadableStreamEnd), as Node does.
  options.allowHalfOpen = true;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  this.allowHalfOpen = Boolean(allowHalfOpen);

  if (options.handle) {
    this._handle = options.handle;
    this[async_id_symbol] = this._handle.id;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = internalBinding('stream_wrap').open ? internalBinding('stream_wrap').open(this._handle.id, fd) : -9;
    if (err) throw errnoException(err, 'open');
    this[async_id_symbol] = this._handle.id;
    if ((fd === 1 || fd === 2) && (this._handle instanceof Pipe) && process.platform === 'win32') {
      // Not reached on Linux.
    }
  }

  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' &&
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

  this.on('end', onReadableStreamEnd);

  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';

  if (options.handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (options.signal) addClientAbortSignalOption(this, options);

  this.server = null;
  this._server = null;

  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);

  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function addClientAbortSignalOption(self, options) {
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  let disposable;
  function onAbort() {
    if (disposable) disposable();
    self.destroy(new AbortError(undefined, { cause: signal.reason }));
  }
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    disposable = () => signal.removeEventListener('abort', onAbort);
    self.once('close', disposable);
  }
}

// Called when the 'end' event is emitted.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = genericNodeError('This socket has been ended by the other party', { code: 'EPIPE' });
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype[kUpdateTimer] = Socket.prototype._unrefTimer;

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  clearTimeoutIfAny(this);
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

function clearTimeoutIfAny(self) {
  if (self[kTimeout]) {
    timers.clearTimeout(self[kTimeout]);
    self[kTimeout] = null;
  }
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  return msecs;
}

function setUnrefTimeout(callback, after) {
  const timer = new timers.Timeout(callback, after, undefined, false, false);
  timers.insert(timer, timer._idleTimeout);
  return timer;
}

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
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
  if (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
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
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
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
    return this;
  }
  this.destroy(new ERR_SOCKET_CLOSED());
  return this;
};

Socket.prototype._reset = function() {
  this[kResetAndDestroy] = true;
  return this.destroy();
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
  return stream.Duplex.prototype.read.call(this, n);
};

// Called by the handle when data arrives, the peer ends, or a read fails.
function onStreamRead(nread, buf) {
  const handle = this;
  const stream = handle[owner_symbol];
  if (stream === undefined || stream === null) return;
  if (stream[kTimeout] !== null) stream._unrefTimer();

  if (nread > 0 && !stream.destroyed) {
    stream[kBytesRead] += nread;
    if (stream[kBuffer]) {
      // onread option: copy into the user's buffer, call back, pause when it returns false.
      let userBuf = stream[kBuffer];
      if (stream[kBufferGen] !== null) {
        userBuf = stream[kBufferGen]();
        stream[kBuffer] = userBuf;
      }
      let off = 0;
      while (off < nread) {
        const n = Math.min(userBuf.length, nread - off);
        userBuf.set(n === nread && off === 0 ? buf : buf.subarray(off, off + n), 0);
        off += n;
        const ret = stream[kBufferCb](n, userBuf);
        if (ret === false && handle.reading) {
          handle.reading = false;
          const err = handle.readStop();
          if (err) stream.destroy(errnoException(err, 'read'));
        }
      }
      return;
    }
    const ret = stream.push(buf);
    if (!ret && handle.reading) {
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

  // End of stream.
  handle.reading = false;
  if (stream[kBuffer]) {
    // Nothing buffered in JS for onread sockets; end the readable side.
  }
  if (stream._readableState.endEmitted) {
    if (stream._maybeDestroyOnEnd) stream._maybeDestroyOnEnd();
  } else {
    stream.push(null);
    stream.read(0);
  }
}

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
  return this[kBytesRead];
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
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
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

// The write path: a chunk goes to the handle, which writes it to the kernel at once
// when it can (sync completion), else queues it and calls back later.
Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
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
  if (this[kTimeout] !== null) this._unrefTimer();

  let r;
  let bytes;
  if (writev) {
    const chunks = new Array(data.length);
    bytes = 0;
    for (let i = 0; i < data.length; i++) {
      let c = data[i].chunk;
      if (typeof c === 'string' && data[i].encoding !== 'utf8' && data[i].encoding !== 'utf-8') {
        c = Buffer.from(c, data[i].encoding);
      }
      chunks[i] = c;
      bytes += typeof c === 'string' ? Buffer.byteLength(c) : c.length;
    }
    r = handle.writev(chunks, (status) => afterWrite(this, status, cb));
  } else if (typeof data === 'string') {
    const id = encoding === 'utf8' || encoding === 'utf-8' ? 1 : require('buffer').getEncodingId(encoding);
    bytes = Buffer.byteLength(data, encoding);
    r = handle.writeString(data, id, (status) => afterWrite(this, status, cb));
  } else {
    bytes = data.length;
    r = handle.writeBuffer(data, (status) => afterWrite(this, status, cb));
  }
  if (r < 0) {
    cb(errnoException(r, 'write'));
    return;
  }
  this[kBytesWritten] += bytes;
  if (r === 1) {
    this[kLastWriteQueueSize] = bytes;
    return;
  }
  cb();
};

function afterWrite(self, status, cb) {
  self[kLastWriteQueueSize] = 0;
  if (status < 0) {
    cb(errnoException(status, 'write'));
    return;
  }
  if (self[kTimeout] !== null) self._unrefTimer();
  cb();
}

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._final = function(cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  const err = this._handle.shutdown((status) => {
    // Node ignores shutdown errors from a peer that already went away.
    cb();
  });
  if (err === 1 || err === -107) return cb(); // UV_ENOTCONN
  if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

protoGetter('bytesWritten', function bytesWritten() {
  let bytes = this[kBytesWritten];
  const data = this._pendingData;
  const encoding = this._pendingEncoding;
  const writableBuffer = this.writableBuffer;
  if (!writableBuffer) return undefined;
  for (const el of writableBuffer) {
    bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
  }
  if (Array.isArray(data)) {
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

function checkBindError(err, port, handle) {
  if (err === 0 && port > 0 && handle.getsockname) {
    const out = {};
    err = handle.getsockname(out);
    if (err === 0 && port !== out.port) err = -98; // UV_EADDRINUSE
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
      const ex = exceptionWithHostPort(err, 'bind', localAddress, localPort);
      self.destroy(ex);
      return;
    }
  }
  const req = { address, port, localAddress, localPort, addressType };
  const handle = self._handle;
  if (addressType === 6 || addressType === 4) {
    err = handle.connect((status) => afterConnect(status, handle, req), address, port);
  } else {
    err = handle.connect((status) => afterConnect(status, handle, req), address);
  }
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname && sockname.address) details = `${sockname.address}:${sockname.port}`;
    const ex = exceptionWithHostPort(err, 'connect', address, port, details);
    self.destroy(ex);
  }
}

// Happy eyeballs over the addresses a lookup returned (Node's internalConnectMultiple):
// try each in turn, moving on after the attempt timeout or an error.
function internalConnectMultiple(context, canceled) {
  clearTimeout(context[kTimeout]);
  const self = context.socket;
  if (canceled || self.destroyed) return;
  if (context.current === context.addresses.length) {
    if (context.errors.length === 1) {
      self.destroy(context.errors[0]);
    } else {
      const { NodeAggregateError } = require('internal/errors');
      self.destroy(new NodeAggregateError(context.errors));
    }
    return;
  }
  const current = context.current++;
  const { localPort, port, flags } = context;
  const { address, family: addressType } = context.addresses[current];
  let localAddress;
  if (current > 0) {
    // A fresh handle for each new attempt.
    if (self._handle) self._handle.close();
    self._handle = new TCP(TCPConstants.SOCKET);
    initSocketHandle(self);
  }
  if (localPort) {
    localAddress = addressType === 4 ? DEFAULT_IPV4_ADDR : DEFAULT_IPV6_ADDR;
    const err = addressType === 4 ? self._handle.bind(localAddress, localPort) : self._handle.bind6(localAddress, localPort, flags);
    if (err) {
      context.errors.push(exceptionWithHostPort(err, 'bind', localAddress, localPort));
      internalConnectMultiple(context);
      return;
    }
  }
  const req = { address, port, localAddress, localPort, addressType, context };
  const handle = self._handle;
  const err = handle.connect((status) => afterConnectMultiple(context, current, status, handle, req), address, port);
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname && sockname.address) details = `${sockname.address}:${sockname.port}`;
    context.errors.push(exceptionWithHostPort(err, 'connect', address, port, details));
    internalConnectMultiple(context);
    return;
  }
  if (current < context.addresses.length - 1) {
    context[kTimeout] = setTimeout(internalConnectMultipleTimeout, context.timeout, context, req, handle);
  }
}

function internalConnectMultipleTimeout(context, req, handle) {
  context[kTimeout] = null;
  if (context.socket.destroyed) return;
  handle.onconnect = noop;
  handle.close();
  context.socket._handle = null;
  context.socket._handle = new TCP(TCPConstants.SOCKET);
  initSocketHandle(context.socket);
  context.errors.push(exceptionWithHostPort(-110, 'connect', req.address, req.port));
  context.current = Math.min(context.current, context.addresses.length);
  internalConnectMultipleAfterClosedAttempt(context);
}

function internalConnectMultipleAfterClosedAttempt(context) {
  const self = context.socket;
  if (self.destroyed) return;
  // internalConnectMultiple replaces the handle for attempts after the first.
  const saved = self._handle;
  if (saved) {
    saved.close();
    self._handle = new TCP(TCPConstants.SOCKET);
    initSocketHandle(self);
  }
  const current = context.current;
  if (current === context.addresses.length) {
    internalConnectMultiple(context);
    return;
  }
  // Run the next attempt on the fresh handle without closing it again.
  context.current = current;
  const { address } = context.addresses[current];
  void address;
  internalConnectMultipleFrom(context);
}

function internalConnectMultipleFrom(context) {
  const self = context.socket;
  const current = context.current++;
  const { port } = context;
  const { address, family: addressType } = context.addresses[current];
  const req = { address, port, addressType, context };
  const handle = self._handle;
  const err = handle.connect((status) => afterConnectMultiple(context, current, status, handle, req), address, port);
  if (err) {
    context.errors.push(exceptionWithHostPort(err, 'connect', address, port));
    internalConnectMultiple(context);
    return;
  }
  if (current < context.addresses.length - 1) {
    context[kTimeout] = setTimeout(internalConnectMultipleTimeout, context.timeout, context, req, handle);
  }
}

function afterConnectMultiple(context, current, status, handle, req) {
  const self = context.socket;
  if (self.destroyed) return;
  if (status !== 0) {
    clearTimeout(context[kTimeout]);
    const ex = exceptionWithHostPort(status, 'connect', req.address, req.port);
    context.errors.push(ex);
    if (context.current === context.addresses.length) {
      internalConnectMultiple(context);
      return;
    }
    self._handle.close();
    self._handle = new TCP(TCPConstants.SOCKET);
    initSocketHandle(self);
    internalConnectMultipleFrom(context);
    return;
  }
  clearTimeout(context[kTimeout]);
  afterConnect(status, handle, req);
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

  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = autoSelectFamilyDefault;

  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
  }

  // Literal addresses skip the lookup.
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
  if (!dnsopts.family && !dnsopts.hints) {
    dnsopts.hints = lazyDns().ADDRCONFIG;
  }

  self._host = host;
  const lookup = options.lookup || lazyDns().lookup;

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
    lookupAndConnectMultiple(self, async_id_symbol, lookup, host, options, dnsopts, port, localAddress, localPort, autoSelectFamilyAttemptTimeout);
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    self.emit('lookup', err, ip, addressType, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      err = new ERR_INVALID_IP_ADDRESS(ip);
      process.nextTick(connectErrorNT, self, err);
    } else if (addressType !== 4 && addressType !== 6) {
      err = new ERR_INVALID_ADDRESS_FAMILY(addressType, options.host, options.port);
      process.nextTick(connectErrorNT, self, err);
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
    }
  });
}

function lookupAndConnectMultiple(self, asyncIdSymbol, lookup, host, options, dnsopts, port, localAddress, localPort, timeout) {
  lookup(host, dnsopts, function emitLookup(err, addresses) {
    if (!self.connecting) return;
    if (err) {
      self.emit('lookup', err, undefined, undefined, host);
      process.nextTick(connectErrorNT, self, err);
      return;
    }
    if (!Array.isArray(addresses)) {
      // A custom lookup that ignored `all`.
      const ip = addresses;
      const family = arguments[2];
      self.emit('lookup', null, ip, family, host);
      if (!isIP(ip)) {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip));
        return;
      }
      internalConnect(self, ip, port, family, localAddress, localPort);
      return;
    }
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
    const { 0: firstList, 1: secondList } = validAddresses;
    if (firstList.length + secondList.length === 0) {
      const { address: firstIp, family: firstAddressType } = addresses[0] || {};
      if (!isIP(firstIp)) {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(firstIp));
      } else {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_ADDRESS_FAMILY(firstAddressType, options.host, options.port));
      }
      return;
    }
    if (firstList.length + secondList.length === 1) {
      const { address: ip, family: addressType } = (firstList[0] || secondList[0]);
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
      return;
    }
    // Interleave the families, first family first (RFC 8305).
    const toAttempt = [];
    for (let i = 0, l = Math.max(firstList.length, secondList.length); i < l; i++) {
      if (i in firstList) toAttempt.push(firstList[i]);
      if (i in secondList) toAttempt.push(secondList[i]);
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
    internalConnectMultipleFrom(context);
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];

  if (cb !== null) this.once('connect', cb);

  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;

  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
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
    if (options.port === undefined && options.path == null) {
      throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
    }
    lookupAndConnect(this, options);
  }
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._destroy = function(exception, cb) {
  for (let s = this; s !== null; s = s._parent) {
    clearTimeoutIfAny(s);
  }
  this.connecting = false;

  if (this._handle) {
    const isException = exception ? true : false;
    if (this[kResetAndDestroy]) {
      this[kResetAndDestroy] = false;
      const handle = this._handle;
      internalBinding('stream_wrap').reset?.(handle.id);
    }
    const handle = this._handle;
    handle.onread = noop;
    handle.close(() => {
      this.emit('close', isException);
    });
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }

  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function emitCloseNT(self) {
  self.emit('close', false);
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

function afterConnect(status, handle, req) {
  const self = handle[owner_symbol];
  if (!self || self.destroyed) return;
  self.connecting = false;
  self._sockname = null;

  if (status === 0) {
    if (self.readable && !self._readableState.ended === false) {
      // Readable side was ended before connecting.
    }
    if (self.writable === false && !self.writableEnded) self.end();
    self._unrefTimer();
    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    self.emit('connect');
    self.emit('ready');
    if (!self.isPaused() || self[kBuffer]) {
      if (self.readableFlowing !== false || self[kBuffer]) self.read(0);
    }
  } else {
    let details;
    if (req.localAddress && req.localPort) details = `${req.localAddress}:${req.localPort}`;
    const ex = exceptionWithHostPort(status, 'connect', req.address, req.port, details);
    if (details) {
      ex.localAddress = req.localAddress;
      ex.localPort = req.localPort;
    }
    self.destroy(ex);
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
  if (typeof options.highWaterMark !== 'undefined') {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) options.highWaterMark = require('internal/streams/state').getDefaultHighWaterMark();
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
  this.highWaterMark = options.highWaterMark ?? require('internal/streams/state').getDefaultHighWaterMark();
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

// Returns a handle, or a negative errno.
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return -22; // UV_EINVAL
    }
    const open = internalBinding('stream_wrap').open;
    err = open ? open(handle.id, fd) : -9;
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }

  if (address || port || isTCP) {
    if (!address) {
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        handle = new TCP(TCPConstants.SERVER);
        err = handle.bind(DEFAULT_IPV4_ADDR, port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else if (addressType === -1) {
      err = handle.bind(address);
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
  if (this._handle) {
    // Listening on an existing handle.
  } else {
    let rval = null;
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
      const error = new UVExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }

  this[async_id_symbol] = this._handle.id;
  this._handle.onconnection = onconnection;
  this._handle[owner_symbol] = this;

  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = new UVExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }

  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
}

Server.prototype._listen2 = setupListenHandle;

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
  server._listen2(address, port, addressType, backlog, fd, flags);
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];

  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();

  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);

  options = options._handle || options.handle || options;
  const flags = getFlags(options.ipv6Only);

  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    this[async_id_symbol] = this._handle.id;
    listenInCluster(this, null, -1, -1, backlogFromArgs);
    return this;
  }
  addServerAbortSignalOption(this, options);
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }

  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive, flags);
    }
    return this;
  }

  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    if (options.readableAll === true) mode |= 0o444;
    if (options.writableAll === true) mode |= 0o222;
    if (mode !== 0) {
      try {
        require('fs').chmodSync(pipeName, 0o600 | mode);
      } catch (e) {
        this._handle.close();
        this._handle = null;
        throw e;
      }
    }
    return this;
  }

  if (!(('port' in options) || ('path' in options))) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

function addServerAbortSignalOption(self, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  const onAborted = () => {
    self.close();
  };
  if (signal.aborted) {
    process.nextTick(onAborted);
  } else {
    signal.addEventListener('abort', onAborted, { once: true });
    self.once('close', () => signal.removeEventListener('abort', onAborted));
  }
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  lazyDns().lookup(address, function doListen(err, ip, addressType) {
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
    if (this._pipeName && out.address === undefined) return this._pipeName;
    if (out.port === undefined && typeof out.address === 'string') return out.address;
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

function onconnection(err, clientId) {
  const handle = this;
  const self = handle[owner_symbol];
  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }
  const clientHandle = handle instanceof Pipe ? new Pipe(PipeConstants.SOCKET, clientId) : new TCP(TCPConstants.SOCKET, clientId);

  if (self.maxConnections != null && self._connections >= self.maxConnections) {
    const data = Object.create(null);
    const localInfo = Object.create(null);
    if (clientHandle.getsockname(localInfo) === 0) {
      data.localAddress = localInfo.address;
      data.localPort = localInfo.port;
      data.localFamily = localInfo.family;
    }
    const remoteInfo = Object.create(null);
    if (clientHandle.getpeername(remoteInfo) === 0) {
      data.remoteAddress = remoteInfo.address;
      data.remotePort = remoteInfo.port;
      data.remoteFamily = remoteInfo.family;
    }
    clientHandle.close();
    self.emit('drop', data);
    return;
  }

  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });

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
  self.emit('connection', socket);
}

Server.prototype.getConnections = function(cb) {
  const self = this;
  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }
  end(null, this._connections);
  void self;
  return this;
};

Server.prototype.close = function(cb) {
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

Server.prototype[Symbol.asyncDispose] = function() {
  return new Promise((resolve, reject) => {
    if (!this._handle) {
      resolve();
      return;
    }
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
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

Object.defineProperty(Server.prototype, 'connections', {
  get() { return this._connections; },
  set(val) { this._connections = val; },
  configurable: true,
  enumerable: false,
});

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this.destroyed) {
    this.destroy();
    await require('events').once(this, 'close');
  }
};

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts: noop,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
void ERR_SOCKET_CONNECTION_TIMEOUT;
void validateObject;
void makeSyncWrite;
void kHandle;
void kIsTCPSocket;
void closeSocketHandle;
void internalConnectMultiple;
