'use strict';
// tls.checkServerIdentity(host, cert): subjectAltName DNS and IP entries,
// wildcards (one label, leftmost only, not for IPs or short names), the
// CN only when the certificate has no DNS name, and Node's error (code,
// message, reason, host, cert).
require('../common');
const assert = require('assert');
const tls = require('tls');

const cases = [
  // CN only.
  ['a.com', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'A.COM' } }],
  ['A.COM', { subject: { CN: 'a.com' } }],
  ['a.com.', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'a.com.' } }],
  ['a.com', { subject: { CN: 'b.com' } }, "Host: a.com. is not cert's CN: b.com"],
  ['b.a.com', { subject: { CN: '*.a.com' } }],
  ['foo.com', { subject: { CN: ['bar.com', 'foo.com'] } }],
  ['baz.com', { subject: { CN: ['bar.com', 'foo.com'] } }, "Host: baz.com. is not cert's CN: bar.com,foo.com"],
  ['a.com', { subject: {} }, 'Cert does not contain a DNS name'],
  ['a.com', {}, 'Cert does not contain a DNS name'],

  // A DNS name in subjectAltName: the CN is not looked at.
  ['b.a.com', { subjectaltname: 'DNS:omg.com', subject: { CN: '*.a.com' } },
   "Host: b.a.com. is not in the cert's altnames: DNS:omg.com"],
  ['localhost', { subjectaltname: 'DNS:a.com', subject: { CN: 'localhost' } },
   "Host: localhost. is not in the cert's altnames: DNS:a.com"],
  ['a.com', { subjectaltname: 'DNS:a.com', subject: { CN: 'b.com' } }],
  ['a.com', { subjectaltname: 'DNS:A.COM', subject: { CN: 'b.com' } }],
  ['a.b.a.com', { subjectaltname: 'DNS:*b.a.com, DNS:a.b.a.com', subject: {} }],
  // Only IP entries: the CN still counts for a host name.
  ['a.com', { subjectaltname: 'IP Address:127.0.0.1', subject: { CN: 'a.com' } }],
  ['b.com', { subjectaltname: 'IP Address:127.0.0.1', subject: { CN: 'a.com' } },
   "Host: b.com. is not cert's CN: a.com"],
  // URIs are not names.
  ['a.b.a.com', { subjectaltname: 'URI:http://a.b.a.com/', subject: {} }, 'Cert does not contain a DNS name'],

  // Wildcards.
  ['b.a.com', { subjectaltname: 'DNS:*.a.com', subject: {} }],
  ['B.A.COM', { subjectaltname: 'DNS:*.a.com', subject: {} }],
  ['a.com', { subjectaltname: 'DNS:*.a.com', subject: {} }, "Host: a.com. is not in the cert's altnames: DNS:*.a.com"],
  ['c.b.a.com', { subjectaltname: 'DNS:*.a.com', subject: {} },
   "Host: c.b.a.com. is not in the cert's altnames: DNS:*.a.com"],
  ['b.a.com', { subjectaltname: 'DNS:*b.a.com', subject: {} }],
  ['a-cb.a.com', { subjectaltname: 'DNS:*b.a.com', subject: {} }],
  ['a.b.a.com', { subjectaltname: 'DNS:*b.a.com', subject: {} },
   "Host: a.b.a.com. is not in the cert's altnames: DNS:*b.a.com"],
  ['bar.a.com', { subjectaltname: 'DNS:b*r.a.com', subject: {} }],
  ['br.a.com', { subjectaltname: 'DNS:b*r.a.com', subject: {} }],
  ['baz.a.com', { subjectaltname: 'DNS:b*r.a.com', subject: {} },
   "Host: baz.a.com. is not in the cert's altnames: DNS:b*r.a.com"],
  ['a.com', { subjectaltname: 'DNS:*', subject: { CN: 'b.com' } }, "Host: a.com. is not in the cert's altnames: DNS:*"],
  ['a.com', { subjectaltname: 'DNS:*.com', subject: { CN: 'b.com' } },
   "Host: a.com. is not in the cert's altnames: DNS:*.com"],
  ['a.co.uk', { subjectaltname: 'DNS:*.co.uk', subject: {} }],
  ['a.b.com', { subjectaltname: 'DNS:*.*.com', subject: {} },
   "Host: a.b.com. is not in the cert's altnames: DNS:*.*.com"],
  ['a.b.com', { subjectaltname: 'DNS:a.*.com', subject: {} },
   "Host: a.b.com. is not in the cert's altnames: DNS:a.*.com"],
  ['xn--bcher-kva.example.com', { subjectaltname: 'DNS:xn--*.example.com', subject: {} },
   "Host: xn--bcher-kva.example.com. is not in the cert's altnames: DNS:xn--*.example.com"],
  ['xn--bcher-kva.example.com', { subjectaltname: 'DNS:*.example.com', subject: {} }],

  // IP addresses: only IP entries count, never the CN or DNS names.
  ['127.0.0.1', { subjectaltname: 'IP Address:127.0.0.1', subject: {} }],
  ['127.0.0.2', { subjectaltname: 'IP Address:127.0.0.1', subject: {} },
   "IP: 127.0.0.2 is not in the cert's list: 127.0.0.1"],
  ['127.0.0.1', { subjectaltname: 'DNS:a.com', subject: {} }, "IP: 127.0.0.1 is not in the cert's list: "],
  ['127.0.0.1', { subject: { CN: '127.0.0.1' } }, "IP: 127.0.0.1 is not in the cert's list: "],
  ['a.b.a.com', { subjectaltname: 'IP Address:127.0.0.1', subject: {} }, 'Cert does not contain a DNS name'],
  ['::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1', subject: {} }],
  ['0:0::1', { subjectaltname: 'IP Address:::1', subject: {} }],
  ['::2', { subjectaltname: 'IP Address:::1, IP Address:10.0.0.1', subject: {} },
   "IP: ::2 is not in the cert's list: ::1, 10.0.0.1"],
];

for (const [host, cert, reason] of cases) {
  const err = tls.checkServerIdentity(host, cert);
  const label = `${host} vs ${JSON.stringify(cert)}`;
  if (reason === undefined) {
    assert.strictEqual(err, undefined, `${label}: ${err && err.reason}`);
    continue;
  }
  assert.ok(err instanceof Error, label);
  assert.strictEqual(err.reason, reason, label);
  assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(err.message, `Hostname/IP does not match certificate's altnames: ${reason}`);
  assert.strictEqual(err.host, host);
  assert.strictEqual(err.cert, cert);
}
