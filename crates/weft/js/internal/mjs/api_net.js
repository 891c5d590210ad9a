'use strict';

// Mongoose OS's mJS `Net` API (the `api_net.js` library of mongoose-os-libs/mjs)
// on weft's own net, dgram and tls modules. An mJS program reaches it as it
// does on a device: `load('api_net.js')` (internal/mjs/load.js) defines the
// global `Net`. docs/mongoose.md gives the semantics, taken from Mongoose 6's
// C code (mg_connect, mg_bind, mg_send, mgos_disconnect, the MG_EV_* events),
// and what differs from a device.
//
// Mongoose's model, kept here: one event handler per connection,
// handler(conn, ev, ev_data, userdata); connections accepted by a listener use
// the listener's handler and userdata, and the listener itself gets no events
// (Mongoose OS's mgos_bind wrapper drops them). Received bytes are appended to
// the connection's receive buffer (Net._rbuf) until the program removes them
// with Net.discard. Net.send only queues; EV_SEND reports bytes written.
// Net.close is Mongoose's "send and close": the connection closes once what
// was queued is written. Every connection that was handed to a handler gets
// exactly one EV_CLOSE.

const EV_POLL = 0;
const EV_ACCEPT = 1;
const EV_CONNECT = 2;
const EV_RECV = 3;
const EV_SEND = 4;
const EV_CLOSE = 5;
const EV_TIMER = 6;

// EV_CONNECT's ev_data on failures that have no errno: Mongoose's resolver
// callback reports -1, its TLS layer MG_SSL_ERROR (-3).
const RESOLVE_FAILURE = -1;
const MG_SSL_ERROR = -3;

// Mongoose OS polls its manager about once a second when idle; every
// connection gets EV_POLL on each poll.
const POLL_INTERVAL_MS = 1000;

let netModule;
let dgramModule;
let tlsModule;
let dnsModule;
let errnoTable;
function net() { return netModule || (netModule = require('net')); }
function dgram() { return dgramModule || (dgramModule = require('dgram')); }
function tls() { return tlsModule || (tlsModule = require('tls')); }
function dns() { return dnsModule || (dnsModule = require('dns')); }

// ---- connections ------------------------------------------------------------

let nextId = 1;

// The opaque value handlers receive (mJS sees a `void *`). Its fields are
// private to this module.
class Connection {
  constructor(proto, handler, userdata, listener) {
    this._id = nextId++;
    this._proto = proto;          // 'tcp' | 'udp'
    this._ssl = false;
    this._handler = handler;
    this._ud = userdata;
    this._listener = listener;    // the listening connection that accepted this one, or null
    this._listening = false;
    this._sock = null;            // net.Server | net.Socket | tls.TLSSocket | dgram.Socket
    this._rbuf = '';              // receive buffer: a byte string (one char per byte)
    this._pending = 0;            // sends not yet written
    this._sendAndClose = false;   // Net.close() was called (MG_F_SEND_AND_CLOSE)
    this._closeScheduled = false; // a close check is due at the end of this iteration
    this._closing = false;        // the transport is being shut down
    this._closed = false;         // EV_CLOSE was delivered (or, for a listener, it is closed)
    this._connecting = false;     // outbound, EV_CONNECT not delivered yet
    this._queue = null;           // outbound: sends made before there is a socket (TCP) or
                                  // before the socket is connected (UDP)
    this._timer = null;
    this._timerAt = 0;
    this._local = null;           // { address, port } cached once known
    this._remote = null;
    this._anyHost = false;        // a listener bound without a host
    this._children = null;        // UDP listener: 'address port' -> connection
  }
}

// Connections that get EV_POLL (all but listeners), until their EV_CLOSE.
const live = new Set();
let pollTimer = null;

function track(c) {
  live.add(c);
  if (pollTimer === null) {
    pollTimer = setInterval(pollAll, POLL_INTERVAL_MS);
    // The poll alone does not keep the program alive; the sockets do.
    pollTimer.unref();
  }
}

function untrack(c) {
  live.delete(c);
  if (live.size === 0 && pollTimer !== null) {
    clearInterval(pollTimer);
    pollTimer = null;
  }
}

