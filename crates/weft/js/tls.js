'use strict';

// tls: TLS sockets and servers on rustls (src/tls.rs), with Node's API.
// A TLSSocket is a net.Socket whose native handle was upgraded to TLS; the
// handle reports the handshake (onhandshakedone), TLS failures (ontlserror)
// and the peer's certificates. Certificate problems do not stop the
// handshake: as in Node, rejectUnauthorized decides afterwards.

const net = require('net');
const binding = internalBinding('tls_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_SOCKET_CLOSED,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validateString } = require('internal/validators');

const kConnectOptions = Symbol('connect-options');
const kSecureContext = Symbol('secureContext');
const kPendingSession = Symbol('pendingSession');
const kIsVerified = Symbol('verified');
const kErrorEmitted = Symbol('error-emitted');

const DEFAULT_MIN_VERSION = 'TLSv1.2';
const DEFAULT_MAX_VERSION = 'TLSv1.3';
const DEFAULT_ECDH_CURVE = 'auto';
const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-CHACHA20-POLY1305';

// OpenSSL's messages for the verify codes weft reports.
const verifyMessages = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  CERT_UNTRUSTED: 'certificate not trusted',
};

function verifyError(code) {
  const err = new Error(verifyMessages[code] || code);
  err.code = code;
  return err;
}

function toPemList(value, name) {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((v, i) => {
    if (typeof v === 'string') return v;
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    if (v && typeof v === 'object' && v.pem !== undefined) return toPemList(v.pem, name)[0];
    throw new ERR_INVALID_ARG_TYPE(Array.isArray(value) ? `options.${name}[${i}]` : `options.${name}`,
      ['string', 'Buffer', 'TypedArray', 'DataView'], v);
  });
}

const contextRegistry = typeof FinalizationRegistry === 'function' ?
  new FinalizationRegistry((id) => binding.freeContext(id)) : null;

class SecureContext {
  constructor(options = {}) {
    const minVersion = options.minVersion || DEFAULT_MIN_VERSION;
    const maxVersion = options.maxVersion || DEFAULT_MAX_VERSION;
    for (const [name, v] of [['minVersion', minVersion], ['maxVersion', maxVersion]]) {
      if (!['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].includes(v)) {
        const { codes: { ERR_TLS_INVALID_PROTOCOL_VERSION } } = require('internal/errors');
        throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, name === 'minVersion' ? 'minimum' : 'maximum');
      }
    }
    const ca = toPemList(options.ca, 'ca');
    const cert = toPemList(options.cert, 'cert');
    const key = options.key === undefined ? undefined :
      toPemList(Array.isArray(options.key) ? options.key.map((k) => (k && k.pem !== undefined ? k.pem : k)) : options.key, 'key');
    this.id = binding.createContext({ ca, cert, key, minVersion, maxVersion });
    this.context = this;
    if (contextRegistry) contextRegistry.register(this, this.id);
  }
}

function createSecureContext(options) {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  return new SecureContext(options);
}

function unfqdn(host) {
  return host.replace(/[.]$/, '');
}

function splitHost(host) {
  return unfqdn(host).toLowerCase().split('.');
}

function checkWildcard(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  const isBad = (s) => /[^\u0021-\u007F]/u.test(s);
  if (patternParts.some(isBad)) return false;
  for (let i = hostParts.length - 1; i > 0; i -= 1) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const hostSubdomain = hostParts[0];
  const patternSubdomain = patternParts[0];
  const patternSubdomainParts = patternSubdomain.split('*');
  if (patternSubdomainParts.length === 1 || patternSubdomain.includes('xn--')) {
    return hostSubdomain === patternSubdomain;
  }
  if (!wildcards) return false;
  if (patternSubdomainParts.length > 2) return false;
  if (patternParts.length <= 2) return false;
  const [prefix, suffix] = patternSubdomainParts;
  if (prefix.length + suffix.length > hostSubdomain.length) return false;
  if (!hostSubdomain.startsWith(prefix)) return false;
  if (!hostSubdomain.endsWith(suffix)) return false;
  return true;
}

function canonicalizeIP(ip) {
  const { SocketAddress } = (() => {
    try {
      return require('internal/socketaddress');
    } catch {
      return {};
    }
  })();
  if (SocketAddress) {
    try {
      return new SocketAddress({ address: ip, family: net.isIPv6(ip) ? 'ipv6' : 'ipv4' }).address;
    } catch {
      return ip;
    }
  }
  return ip.toLowerCase();
}

