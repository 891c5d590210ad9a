'use strict';

// Stand-in for Node's test/common/internet.js: well-known host names, which
// NODE_TEST_<KEY> environment variables can override.

const addresses = {
  INET_HOST: 'nodejs.org',
  INET4_HOST: 'nodejs.org',
  INET6_HOST: 'nodejs.org',
  INET4_IP: '8.8.8.8',
  INET6_IP: '2001:4860:4860::8888',
  // Cannot resolve (RFC 2606).
  INVALID_HOST: 'something.invalid',
  NOT_FOUND: 'come.on.fhqwhgads.test',
  DNS4_SERVER: '8.8.8.8',
  DNS6_SERVER: '2001:4860:4860::8888',
};

for (const key of Object.keys(addresses)) {
  const env = process.env[`NODE_TEST_${key}`];
  if (env) addresses[key] = env;
}

module.exports = { addresses };