function pollAll() {
  const now = Math.floor(Date.now() / 1000);
  for (const c of Array.from(live)) emit(c, EV_POLL, now);
}

function emit(c, ev, data) {
  if (c._closed || c._listening) return;
  const l = c._listener;
  const handler = l !== null ? l._handler : c._handler;
  if (typeof handler === 'function') handler(c, ev, data, c._ud);
}

// Delivers EV_CLOSE once and forgets the connection.
function finish(c) {
  if (c._closed) return;
  c._closing = true;
  untrack(c);
  if (c._timer !== null) {
    clearTimeout(c._timer);
    c._timer = null;
  }
  const l = c._listener;
  if (l !== null && l._children !== null) {
    const key = peerKey(c._remote);
    if (l._children.get(key) === c) l._children.delete(key);
  }
  const handler = l !== null ? l._handler : c._handler;
  c._closed = true;
  if (typeof handler === 'function') handler(c, EV_CLOSE, null, c._ud);
  if (l !== null && l._children !== null) maybeCloseUdpListener(l);
}

// ---- addresses ----------------------------------------------------------------

// Mongoose's address syntax: [udp://|tcp://][HOST:]PORT, HOST an IPv4
// address, [IPv6] or a name; a lone PORT or :PORT means any address.
// Returns { proto, host, port } or null.
function parseAddress(str) {
  if (typeof str !== 'string') return null;
  let s = str;
  let proto = 'tcp';
  if (s.startsWith('udp://')) {
    proto = 'udp';
    s = s.slice(6);
  } else if (s.startsWith('tcp://')) {
    s = s.slice(6);
  }
  let m;
  let host;
  let port;
  if ((m = /^\[([0-9A-Fa-f:.]+)\]:(\d{1,5})$/.exec(s)) !== null) {
    host = m[1];
    if (net().isIPv6(host) === false) return null;
    port = m[2];
  } else if ((m = /^:?(\d{1,5})$/.exec(s)) !== null) {
    host = '';
    port = m[1];
  } else if ((m = /^([^\s:[\]/]+):(\d{1,5})$/.exec(s)) !== null) {
    host = m[1];
    port = m[2];
  } else {
    return null;
  }
  port = Number(port);
  if (port > 65535) return null;
  return { proto, host, port };
}

function peerKey(a) {
  return a === null ? '' : `${a.address} ${a.port}`;
}

function unmap(address) {
  // An IPv4 peer of a dual-stack listener: show it as Mongoose (IPv4) would.
  return typeof address === 'string' && address.startsWith('::ffff:') && address.indexOf('.') !== -1 ?
    address.slice(7) : address;
}

const NO_ADDRESS = { address: '0.0.0.0', port: 0 };

function addressOf(c, local) {
  const s = c._sock;
  if (c._listening) {
    if (!local || s === null) return NO_ADDRESS;
    let a = null;
    try {
      a = s.address();
    } catch {
      a = null;
    }
    if (a === null || typeof a !== 'object') return NO_ADDRESS;
    return { address: c._anyHost ? '0.0.0.0' : unmap(a.address), port: a.port };
  }
  if (local) {
    if (c._local !== null) return c._local;
    if (c._proto === 'udp') {
      const sock = c._listener !== null ? c._listener._sock : s;
      try {
        const a = sock.address();
        const l = c._listener;
        return { address: l !== null && l._anyHost ? '0.0.0.0' : unmap(a.address), port: a.port };
      } catch {
        return NO_ADDRESS;
      }
    }
    if (s !== null && s.localAddress !== undefined) {
      return { address: unmap(s.localAddress), port: s.localPort };
    }
    return NO_ADDRESS;
  }
  return c._remote !== null ? c._remote : NO_ADDRESS;
}

// mg_sock_addr_to_str: "IP:PORT" ("[IPv6]:PORT"), "IP" or "PORT".
function formatAddress(a, ip, port) {
  const v6 = a.address.indexOf(':') !== -1;
  if (ip && port) return v6 ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
  if (ip) return a.address;
  if (port) return String(a.port);
  return '';
}