// Node's tls.checkServerIdentity: subjectAltName DNS/IP entries, else the CN.
function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalizeIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (net.isIP(hostname)) {
    valid = ips.includes(canonicalizeIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    const wildcard = (pattern) => checkWildcard(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(wildcard) : wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  return undefined;
}

function certObject(der) {
  const info = binding.certInfo(der);
  if (!info) return null;
  const cert = {
    subject: Object.assign(Object.create(null), info.subject),
    issuer: Object.assign(Object.create(null), info.issuer),
    subjectaltname: info.subjectaltname,
    ca: info.ca,
    valid_from: info.valid_from,
    valid_to: info.valid_to,
    fingerprint: info.fingerprint,
    fingerprint256: info.fingerprint256,
    fingerprint512: info.fingerprint512,
    serialNumber: info.serialNumber,
    raw: der,
  };
  if (cert.subjectaltname === undefined) delete cert.subjectaltname;
  Object.defineProperty(cert, kSelfSigned, { value: info.selfSigned });
  return cert;
}
const kSelfSigned = Symbol('selfSigned');

function onhandshakedone() {
  const owner = this[kOwner];
  if (!owner) return;
  owner._secureEstablished = true;
  owner.emit('secure');
}

function ontlserror(message, code) {
  const owner = this[kOwner];
  if (!owner || owner.destroyed) return;
  if (verifyMessages[code] !== undefined) {
    // The peer's certificate was rejected during the handshake (rejectUnauthorized).
    const err = verifyError(code);
    owner.authorized = false;
    owner.authorizationError = code;
    owner.destroy(err);
    return;
  }
  const err = new Error(message);
  err.code = code;
  err.library = 'SSL routines';
  err.reason = message;
  owner._tlsError(err);
}

const kOwner = Symbol('tlsOwner');

class TLSSocket extends net.Socket {
  constructor(socket, opts) {
    const tlsOptions = { ...opts };
    super({
      handle: undefined,
      allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
      pauseOnCreate: tlsOptions.pauseOnConnect,
      manualStart: true,
      highWaterMark: tlsOptions.highWaterMark,
      onread: !socket ? tlsOptions.onread : null,
      signal: tlsOptions.signal,
    });
    this._tlsOptions = tlsOptions;
    this._secureEstablished = false;
    this._securePending = false;
    this._newSessionPending = false;
    this._controlReleased = false;
    this.secureConnecting = true;
    this._SNICallback = null;
    this.servername = null;
    this.alpnProtocol = null;
    this.authorized = false;
    this.authorizationError = null;
    this.encrypted = true;
    this[kSecureContext] = tlsOptions.secureContext || createSecureContext(tlsOptions);
    this[kPendingSession] = null;
    this[kIsVerified] = false;
    this[kErrorEmitted] = false;
    if (socket) this._adopt(socket);
  }

  // Takes over a connected net.Socket's native handle (tls.connect({ socket })
  // and the server side); until it connects, wait for it.
  _adopt(socket) {
    this._parent = socket;
    if (socket.connecting || !socket._handle) {
      this.connecting = true;
      socket.once('connect', () => {
        this.connecting = false;
        this._takeHandle(socket);
        this.emit('connect');
        this._start();
      });
      socket.once('error', (err) => this.destroy(err));
      return;
    }
    this._takeHandle(socket);
  }

  _takeHandle(socket) {
    const handle = socket._handle;
    const internals = net[Symbol.for('weft.net.internals')];
    socket._handle = null;
    this._handle = handle;
    internals.initSocketHandle(this);
    // The connection now belongs to this socket: it counts for the server.
    this.server = socket.server;
    this._server = socket._server;
    socket._server = null;
  }

  _start() {
    if (this._tlsStarted || !this._handle) return;
    this._tlsStarted = true;
    const options = this._tlsOptions;
    const handle = this._handle;
    handle[kOwner] = this;
    handle.onhandshakedone = onhandshakedone;
    handle.ontlserror = ontlserror;
    const connectOptions = this[kConnectOptions] || {};
    let servername = options.servername ?? connectOptions.servername;
    const host = connectOptions.host || (this._parent && this._parent._host) || 'localhost';
    if (servername === undefined && !options.isServer && !net.isIP(host)) servername = host;
    if (servername === '') servername = undefined;
    binding.wrap(handle.id, this[kSecureContext].id, !!options.isServer, {
      servername,
      host,
      ALPNProtocols: normalizeALPN(options.ALPNProtocols),
      requestCert: !!options.requestCert,
      rejectUnauthorized: options.rejectUnauthorized !== false,
    });
    if (!options.isServer && servername) this.servername = servername;
    if (this.readableFlowing !== false || this.listenerCount('data') > 0) this.read(0);
    else this._handle.readStart();
  }

  _releaseControl() {
    this._controlReleased = true;
  }

  _tlsError(err) {
    if (this[kErrorEmitted]) return;
    if (err.code && err.code.startsWith('ERR_SSL')) {
      this[kErrorEmitted] = true;
      if (this._tlsOptions.isServer && this._tlsOptions.server) {
        this._tlsOptions.server.emit('tlsClientError', err, this);
        this.destroy();
      } else {
        this.destroy(err);
      }
    }
  }

  setServername(name) {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) {
      const { codes: { ERR_TLS_SNI_FROM_SERVER } } = require('internal/errors');
      throw new ERR_TLS_SNI_FROM_SERVER();
    }
    this._tlsOptions.servername = name;
  }

  getPeerCertificate(detailed) {
    if (!this._handle) return null;
    const chain = binding.getPeerChain(this._handle.id);
    if (chain.length === 0) return {};
    const certs = chain.map(certObject);
    if (detailed) {
      for (let i = 0; i < certs.length - 1; i++) certs[i].issuerCertificate = certs[i + 1];
      const last = certs[certs.length - 1];
      last.issuerCertificate = last[kSelfSigned] ? last : undefined;
      if (last.issuerCertificate === undefined) delete last.issuerCertificate;
    }
    return certs[0];
  }

  getCertificate() {
    return null;
  }

  getProtocol() {
    return this._handle ? binding.getProtocol(this._handle.id) : null;
  }

  getCipher() {
    return this._handle ? binding.getCipher(this._handle.id) : null;
  }

  getSession() {
    return undefined;
  }

  isSessionReused() {
    return false;
  }

  getEphemeralKeyInfo() {
    return {};
  }

  getFinished() {
    return undefined;
  }

  getPeerFinished() {
    return undefined;
  }

  setMaxSendFragment(size) {
    validateNumber(size, 'size');
    return true;
  }

  exportKeyingMaterial() {
    throw new Error('exportKeyingMaterial is not supported by weft');
  }

  disableRenegotiation() {}

  renegotiate(options, callback) {
    if (callback) process.nextTick(callback, new Error('renegotiation is not supported by weft (TLS 1.3 has none)'));
    return false;
  }
}

function normalizeALPN(protocols) {
  if (protocols === undefined || protocols === null) return undefined;
  if (Array.isArray(protocols)) {
    return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  }
  if (protocols instanceof Uint8Array) {
    // Node's wire format: length-prefixed names.
    const out = [];
    for (let i = 0; i < protocols.length;) {
      const n = protocols[i];
      out.push(Buffer.from(protocols.subarray(i + 1, i + 1 + n)).toString('latin1'));
      i += n + 1;
    }
    return out;
  }
  throw new ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray'], protocols);
}

function onConnectSecure() {
  const options = this[kConnectOptions];
  const code = this._handle ? binding.verifyError(this._handle.id) : null;
  let error = code ? verifyError(code) : undefined;
  if (!error) {
    const hostname = options.servername || options.host || (options.socket && options.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    error = options.checkServerIdentity(hostname, cert);
  }
  this.alpnProtocol = this._handle ? (binding.getAlpn(this._handle.id) || false) : false;
  if (error) {
    this.authorized = false;
    this.authorizationError = error.code || error.message;
    if (options.rejectUnauthorized) {
      this.destroy(error);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.secureConnecting = false;
  this[kIsVerified] = true;
  this.emit('secureConnect');
  this.removeListener('end', onConnectEnd);
}

function onConnectEnd() {
  if (!this._secureEstablished) {
    const error = new Error('Client network socket disconnected before secure TLS connection was established');
    error.code = 'ECONNRESET';
    error.path = this[kConnectOptions].path;
    error.host = this[kConnectOptions].host;
    error.port = this[kConnectOptions].port;
    error.localAddress = this[kConnectOptions].localAddress;
    this.destroy(error);
  }
}

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs(listArgs);
  const options = args[0];
  const cb = args[1];
  if (listArgs[1] !== null && typeof listArgs[1] === 'object') {
    Object.assign(options, listArgs[1]);
  } else if (listArgs[2] !== null && typeof listArgs[2] === 'object') {
    Object.assign(options, listArgs[2]);
  }
  return cb ? [options, cb] : [options];
}

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  options = {
    rejectUnauthorized: !allowUnauthorized,
    checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  const context = options.secureContext || createSecureContext(options);
  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    highWaterMark: options.highWaterMark,
    onread: options.onread,
    signal: options.signal,
    servername: options.servername,
  });
  tlssock[kConnectOptions] = options;
  if (cb) tlssock.once('secureConnect', cb);
  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connect(options, () => tlssock._start());
  } else if (!tlssock.connecting) {
    tlssock._start();
  }
  tlssock._releaseControl();
  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);
  return tlssock;
}

