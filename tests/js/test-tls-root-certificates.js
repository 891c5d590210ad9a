'use strict';
// tls.rootCertificates: a frozen, non-empty array of PEM strings (weft: the
// system trust store), the same array each time; and the module's
// constants.
require('../common');
const assert = require('assert');
const tls = require('tls');

const roots = tls.rootCertificates;
assert.ok(Array.isArray(roots));
assert.ok(roots.length > 0, 'the trust store has certificates');
assert.ok(Object.isFrozen(roots));
assert.strictEqual(tls.rootCertificates, roots);
// (Node's bundled store has 72-column lines, weft's 64, as OpenSSL writes.)
const pem = /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,76}\n)+-----END CERTIFICATE-----$/;
for (const cert of roots) {
  assert.strictEqual(typeof cert, 'string');
  assert.match(cert, pem);
}
assert.strictEqual(new Set(roots).size, roots.length, 'no duplicates');
assert.throws(() => { 'use strict'; roots.push('x'); }, TypeError);

// A root is a self-signed CA: its subject is its issuer.
const { X509Certificate } = (() => {
  try {
    return require('crypto');
  } catch {
    return {};
  }
})();
if (X509Certificate) {
  const x = new X509Certificate(roots[0]);
  assert.strictEqual(x.subject, x.issuer);
  assert.strictEqual(x.ca, true);
}

assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
assert.strictEqual(tls.DEFAULT_MAX_VERSION, 'TLSv1.3');
assert.strictEqual(tls.DEFAULT_ECDH_CURVE, 'auto');
assert.strictEqual(typeof tls.DEFAULT_CIPHERS, 'string');
assert.ok(Array.isArray(tls.getCiphers()));
assert.ok(tls.getCiphers().includes('tls_aes_128_gcm_sha256'));
assert.strictEqual(typeof tls.createSecureContext, 'function');
assert.ok(tls.createSecureContext() instanceof tls.SecureContext);
