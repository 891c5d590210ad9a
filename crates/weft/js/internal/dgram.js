'use strict';

// The JS face of a native UDP handle (Node's udp_wrap.UDP) and the helpers
// dgram.js shares with it (Node's lib/internal/dgram.js).
//
// A handle owns one slot in the loop's handle table, made with
// stream_wrap.create(this). The slot holds no socket until the first bind;
// like libuv, membership calls bind it implicitly ("deferred bind") to the
// wildcard address, and a later explicit bind then fails with EINVAL.
//
// The methods answer as libuv's uv_udp_* functions do: 0 or a negative errno,
// with libuv's argument checks (address family per socket type, TTL ranges)
// done here, before the native call, so their errors come in libuv's order.
// Rust calls back `onmessage(nread, buf, address, family, port)` for each
// datagram and `afterWrite(status)` once per send that had to be queued.

const { codes: { ERR_SOCKET_BAD_TYPE } } = require('internal/errors');
const { isInt32, validateFunction } = require('internal/validators');
const { isIPv4, isIPv6 } = require('internal/net');

const streamBinding = internalBinding('stream_wrap');
const udpBinding = internalBinding('udp_wrap');

// libuv errno values (Linux).
const UV_EBADF = -9;
const UV_EINVAL = -22;
const UV_EISCONN = -106;
const UV_ENOTCONN = -107;
const UV_EDESTADDRREQ = -89;
const UV_ECANCELED = -125;

// bind flags, as uv_udp_bind takes them.
const UV_UDP_IPV6ONLY = 1;
const UV_UDP_REUSEADDR = 4;

const kStateSymbol = Symbol('state symbol');
const kSends = Symbol('sends');
const kQueueBytes = Symbol('queueBytes');

let dns; // loaded on first use

// What uv_ip4_addr / uv_ip6_addr accept. A zone ("%eth0") is allowed on IPv6.
function parsesAs4(ip) {
  return typeof ip === 'string' && isIPv4(ip);
}
function parsesAs6(ip) {
  if (typeof ip !== 'string') return false;
  const pct = ip.indexOf('%');
  return isIPv6(pct === -1 ? ip : ip.slice(0, pct)) && pct !== ip.length - 1;
}