// --- server -----------------------------------------------------------------

function onServerSocketSecure() {
  const server = this._tlsOptions.server;
  if (this._tlsOptions.requestCert) {
    const code = this._handle ? binding.verifyError(this._handle.id) : null;
    const chain = this._handle ? binding.getPeerChain(this._handle.id) : [];
    if (chain.length === 0) {
      this.authorized = false;
      this.authorizationError = 'UNABLE_TO_GET_ISSUER_CERT';
    } else if (code) {
      this.authorized = false;
      this.authorizationError = code;
    } else {
      this.authorized = true;
    }
    if (!this.authorized && this._tlsOptions.rejectUnauthorized) {
      this.destroy();
      return;
    }
  }
  if (this._handle) {
    this.servername = binding.getServername(this._handle.id) || false;
    this.alpnProtocol = binding.getAlpn(this._handle.id) || false;
  }
  this.secureConnecting = false;
  if (!this.destroyed && this._releaseControl()) {
    // Node only emits once control was released; weft releases at once.
  }
  server.emit('secureConnection', this);
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedContext,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    SNICallback: this[kSNICallback],
    pauseOnConnect: this.pauseOnConnect,
    highWaterMark: this.highWaterMark,
  });
  socket.on('secure', onServerSocketSecure);
  if (this[kHandshakeTimeout] > 0) {
    socket.setTimeout(this[kHandshakeTimeout], () => {
      if (socket.secureConnecting) {
        const err = new ERR_TLS_HANDSHAKE_TIMEOUT();
        socket.destroy(err);
        this.emit('tlsClientError', err, socket);
      }
    });
    socket.once('secure', () => socket.setTimeout(0));
  }
  socket._start();
}