function cacheAddresses(c, sock) {
  if (sock.localAddress !== undefined) {
    c._local = { address: unmap(sock.localAddress), port: sock.localPort };
  }
  if (sock.remoteAddress !== undefined) {
    c._remote = { address: unmap(sock.remoteAddress), port: sock.remotePort };
  }
}

// ---- errors ----------------------------------------------------------------------

function errnoOf(err) {
  if (err === null || typeof err !== 'object') return 0;
  if (typeof err.errno === 'number' && err.errno !== 0 && err.syscall !== 'getaddrinfo') {
    return Math.abs(err.errno);
  }
  if (typeof err.code === 'string') {
    if (errnoTable === undefined) errnoTable = require('os').constants.errno;
    const n = errnoTable[err.code];
    if (typeof n === 'number') return n;
  }
  return 0;
}

// EV_CONNECT's ev_data for a failed connect.
function connectResult(c, err) {
  if (err && (err.syscall === 'getaddrinfo' || err.code === 'ENOTFOUND' ||
              (typeof err.code === 'string' && err.code.startsWith('EAI_')))) {
    return RESOLVE_FAILURE;
  }
  const n = errnoOf(err);
  if (n !== 0 && (!c._ssl || err.syscall !== undefined)) return n;
  return c._ssl ? MG_SSL_ERROR : (n || RESOLVE_FAILURE);
}

// ---- bytes ------------------------------------------------------------------------