function toUint8(chunk) {
  if (chunk instanceof Uint8Array) return chunk;
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

class UDP {
  constructor(family) {
    this.id = streamBinding.create(this);
    this.family = family === 6 ? 6 : 4;
    this.bound = false; // the slot holds a socket
    this.connected = false;
    this.closed = false;
    this.onmessage = null;
    this.lookup = null;
    this[kSends] = [];
    this[kQueueBytes] = 0;
  }

  getAsyncId() { return this.id; }

  // Whether `ip` is an address of this handle's family (uv_ip4_addr or uv_ip6_addr).
  isOwnFamily(ip) {
    return this.family === 4 ? parsesAs4(ip) : parsesAs6(ip);
  }

  // uv_udp_bind. Binding a socket that already exists fails as bind(2) does.
  bind(ip, port, flags) {
    if (this.closed) return UV_EBADF;
    if (!this.isOwnFamily(ip)) return UV_EINVAL;
    flags >>>= 0;
    if (flags & ~(UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR)) return UV_EINVAL;
    if ((flags & UV_UDP_IPV6ONLY) && this.family !== 6) return UV_EINVAL;
    if (this.bound) return UV_EINVAL;
    const err = udpBinding.bind(this.id, ip, (port >>> 0) & 0xffff, flags);
    if (err === 0) this.bound = true;
    return err;
  }

  // uv__udp_maybe_deferred_bind: a socket bound to the wildcard address.
  maybeDeferredBind(family, flags) {
    if (this.bound) return 0;
    const err = udpBinding.bind(this.id, family === 6 ? '::' : '0.0.0.0', 0, flags);
    if (err === 0) this.bound = true;
    return err;
  }

  open(fd) {
    if (this.closed) return UV_EBADF;
    const err = streamBinding.open(this.id, fd);
    if (err === 0) this.bound = true;
    return err;
  }

  connect(ip, port) {
    if (!this.isOwnFamily(ip)) return UV_EINVAL;
    if (this.connected) return UV_EISCONN;
    let err = this.maybeDeferredBind(this.family, 0);
    if (err) return err;
    err = udpBinding.connect(this.id, ip, (port >>> 0) & 0xffff);
    if (err === 0) this.connected = true;
    return err;
  }

  disconnect() {
    if (!this.connected) return UV_ENOTCONN;
    const err = udpBinding.disconnect(this.id);
    if (err === 0) this.connected = false;
    return err;
  }

  // Sends one datagram made of `list` (views) to ip:port, or to the connected
  // peer when `ip` is undefined. Returns the byte count + 1 when the kernel
  // took it at once, 0 when it was queued (req.oncomplete(status, bytes)
  // follows), or a negative errno.
  send(req, list, port, ip) {
    if (this.closed) return UV_EBADF;
    if (ip === undefined || ip === null) {
      if (!this.connected) return UV_EDESTADDRREQ;
      ip = undefined;
      port = undefined;
    } else {
      if (!this.isOwnFamily(ip)) return UV_EINVAL;
      if (this.connected) return UV_EISCONN;
      port = (port >>> 0) & 0xffff;
    }
    let err = this.maybeDeferredBind(this.family, 0);
    if (err) return err;
    let size = 0;
    for (let i = 0; i < list.length; i++) {
      const chunk = toUint8(list[i]);
      list[i] = chunk;
      size += chunk.byteLength;
    }
    err = udpBinding.send(this.id, list, port, ip);
    if (err === 0) return size + 1;
    if (err === 1) {
      req.size = size;
      this[kSends].push(req);
      this[kQueueBytes] += size;
      return 0;
    }
    return err;
  }

  afterWrite(status) {
    const req = this[kSends].shift();
    if (req === undefined) return;
    this[kQueueBytes] -= req.size;
    if (typeof req.oncomplete === 'function') req.oncomplete(status, req.size);
  }

  getSendQueueSize() { return this[kQueueBytes]; }
  getSendQueueCount() { return this[kSends].length; }

  recvStart() {
    if (!this.bound) return UV_EBADF;
    return streamBinding.readStart(this.id);
  }
  recvStop() {
    if (!this.bound) return 0;
    return streamBinding.readStop(this.id);
  }

  getsockname(out) { return streamBinding.getsockname(this.id, out); }
  getpeername(out) {
    if (!this.connected) return UV_ENOTCONN;
    return streamBinding.getpeername(this.id, out);
  }

  setBroadcast(on) {
    if (!this.bound) return UV_EBADF;
    return udpBinding.setBroadcast(this.id, !!on);
  }

  setTTL(ttl) {
    ttl |= 0;
    if (ttl < 1 || ttl > 255) return UV_EINVAL;
    if (!this.bound) return UV_EBADF;
    return udpBinding.setTTL(this.id, ttl);
  }

  setMulticastTTL(ttl) {
    ttl |= 0;
    if (ttl < 0 || ttl > 255) return UV_EINVAL;
    if (!this.bound) return UV_EBADF;
    return udpBinding.setMulticastTTL(this.id, ttl);
  }

  setMulticastLoopback(on) {
    if (!this.bound) return UV_EBADF;
    return udpBinding.setMulticastLoopback(this.id, !!on);
  }

  setMulticastInterface(iface) {
    if (!parsesAs4(iface) && !parsesAs6(iface)) return UV_EINVAL;
    if (!this.bound) return UV_EBADF;
    return udpBinding.setMulticastInterface(this.id, iface);
  }

  // uv_udp_set_membership: the group decides the family; binds if needed.
  setMembership(group, iface, join) {
    group = `${group}`;
    if (iface === null) iface = undefined;
    if (iface !== undefined) iface = `${iface}`;
    let family;
    if (parsesAs4(group)) family = 4;
    else if (parsesAs6(group)) family = 6;
    else return UV_EINVAL;
    const err = this.maybeDeferredBind(family, UV_UDP_REUSEADDR);
    if (err) return err;
    if (family === 4 && iface !== undefined && !parsesAs4(iface)) return UV_EINVAL;
    return udpBinding.membership(this.id, group, iface, join);
  }
  addMembership(group, iface) { return this.setMembership(group, iface, true); }
  dropMembership(group, iface) { return this.setMembership(group, iface, false); }

  // uv_udp_set_source_membership.
  setSourceMembership(source, group, iface, join) {
    if (iface === null) iface = undefined;
    if (iface !== undefined) iface = `${iface}`;
    let family;
    if (parsesAs4(group)) {
      if (!parsesAs4(source)) return UV_EINVAL;
      family = 4;
    } else if (parsesAs6(group)) {
      if (!parsesAs6(source)) return UV_EINVAL;
      family = 6;
    } else {
      return UV_EINVAL;
    }
    const err = this.maybeDeferredBind(family, UV_UDP_REUSEADDR);
    if (err) return err;
    if (family === 4 && iface !== undefined && !parsesAs4(iface)) return UV_EINVAL;
    return udpBinding.sourceMembership(this.id, source, group, iface, join);
  }
  addSourceSpecificMembership(source, group, iface) {
    return this.setSourceMembership(source, group, iface, true);
  }
  dropSourceSpecificMembership(source, group, iface) {
    return this.setSourceMembership(source, group, iface, false);
  }

  // Node's UDPWrap::BufferSize: the size, or undefined with `ctx` filled in.
  bufferSize(size, recv, ctx) {
    const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    const r = this.bound ? udpBinding.bufferSize(this.id, size, recv) : UV_EBADF;
    if (r >= 0) return r;
    const { uvErrmapGet, uvErrName } = require('internal/errors');
    const entry = uvErrmapGet(r);
    ctx.errno = r;
    ctx.code = uvErrName(r);
    ctx.message = entry ? entry[1] : 'unknown error';
    ctx.syscall = syscall;
    return undefined;
  }

  // Closes the handle; sends still queued fail with ECANCELED, as in libuv.
  close(cb) {
    if (this.closed) return;
    this.closed = true;
    const pending = this[kSends];
    this[kSends] = [];
    this[kQueueBytes] = 0;
    streamBinding.close(this.id, () => {
      for (let i = 0; i < pending.length; i++) {
        const req = pending[i];
        if (typeof req.oncomplete === 'function') req.oncomplete(UV_ECANCELED, 0);
      }
      if (typeof cb === 'function') cb();
    });
  }

  ref() { if (!this.closed) streamBinding.ref(this.id); }
  unref() { if (!this.closed) streamBinding.unref(this.id); }
  hasRef() { return !this.closed && streamBinding.hasRef(this.id); }
  get fd() { return this.closed ? -1 : streamBinding.fd(this.id); }
}

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

function newHandle(type, lookup) {
  if (lookup === undefined) {
    if (dns === undefined) dns = require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  let handle;
  if (type === 'udp4') {
    handle = new UDP(4);
    handle.lookup = lookup4.bind(handle, lookup);
  } else if (type === 'udp6') {
    handle = new UDP(6);
    handle.lookup = lookup6.bind(handle, lookup);
  } else {
    throw new ERR_SOCKET_BAD_TYPE();
  }
  return handle;
}

function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (isInt32(fd) && fd > 0) {
    const type = streamBinding.guessHandleType(fd);
    err = type === 'UDP' ? handle.open(fd) : UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  kStateSymbol,
  UDP,
  UV_UDP_IPV6ONLY,
  UV_UDP_REUSEADDR,
  newHandle,
  _createSocketHandle,
};