const kHandshakeTimeout = Symbol('handshakeTimeout');
const kSNICallback = Symbol('snicallback');

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = options ?? {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNProtocols = options.ALPNProtocols ? normalizeALPN(options.ALPNProtocols) : undefined;
  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  this[kSNICallback] = options.SNICallback;
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  this.setSecureContext(options);
  net.Server.call(this, { allowHalfOpen: options.allowHalfOpen, pauseOnConnect: options.pauseOnConnect,
    noDelay: options.noDelay, keepAlive: options.keepAlive, keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark }, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  this.key = options.key;
  this.cert = options.cert;
  this.ca = options.ca;
  this._sharedContext = options.secureContext || createSecureContext(options);
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_INVALID_ARG_VALUE('servername', servername);
  this._contexts.push([servername, context.context ? context.context : createSecureContext(context)]);
};

Server.prototype.getTicketKeys = function() {
  return Buffer.alloc(48);
};

Server.prototype.setTicketKeys = function() {};

function createServer(options, listener) {
  return new Server(options, listener);
}

function getCiphers() {
  return DEFAULT_CIPHERS.split(':').map((c) => c.toLowerCase());
}

let rootCertificates;

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE,
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  getCiphers,
  get rootCertificates() {
    if (rootCertificates === undefined) rootCertificates = Object.freeze(binding.rootCertificates());
    return rootCertificates;
  },
  convertALPNProtocols(protocols, out) {
    const list = normalizeALPN(protocols) || [];
    const parts = [];
    for (const p of list) {
      parts.push(Buffer.from([p.length]), Buffer.from(p, 'latin1'));
    }
    out.ALPNProtocols = Buffer.concat(parts);
  },
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
};
void ERR_SOCKET_CLOSED;
