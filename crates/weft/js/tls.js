'use strict';

// tls: TLS sockets and servers on rustls (src/tls.rs), with Node's API.
// A TLSSocket is a net.Socket whose native handle was upgraded to TLS; the
// handle reports the handshake (onhandshakedone), TLS failures (ontlserror)
// and the peer's certificates. The events and errors follow Node's
// lib/_tls_wrap.js: a client's chain verdict and host name decide
// 'secureConnect' or an error; a server socket's failures before
// 'secureConnection' go to the server's 'tlsClientError'. docs/tls.md says
// where weft differs.

const net = require('net');
const binding = internalBinding('tls_wrap');
const {
  ConnResetException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SNI_FROM_SERVER,
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
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
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

// Node's toV(): a version name, the default when null or undefined.
function toVersion(which, v, def) {
  if (v == null) v = def;
  if (v === 'TLSv1' || v === 'TLSv1.1' || v === 'TLSv1.2' || v === 'TLSv1.3') return v;
  throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
}

// OpenSSL method names (secureProtocol) as a version range.
const secureProtocols = {
  __proto__: null,
  TLS_method: [], TLS_client_method: [], TLS_server_method: [],
  SSLv23_method: [], SSLv23_client_method: [], SSLv23_server_method: [],
  TLSv1_2_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_client_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_server_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_1_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_method: ['TLSv1', 'TLSv1'],
};

class SecureContext {
  constructor(options = {}) {
    const { secureProtocol } = options;
    let { minVersion, maxVersion } = options;
    if (secureProtocol) {
      if (minVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
      if (maxVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
      validateString(secureProtocol, 'options.secureProtocol');
      const range = secureProtocols[secureProtocol];
      if (range === undefined) throw new TypeError(`Unknown method: ${secureProtocol}`);
      [minVersion, maxVersion] = range;
    }
    minVersion = toVersion('minimum', minVersion, module.exports.DEFAULT_MIN_VERSION);
    maxVersion = toVersion('maximum', maxVersion, module.exports.DEFAULT_MAX_VERSION);
    const ca = toPemList(options.ca, 'ca');
    const cert = toPemList(options.cert, 'cert');
    const key = options.key === undefined ? undefined :
      toPemList(Array.isArray(options.key) ? options.key.map((k) => (k && k.pem !== undefined ? k.pem : k)) : options.key, 'key');
    this.id = binding.createContext({ ca, cert, key, minVersion, maxVersion });
    this.context = this;
    // The trust anchors as PEM, for getPeerCertificate(true)'s issuer chain
    // (undefined: the system store).
    this[kCaPems] = ca;
    this[kCaCerts] = undefined;
    // Its own certificate, for getCertificate().
    this[kCertPems] = cert;
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

// Only A-Z: String#toLowerCase() also maps other letters (Node's rule).
function splitHost(host) {
  return unfqdn(host).replace(/[A-Z]/g, (c) => String.fromCharCode(32 + c.charCodeAt(0))).split('.');
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
const kCaPems = Symbol('caPems');
const kCaCerts = Symbol('caCerts');
const kCertPems = Symbol('certPems');

// Certificate objects for every certificate in a list of PEM texts.
function certsOfPems(pems) {
  const out = [];
  const re = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g;
  for (const pem of pems) {
    let m;
    while ((m = re.exec(pem)) !== null) {
      const cert = certObject(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
      if (cert) out.push(cert);
    }
  }
  return out;
}

let systemCaCerts;
function trustedCerts(context) {
  if (context[kCaPems] === undefined) {
    if (systemCaCerts === undefined) systemCaCerts = certsOfPems(module.exports.rootCertificates);
    return systemCaCerts;
  }
  if (context[kCaCerts] === undefined) context[kCaCerts] = certsOfPems(context[kCaPems]);
  return context[kCaCerts];
}

function sameName(a, b) {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    const va = a[ka[i]];
    const vb = b[kb[i]];
    if (Array.isArray(va) ? !Array.isArray(vb) || va.join('\0') !== vb.join('\0') : va !== vb) return false;
  }
  return true;
}

const kOwner = Symbol('tlsOwner');
const kHandshakeTimeout = Symbol('handshakeTimeout');
const kSNICallback = Symbol('snicallback');
let ipServernameWarned = false;

function onhandshakedone() {
  const owner = this[kOwner];
  if (owner) owner._finishInit();
}

// The Error Node makes from an OpenSSL error: code ERR_SSL_<REASON>, and the
// reason's text (weft adds what rustls said).
function sslError(code, detail) {
  const reason = code.startsWith('ERR_SSL_') ? code.slice(8).toLowerCase().replace(/_/g, ' ') : code;
  const err = new Error(detail ? `${reason} (${detail})` : reason);
  err.library = 'SSL routines';
  err.reason = reason;
  err.code = code;
  return err;
}

// A TLS failure reported by the handle: Node's onerror().
// The server's ClientHello arrived: choose the secure context for the name
// (Node's SNICallback, by default the addContext() entries), then go on.
function onsni(servername) {
  const handle = this;
  const owner = handle[kOwner];
  if (!owner || owner.destroyed) return;
  const options = owner._tlsOptions;
  const server = options.server;
  let called = false;
  const done = (err, context) => {
    if (called || owner.destroyed || handle.id === 0) return;
    called = true;
    if (err) {
      owner.destroy(err);
      return;
    }
    let ctx = server._sharedCreds;
    if (context) ctx = context.context instanceof SecureContext ? context.context : context;
    if (!(ctx instanceof SecureContext)) {
      owner.destroy(new ERR_INVALID_ARG_TYPE('context', 'SecureContext', context));
      return;
    }
    try {
      binding.sniDone(handle.id, ctx.id);
    } catch (e) {
      owner._tlsError(Object.assign(e, { code: e.code || 'ERR_SSL_PROTOCOL_ERROR' }));
    }
  };
  if (servername == null) {
    done(null, null);
    return;
  }
  owner.servername = servername;
  if (typeof options.SNICallback === 'function') {
    options.SNICallback(servername, done);
    return;
  }
  let match = null;
  for (const [re, ctx] of server._contexts) {
    if (re.test(servername)) match = ctx;
  }
  done(null, match);
}

function ontlserror(message, code) {
  const owner = this[kOwner];
  if (!owner || owner.destroyed) return;
  let err;
  if (verifyMessages[code] !== undefined) {
    // rejectUnauthorized: the handshake stopped at the peer's chain.
    err = verifyError(code);
    owner.authorized = false;
    owner.authorizationError = code;
  } else {
    err = sslError(code, message);
  }
  if (owner._hadError) return;
  owner._hadError = true;
  if (!owner._secureEstablished) {
    // Before the handshake finished: control is not released on a server
    // socket, so this goes to 'tlsClientError'.
    owner._closeAfterHandlingError = true;
    owner.destroy(err);
  } else if (owner._tlsOptions.isServer && owner._tlsOptions.rejectUnauthorized &&
             /peer did not return a certificate/.test(err.message)) {
    owner.destroy();
  } else {
    owner._emitTLSError(err);
    // The session is over: nothing more can be read (Node's socket then
    // sees the TCP end).
    if (!owner.destroyed) owner.push(null);
  }
}

const kDeferRead = Symbol('deferRead');

// The native TLS write takes at most 64 KiB of records that are not out yet
// (rustls's buffer limit): larger writes would fail with EIO. So a write
// goes to the handle in pieces of one TLS record, each once the previous
// one completed (docs/tls.md).
const kMaxPiece = 16 * 1024;
const socketWrite = net.Socket.prototype._write;

function writePieces(socket, chunks, cb) {
  let i = 0;
  let buf = null;
  let off = 0;
  let done = false;
  const finish = (err) => {
    if (done) return;
    done = true;
    cb(err);
  };
  const step = () => {
    for (;;) {
      if (buf === null || off >= buf.length) {
        if (i === chunks.length) {
          finish();
          return;
        }
        const { chunk, encoding } = chunks[i++];
        buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        off = 0;
        continue;
      }
      const piece = off === 0 && buf.length <= kMaxPiece ? buf : buf.subarray(off, off + kMaxPiece);
      off += piece.length;
      let inCall = true;
      let completed = false;
      socketWrite.call(socket, piece, 'buffer', (err) => {
        if (err) {
          finish(err);
        } else if (inCall) {
          completed = true;
        } else {
          step();
        }
      });
      inCall = false;
      if (!completed || done) return;
    }
  };
  step();
}

function startReading(socket) {
  if (!socket._handle) return;
  if (socket.readableFlowing !== false || socket.listenerCount('data') > 0) socket.read(0);
  else socket._handle.readStart();
}

class TLSSocket extends net.Socket {
  constructor(socket, opts) {
    const tlsOptions = { ...opts };
    // As Node, at once: a bad ALPNProtocols throws here.
    if (tlsOptions.ALPNProtocols) tlsOptions.ALPNProtocols = normalizeALPN(tlsOptions.ALPNProtocols);
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
    this._requestCert = !!tlsOptions.requestCert || !tlsOptions.isServer;
    this._rejectUnauthorized = !!tlsOptions.rejectUnauthorized;
    // Until control is released (at once for tls.connect, at
    // 'secureConnection' on a server), errors go to _tlsError.
    this.on('error', this._tlsError);
    if (tlsOptions.isServer && tlsOptions.SNICallback) this._SNICallback = tlsOptions.SNICallback;
    if (tlsOptions.handshakeTimeout > 0) this.setTimeout(tlsOptions.handshakeTimeout, this._handleTimeout);
    if (socket) this._adopt(socket);
  }

  // Takes over a net.Socket's native handle (tls.connect({ socket }) and the
  // server side); while it is still connecting, wait for it.
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
    if (!this._tlsOptions.isServer && handle.reading) {
      // STARTTLS: the upgrade may be decided in the parent's 'data'
      // listener, inside the native read loop of the plain handle, which
      // must not go on reading it: stop, and read again from the check
      // phase (_start), when that loop is over.
      handle.reading = false;
      handle.readStop();
      this[kDeferRead] = true;
    }
    socket._handle = null;
    this._handle = handle;
    internals.initSocketHandle(this);
    // The connection now belongs to this socket: it counts for the server.
    this.server = socket.server;
    this._server = socket._server;
    socket._server = null;
  }

  _start() {
    if (this.connecting) {
      this.once('connect', this._start);
      return;
    }
    if (this._tlsStarted || !this._handle) return;
    this._tlsStarted = true;
    const options = this._tlsOptions;
    const handle = this._handle;
    handle[kOwner] = this;
    handle.onhandshakedone = onhandshakedone;
    handle.ontlserror = ontlserror;
    handle.onsni = onsni;
    // As Node's tls.connect: SNI only for an explicit servername. rustls
    // sends none for an IP address, which names the session when there is
    // no servername (host names are checked in JS, so the name does not
    // matter to the chain check).
    let servername = options.isServer ? undefined : options.servername;
    if (servername === '') servername = undefined;
    let host;
    if (!options.isServer) {
      const connectOptions = this[kConnectOptions] || {};
      const h = connectOptions.host || (this._parent && this._parent._host);
      host = h && net.isIP(h) ? h : '0.0.0.0';
    }
    try {
      binding.wrap(handle.id, this[kSecureContext].id, !!options.isServer, {
        servername,
        host,
        ALPNProtocols: options.ALPNProtocols,
        requestCert: !!options.requestCert,
        rejectUnauthorized: options.rejectUnauthorized !== false,
        // A server with SNICallback or addContext() picks its context once
        // the ClientHello names a host (onsni).
        sni: !!options.isServer && !!options.server &&
          (typeof options.SNICallback === 'function' || options.server._contexts.length > 0),
      });
    } catch (err) {
      // A server without a key and certificate, a servername rustls cannot
      // send: this connection fails (on a server, as 'tlsClientError').
      this.destroy(err);
      return;
    }
    if (this[kDeferRead]) {
      this[kDeferRead] = false;
      setImmediate(startReading, this);
    } else {
      startReading(this);
    }
  }

  _write(data, encoding, cb) {
    // Small writes (most) go straight through.
    if (typeof data === 'string' ? data.length * 3 <= kMaxPiece : data.length <= kMaxPiece) {
      socketWrite.call(this, data, encoding, cb);
    } else {
      writePieces(this, [{ chunk: data, encoding }], cb);
    }
  }

  _writev(chunks, cb) {
    writePieces(this, chunks, cb);
  }

  _finishInit() {
    // A handshake that completes after destroy() is ignored.
    if (!this._handle) return;
    const id = this._handle.id;
    this.alpnProtocol = binding.getAlpn(id) || false;
    if (this.servername === null) this.servername = binding.getServername(id) || false;
    this._secureEstablished = true;
    if (this._tlsOptions.handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
    this.emit('secure');
  }

  _handleTimeout() {
    this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
  }

  _emitTLSError(err) {
    const e = this._tlsError(err);
    if (e) this.emit('error', e);
  }

  _tlsError(err) {
    this.emit('_tlsError', err);
    if (this._controlReleased) return err;
    return null;
  }

  _releaseControl() {
    if (this._controlReleased) return false;
    this._controlReleased = true;
    this.removeListener('error', this._tlsError);
    return true;
  }

  setServername(name) {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
    // Takes effect when the handshake starts (weft sends the ClientHello then).
    this._tlsOptions.servername = name;
  }

  setSession() {}

  getPeerCertificate(detailed) {
    if (!this._handle) return null;
    const chain = binding.getPeerChain(this._handle.id);
    if (chain.length === 0) return {};
    const certs = chain.map(certObject);
    if (detailed) {
      // As OpenSSL's chain: what the peer sent, then issuers from the trust
      // store, found by name, up to a self-signed root (its own issuer).
      let last = certs[certs.length - 1];
      const store = last[kSelfSigned] ? [] : trustedCerts(this[kSecureContext]);
      while (!last[kSelfSigned] && certs.length < 10) {
        const issuer = store.find((c) => sameName(c.subject, last.issuer) && !certs.includes(c));
        if (!issuer) break;
        // The store's objects are shared: link copies.
        const copy = { ...issuer, subject: issuer.subject, issuer: issuer.issuer };
        Object.defineProperty(copy, kSelfSigned, { value: issuer[kSelfSigned] });
        certs.push(copy);
        last = copy;
      }
      for (let i = 0; i < certs.length - 1; i++) certs[i].issuerCertificate = certs[i + 1];
      if (last[kSelfSigned]) last.issuerCertificate = last;
    }
    return certs[0];
  }

  // This side's certificate (from the secure context's `cert`), {} when it
  // has none; null once destroyed.
  getCertificate() {
    if (!this._handle) return null;
    const pems = this[kSecureContext][kCertPems];
    const cert = pems ? certsOfPems(pems)[0] : undefined;
    return cert || {};
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

// ALPNProtocols as a list of names (the native side sends them as UTF-8):
// from an array of strings or Node's wire format (length-prefixed names in
// a Buffer or TypedArray, as tls.convertALPNProtocols() makes). Anything
// else throws, as Node's setALPNProtocols does.
function normalizeALPN(protocols) {
  if (protocols === undefined || protocols === null) return undefined;
  if (Array.isArray(protocols)) {
    for (let i = 0; i < protocols.length; i++) {
      const p = protocols[i];
      if (typeof p !== 'string') throw new ERR_INVALID_ARG_TYPE(`ALPNProtocols[${i}]`, 'string', p);
      const len = Buffer.byteLength(p);
      if (len > 255) {
        throw new ERR_OUT_OF_RANGE(`The byte length of the protocol at index ${i} exceeds the maximum length.`,
          '<= 255', len, true);
      }
    }
    return protocols.slice();
  }
  if (ArrayBuffer.isView(protocols)) {
    const bytes = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
    const out = [];
    for (let i = 0; i < bytes.length;) {
      const n = bytes[i];
      out.push(bytes.subarray(i + 1, i + 1 + n).toString('utf8'));
      i += n + 1;
    }
    return out;
  }
  throw new TypeError('Must give a Buffer as first argument');
}

function onConnectSecure() {
  const options = this[kConnectOptions];
  const code = this._handle ? binding.verifyError(this._handle.id) : null;
  let verifyErr = code ? verifyError(code) : null;
  if (!verifyErr) {
    const hostname = options.servername || options.host || (options.socket && options.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyErr = options.checkServerIdentity(hostname, cert);
  }
  if (verifyErr) {
    this.authorized = false;
    this.authorizationError = verifyErr.code || verifyErr.message;
    if (options.rejectUnauthorized !== false) {
      this.destroy(verifyErr);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.secureConnecting = false;
  this.emit('secureConnect');
  this[kIsVerified] = true;
  this.removeListener('end', onConnectEnd);
}

function onConnectEnd() {
  if (!this._hadError) {
    const options = this[kConnectOptions];
    this._hadError = true;
    const error = new ConnResetException('Client network socket disconnected before ' +
                                         'secure TLS connection was established');
    error.path = options.path;
    error.host = options.host;
    error.port = options.port;
    error.localAddress = options.localAddress;
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
    ciphers: module.exports.DEFAULT_CIPHERS,
    checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
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
  });
  options.rejectUnauthorized = options.rejectUnauthorized !== false;
  tlssock[kConnectOptions] = options;
  if (cb) tlssock.once('secureConnect', cb);
  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connect(options, tlssock._start);
  }
  tlssock._releaseControl();
  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning(
        'Setting the TLS ServerName to an IP address is not permitted by ' +
        'RFC 6066. This will be ignored in a future version.',
        'DeprecationWarning',
        'DEP0123',
      );
      ipServernameWarned = true;
    }
    tlssock.setServername(options.servername);
  }
  if (options.socket) tlssock._start();
  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);
  return tlssock;
}

// --- server -----------------------------------------------------------------

function onServerSocketSecure() {
  if (this._requestCert) {
    const id = this._handle.id;
    const code = binding.verifyError(id);
    const hasCert = binding.getPeerChain(id).length > 0;
    if (!hasCert && this._rejectUnauthorized) {
      // OpenSSL fails such a handshake (SSL_VERIFY_FAIL_IF_NO_PEER_CERT).
      this._hadError = true;
      this.destroy(sslError('ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE'));
      return;
    }
    const verifyCode = hasCert ? code : 'UNABLE_TO_GET_ISSUER_CERT';
    if (verifyCode) {
      this.authorizationError = verifyCode;
      if (this._rejectUnauthorized) this.destroy();
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this.secureConnecting = false;
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

function onSocketClose(err) {
  // Closed because of an error: reported already.
  if (err) return;
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    const connReset = new ConnResetException('socket hang up');
    this._tlsOptions.server.emit('tlsClientError', connReset, this);
  }
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
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
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
  socket.on('error', onSocketTLSError);
  socket._start();
}

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
  // As Node: the wire format (a Buffer); anything else is ignored.
  if (options.ALPNProtocols) module.exports.convertALPNProtocols(options.ALPNProtocols, this);
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
  this.minVersion = options.minVersion;
  this.maxVersion = options.maxVersion;
  this._sharedCreds = options.secureContext || createSecureContext(options);
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const re = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replaceAll('*', '[^.]*')}$`);
  const secureContext = context instanceof SecureContext ? context : createSecureContext(context);
  this._contexts.push([re, secureContext.context]);
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
    if (Array.isArray(protocols)) {
      const list = normalizeALPN(protocols);
      const buf = Buffer.alloc(list.reduce((n, p) => n + 1 + Buffer.byteLength(p), 0));
      let off = 0;
      for (const p of list) {
        buf[off] = Buffer.byteLength(p);
        off += 1 + buf.write(p, off + 1);
      }
      out.ALPNProtocols = buf;
    } else if (ArrayBuffer.isView(protocols)) {
      out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset,
                                                            protocols.byteOffset + protocols.byteLength));
    }
  },
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
};