// mJS strings are byte strings: a string whose characters are all below
// U+0100 (received data always is) is sent one byte per character; a string
// with wider characters is sent as UTF-8.
function toBytes(data) {
  if (typeof data === 'string') {
    // eslint-disable-next-line no-control-regex
    return Buffer.from(data, /[^\u0000-\u00ff]/.test(data) ? 'utf8' : 'latin1');
  }
  if (ArrayBuffer.isView(data)) {
    return Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  return toBytes(String(data));
}

function checkConn(c, fn) {
  if (!(c instanceof Connection)) {
    const err = new TypeError(`Net.${fn}: the first argument must be a connection`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

// ---- TCP and TLS ----------------------------------------------------------------------

function wireStream(c, sock) {
  sock.on('data', (chunk) => {
    if (c._closed) return;
    c._rbuf += chunk.toString('latin1');
    emit(c, EV_RECV, chunk.length);
  });
  sock.on('error', (err) => {
    if (c._connecting) {
      c._connecting = false;
      emit(c, EV_CONNECT, connectResult(c, err));
    }
  });
  sock.on('close', () => finish(c));
}

function startStream(c, host, port, ssl) {
  let sock;
  if (ssl !== null) {
    sock = tls().connect({ ...ssl, host, port });
    sock.once('secureConnect', () => onConnected(c, sock));
  } else {
    sock = net().connect({ host, port });
    sock.once('connect', () => onConnected(c, sock));
  }
  c._sock = sock;
  wireStream(c, sock);
}

function onConnected(c, sock) {
  cacheAddresses(c, sock);
  if (!c._connecting) return;
  c._connecting = false;
  emit(c, EV_CONNECT, 0);
}

function streamSend(c, buf) {
  c._pending++;
  c._sock.write(buf, (err) => {
    c._pending--;
    if (!err) emit(c, EV_SEND, buf.length);
    maybeClose(c);
  });
}

// ---- UDP ------------------------------------------------------------------------------

function startUdp(c, address, port) {
  const sock = dgram().createSocket(net().isIPv6(address) ? 'udp6' : 'udp4');
  c._sock = sock;
  sock.on('message', (msg) => {
    if (c._closed) return;
    c._rbuf += msg.toString('latin1');
    emit(c, EV_RECV, msg.length);
  });
  sock.on('error', (err) => {
    // A receive error (e.g. ECONNREFUSED after an ICMP port unreachable)
    // closes the connection at once, as Mongoose does.
    if (c._connecting) {
      c._connecting = false;
      emit(c, EV_CONNECT, connectResult(c, err));
    }
    closeUdp(c);
  });
  sock.on('close', () => finish(c));
  sock.connect(port, address, (err) => {
    if (err) {
      if (c._connecting) {
        c._connecting = false;
        emit(c, EV_CONNECT, connectResult(c, err));
      }
      closeUdp(c);
      return;
    }
    try {
      const a = sock.address();
      c._local = { address: unmap(a.address), port: a.port };
    } catch {
      // not bound after all
    }
    const queue = c._queue;
    c._queue = null;
    if (c._connecting) {
      c._connecting = false;
      emit(c, EV_CONNECT, 0);
    }
    for (let i = 0; i < queue.length; i++) udpSend(c, queue[i]);
    maybeClose(c);
  });
}

function closeUdp(c) {
  if (c._closing) return;
  c._closing = true;
  try {
    c._sock.close();
  } catch {
    finish(c);
  }
}

function udpSend(c, buf) {
  const l = c._listener;
  c._pending++;
  const done = (err) => {
    c._pending--;
    if (!err) emit(c, EV_SEND, buf.length);
    maybeClose(c);
  };
  if (l !== null) {
    l._sock.send(buf, c._remote.port, c._remote.address, done);
  } else {
    c._sock.send(buf, done);
  }
}

function udpMessage(l, msg, rinfo) {
  const remote = { address: unmap(rinfo.address), port: rinfo.port };
  const key = peerKey(remote);
  let c = l._children.get(key);
  if (c === undefined) {
    // A datagram from a new peer: a new connection, with "send and close" set
    // (Mongoose: most UDP exchanges are one request and one response).
    c = new Connection('udp', null, l._ud, l);
    c._remote = remote;
    c._sendAndClose = true;
    l._children.set(key, c);
    track(c);
    emit(c, EV_ACCEPT, formatAddress(remote, true, true));
  }
  if (c._closed) return;
  c._rbuf += msg.toString('latin1');
  emit(c, EV_RECV, msg.length);
  scheduleClose(c);
}

function maybeCloseUdpListener(l) {
  if (l._sendAndClose && !l._closing && l._children.size === 0) {
    l._closing = true;
    l._sock.close();
  }
}

// ---- closing --------------------------------------------------------------------------

function scheduleClose(c) {
  if (c._sendAndClose && !c._closeScheduled) {
    c._closeScheduled = true;
    // The end of this poll iteration, in Mongoose's terms.
    setImmediate(() => {
      c._closeScheduled = false;
      maybeClose(c);
    });
  }
}

function maybeClose(c) {
  if (!c._sendAndClose || c._closing || c._closed || c._pending > 0) return;
  // Data still waiting for the socket to exist or connect: close after it.
  if (c._queue !== null && c._queue.length > 0) return;
  if (c._sock === null) {
    // Still resolving the host name, nothing to send: no socket to close.
    c._connecting = false;
    finish(c);
    return;
  }
  if (c._proto === 'udp') {
    if (c._listener !== null) finish(c);
    else closeUdp(c);
    return;
  }
  c._closing = true;
  // FIN after everything queued is written, then close the socket.
  c._sock.destroySoon();
}

function closeListener(l) {
  if (l._proto === 'tcp') {
    l._closed = true;
    if (l._sock !== null) l._sock.close();
    return;
  }
  for (const c of Array.from(l._children.values())) {
    if (!c._sendAndClose) {
      c._sendAndClose = true;
      scheduleClose(c);
    }
  }
  maybeCloseUdpListener(l);
}

// ---- the API ------------------------------------------------------------------------------

function bind(addr, handler, userdata) {
  const a = parseAddress(addr);
  if (a === null) return null;
  const l = new Connection(a.proto, handler, userdata, null);
  l._listening = true;
  l._anyHost = a.host === '';
  const onError = (err) => {
    if (l._closed) return;
    l._closed = true;
    l._closing = true;
    // Mongoose's mg_bind returns NULL; the bind happens later here, so the
    // failure is reported on stderr and the listener stays closed.
    process.stderr.write(`Net.bind('${addr}'): ${err.message}\n`);
    try {
      l._sock.close();
    } catch {
      // already closed
    }
  };
  if (a.proto === 'tcp') {
    const server = net().createServer();
    l._sock = server;
    server.on('connection', (sock) => accept(l, sock));
    server.on('error', onError);
    // Without a host the bind is synchronous (the port is known at once);
    // both IPv4 and IPv6 peers can connect.
    if (a.host === '') server.listen(a.port);
    else server.listen(a.port, a.host);
  } else {
    const v6 = a.host !== '' && net().isIPv6(a.host);
    const sock = dgram().createSocket(v6 ? 'udp6' : 'udp4');
    l._sock = sock;
    l._children = new Map();
    sock.on('message', (msg, rinfo) => udpMessage(l, msg, rinfo));
    sock.on('error', onError);
    sock.on('close', () => {
      l._closed = true;
      for (const c of Array.from(l._children.values())) finish(c);
    });
    if (a.host === '') sock.bind(a.port);
    else sock.bind(a.port, a.host);
  }
  return l;
}

function accept(l, sock) {
  const c = new Connection('tcp', null, l._ud, l);
  c._sock = sock;
  cacheAddresses(c, sock);
  track(c);
  wireStream(c, sock);
  emit(c, EV_ACCEPT, formatAddress(addressOf(c, false), true, true));
}

function readPem(file) {
  if (file === undefined || file === null || file === '') return undefined;
  return require('fs').readFileSync(String(file));
}

function open(addr, handler, userdata, ssl) {
  const a = parseAddress(addr);
  if (a === null) return null;
  if (ssl !== null && a.proto === 'udp') return null;  // "SSL for UDP is not supported"
  const c = new Connection(a.proto, handler, userdata, null);
  c._connecting = true;
  c._ssl = ssl !== null;
  const host = a.host === '' ? '127.0.0.1' : a.host;
  const isName = net().isIP(host) === 0;
  if (ssl !== null && isName) ssl.servername = host;
  c._queue = [];
  const start = (address) => {
    c._remote = { address, port: a.port };
    if (a.proto === 'udp') {
      startUdp(c, address, a.port);
      return;
    }
    startStream(c, address, a.port, ssl);
    // The socket exists: it queues what is written before it connects.
    const queue = c._queue;
    c._queue = null;
    for (let i = 0; i < queue.length; i++) streamSend(c, queue[i]);
    maybeClose(c);
  };
  track(c);
  if (isName) {
    // Host names are resolved asynchronously, to IPv4 addresses (Mongoose
    // asks for A records).
    dns().lookup(host, { family: 4 }, (err, address) => {
      if (c._closed) return;
      if (err) {
        c._connecting = false;
        emit(c, EV_CONNECT, RESOLVE_FAILURE);
        finish(c);
        return;
      }
      start(address);
    });
  } else {
    start(host);
  }
  return c;
}

function connect(addr, handler, userdata) {
  if (addr !== null && typeof addr === 'object') return connectOptions(addr);
  return open(addr, handler, userdata, null);
}

function connectSsl(addr, handler, userdata, cert, key, caCert) {
  const ssl = {};
  try {
    const certPem = readPem(cert);
    // No key file: the certificate file holds the key too (Mongoose).
    const keyPem = key !== undefined && key !== null && key !== '' ? readPem(key) : certPem;
    const caPem = readPem(caCert);
    if (certPem !== undefined) {
      ssl.cert = certPem;
      ssl.key = keyPem;
    }
    if (caPem !== undefined) {
      ssl.ca = caPem;
      ssl.rejectUnauthorized = true;
    } else {
      ssl.rejectUnauthorized = false;
    }
  } catch {
    // A file that cannot be read: Mongoose returns no connection.
    return null;
  }
  const a = parseAddress(addr);
  // The name is checked (with a CA) when the host is a name; an IP address
  // only gets its chain verified, as in Mongoose.
  if (a !== null && net().isIP(a.host === '' ? '127.0.0.1' : a.host) !== 0) {
    ssl.checkServerIdentity = () => undefined;
  }
  return open(addr, handler, userdata, ssl);
}

function send(c, data) {
  checkConn(c, 'send');
  queueSend(c, toBytes(data));
}

function rawSend(c, data, len) {
  checkConn(c, '_send');
  let buf = toBytes(data);
  if (len !== undefined) {
    const n = Math.max(0, Math.min(buf.length, Math.trunc(Number(len)) || 0));
    buf = buf.subarray(0, n);
  }
  queueSend(c, buf);
}

function queueSend(c, buf) {
  if (buf.length === 0 || c._listening || c._closing || c._closed) return;
  if (c._queue !== null) c._queue.push(buf);
  else if (c._proto === 'udp') udpSend(c, buf);
  else streamSend(c, buf);
}

function close(c) {
  checkConn(c, 'close');
  if (c._closed || c._sendAndClose) return;
  c._sendAndClose = true;
  if (c._listening) {
    closeListener(c);
    return;
  }
  scheduleClose(c);
}

function discard(c, len) {
  checkConn(c, 'discard');
  const n = Math.trunc(Number(len)) || 0;
  if (n <= 0) return;
  c._rbuf = n >= c._rbuf.length ? '' : c._rbuf.slice(n);
}

function rbuf(c) {
  checkConn(c, '_rbuf');
  return c._rbuf;
}

function ctos(c, local, ip, port) {
  checkConn(c, 'ctos');
  return formatAddress(addressOf(c, !!local), !!ip, !!port);
}

function isInbound(c) {
  checkConn(c, '_isin');
  return c._listener !== null;
}

function fireTimer(c) {
  c._timer = null;
  const at = c._timerAt;
  c._timerAt = 0;
  emit(c, EV_TIMER, at);
}

// weft addition: Mongoose's mg_set_timer(), which mJS cannot reach on a
// device. EV_TIMER comes `seconds` from now (0 cancels); returns the time
// (seconds since the epoch) of the timer it replaces, or 0.
function setTimer(c, seconds) {
  checkConn(c, 'set_timer');
  const prev = c._timerAt;
  if (c._timer !== null) clearTimeout(c._timer);
  c._timer = null;
  c._timerAt = 0;
  const s = Number(seconds);
  if (s > 0 && !c._closed && !c._listening) {
    c._timerAt = Date.now() / 1000 + s;
    c._timer = setTimeout(fireTimer, s * 1000, c);
  }
  return prev;
}

// The later api_net.js interface: Net.serve(options) / Net.connect(options)
// with onconnect / ondata / onclose / onevent callbacks (its _evh).
function optionsHandler(conn, ev, edata, obj) {
  if (ev === EV_POLL) return;
  if (ev === EV_ACCEPT || ev === EV_CONNECT) {
    if (obj.onconnect) obj.onconnect(conn, edata, obj);
  } else if (ev === EV_RECV) {
    if (obj.ondata) obj.ondata(conn, conn._rbuf, obj);
  } else if (ev === EV_CLOSE) {
    if (obj.onclose) obj.onclose(conn, obj);
  } else if (ev >= EV_TIMER) {
    if (obj.onevent) obj.onevent(conn, conn._rbuf, ev, edata, obj);
  }
}

function serve(obj) {
  return bind(obj.addr, optionsHandler, obj);
}

function connectOptions(obj) {
  if (obj.ssl) {
    return connectSsl(obj.addr, optionsHandler, obj, obj.cert || '', obj.key || '', obj.ca_cert || 'ca.pem');
  }
  return open(obj.addr, optionsHandler, obj, null);
}

// The host's network does not change state under weft: the handler is kept
// but never called.
const statusHandlers = [];
function setStatusEventHandler(handler, userdata) {
  statusHandlers.push([handler, userdata]);
}

const Net = {
  bind,
  connect,
  connect_ssl: connectSsl,
  close,
  send,
  _send: rawSend,
  serve,
  ctos,
  discard,
  _rbuf: rbuf,
  _isin: isInbound,
  set_timer: setTimer,
  setStatusEventHandler,
  EV_POLL,
  EV_ACCEPT,
  EV_CONNECT,
  EV_RECV,
  EV_SEND,
  EV_CLOSE,
  EV_TIMER,
  STATUS_DISCONNECTED: 0,
  STATUS_CONNECTING: 1,
  STATUS_CONNECTED: 2,
  STATUS_GOT_IP: 3,
};

module.exports = {
  Net,
  Connection,
  parseAddress,
  // load('api_net.js') runs this: `let Net = {...}` in the real library.
  install(global) {
    Object.defineProperty(global, 'Net', { value: Net, writable: true, configurable: true, enumerable: false });
  },
};
