'use strict';

// Helpers for tests/js/test-tls-peer-*.js, whose peer is
// `python3 tests/peers/tls_peer.py serve` (its docstring describes the
// control protocol, the certificates and the servers).

const assert = require('assert');
const net = require('net');
const tls = require('tls');
const common = require('./index');

// Sends one request to the peer's control port; resolves with its answer.
function control(request) {
  return new Promise((resolve, reject) => {
    const port = common.peerPort();
    assert.ok(port > 0, 'PEER_PORT is set (tests/README.md)');
    const sock = net.connect(port, '127.0.0.1', () => sock.end(`${JSON.stringify(request)}\n`));
    let text = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { text += d; });
    sock.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error(`bad control answer to ${JSON.stringify(request)}: ${JSON.stringify(text)}`));
      }
    });
    sock.on('error', reject);
  });
}

let info;
// { dir, pem: { NAME: PEM text }, ports: { SERVER: port } }
function peer() {
  if (!info) info = control({ op: 'info' });
  return info;
}

// Runs Python's ssl client against a local port (see the peer's "client" op).
function pythonClient(port, options = {}) {
  return control({ op: 'client', port, ...options });
}

// tls.connect; resolves with { socket, error }: error is null once
// 'secureConnect' fired, else the 'error' that came first.
function attempt(options) {
  return new Promise((resolve) => {
    const socket = tls.connect(options);
    const onSecure = () => {
      socket.removeListener('error', onError);
      resolve({ socket, error: null });
    };
    const onError = (error) => {
      socket.removeListener('secureConnect', onSecure);
      resolve({ socket, error });
    };
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
  });
}

// Calls onLine(line) for each '\n'-terminated line the socket reads.
function onLines(socket, onLine) {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => {
    pending += d;
    let i;
    while ((i = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      onLine(line);
    }
  });
}

// The first line the socket reads, parsed as JSON (the Python servers'
// description of the connection). The socket is left paused (resume() it
// to read on), with the bytes after that line unshifted.
function readInfo(socket) {
  return new Promise((resolve, reject) => {
    let buf = null;
    const onData = (d) => {
      buf = buf === null ? d : Buffer.concat([buf, d]);
      const i = buf.indexOf(10);
      if (i === -1) return;
      socket.removeListener('data', onData);
      socket.removeListener('error', reject);
      socket.pause();
      if (i + 1 < buf.length) socket.unshift(buf.subarray(i + 1));
      resolve(JSON.parse(buf.subarray(0, i).toString()));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

// The bytes the peer's Python client sends: pattern(n) in tls_peer.py.
function pattern(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 10)) & 0xff;
  return b;
}

// The DER bytes of the first certificate in a PEM text.
function derOf(pem) {
  const m = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(pem);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

// OpenSSL's text for the verify codes (what Node's errors say).
const verifyMessages = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
};

module.exports = {
  control,
  peer,
  pythonClient,
  attempt,
  onLines,
  readInfo,
  pattern,
  derOf,
  verifyMessages,
};
