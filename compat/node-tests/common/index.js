'use strict';

// Weft's stand-in for Node's test/common/index.js: the helpers that Node's
// own tests use (call-count checks at exit, error matchers, platform flags),
// written for weft. Only what the test/parallel tests we run need is here.

const assert = require('assert');
const path = require('path');
const util = require('util');
const tmpdir = require('./tmpdir');

const isWindows = process.platform === 'win32';
const isLinux = process.platform === 'linux';
const isMacOS = process.platform === 'darwin';
const isAIX = process.platform === 'aix';
const isSunOS = process.platform === 'sunos';
const isFreeBSD = process.platform === 'freebsd';
const isOpenBSD = process.platform === 'openbsd';
const isDumbTerminal = process.env.TERM === 'dumb';

function noop() {}

function inspect(v, opts) {
  return util.inspect(v, opts);
}

// ---------------------------------------------------------------------------
// Call-count checks, verified when the process exits with code 0.

const mustCallChecks = [];

function runCallChecks(exitCode) {
  if (exitCode !== 0) return;
  const failed = mustCallChecks.filter((context) => {
    if ('minimum' in context) {
      context.messageSegment = `at least ${context.minimum}`;
      return context.actual < context.minimum;
    }
    context.messageSegment = `exactly ${context.exact}`;
    return context.actual !== context.exact;
  });
  for (const context of failed) {
    console.log('Mismatched %s function calls. Expected %s, actual %d.',
                context.name, context.messageSegment, context.actual);
    console.log(context.stack.split('\n').slice(2).join('\n'));
  }
  if (failed.length) process.exit(1);
}

function mustCallInner(fn, criteria = 1, field) {
  if (process._exiting) throw new Error('Cannot use common.mustCall*() in process exit handler');
  if (typeof fn === 'number') {
    criteria = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (typeof criteria !== 'number') throw new TypeError(`Invalid ${field} value: ${criteria}`);
  const context = {
    [field]: criteria,
    actual: 0,
    stack: String(new Error().stack || ''),
    name: fn.name || '<anonymous>',
  };
  if (mustCallChecks.length === 0) process.on('exit', runCallChecks);
  mustCallChecks.push(context);
  const wrapped = function(...args) {
    context.actual++;
    return fn.apply(this, args);
  };
  Object.defineProperties(wrapped, {
    name: { value: fn.name, configurable: true },
    length: { value: fn.length, configurable: true },
  });
  return wrapped;
}

function mustCall(fn, exact) {
  return mustCallInner(fn, exact, 'exact');
}

function mustCallAtLeast(fn, minimum) {
  return mustCallInner(fn, minimum, 'minimum');
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

function getCallSite(top) {
  const stack = String(new Error().stack || '').split('\n');
  // Drop "Error" and this function's own frame, and the caller's helper frame.
  void top;
  return (stack[3] || stack[2] || '').trim().replace(/^at /, '');
}

function mustNotCall(msg) {
  const callSite = getCallSite(mustNotCall);
  return function mustNotCall(...args) {
    const argsInfo = args.length > 0 ?
      `\ncalled with arguments: ${args.map((arg) => inspect(arg)).join(', ')}` : '';
    assert.fail(`${msg || 'function should not have been called'} at ${callSite}${argsInfo}`);
  };
}

function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail(`Expected one argument, got ${inspect(args)}`);
    const error = args.pop();
    // Node's errors keep `message` non-enumerable.
    assert.strictEqual(Object.prototype.propertyIsEnumerable.call(error, 'message'), false);
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------
// Warnings.

let catchWarning;

function makeWarningCheck(name, expected, code) {
  if (typeof expected === 'string') {
    expected = [[expected, code]];
  } else if (!Array.isArray(expected)) {
    expected = Object.entries(expected).map(([a, b]) => [b, a]);
  } else if (expected.length !== 0 && !Array.isArray(expected[0])) {
    expected = [[expected[0], expected[1]]];
  }
  if (name === 'DeprecationWarning') {
    for (const [, c] of expected) assert(c, `Missing deprecation code: ${expected}`);
  }
  return mustCall((warning) => {
    const props = expected.shift();
    if (!props) assert.fail(`Unexpected extra warning received: ${warning}`);
    const [message, c] = props;
    assert.strictEqual(warning.name, name);
    if (typeof message === 'string') assert.strictEqual(warning.message, message);
    else assert.match(warning.message, message);
    assert.strictEqual(warning.code, c);
  }, expected.length);
}

function expectWarning(nameOrMap, expected, code) {
  if (catchWarning === undefined) {
    catchWarning = {};
    process.on('warning', (warning) => {
      if (!catchWarning[warning.name]) {
        throw new TypeError(`"${warning.name}" was triggered without being expected.\n${inspect(warning)}`);
      }
      catchWarning[warning.name](warning);
    });
  }
  if (typeof nameOrMap === 'string') {
    catchWarning[nameOrMap] = makeWarningCheck(nameOrMap, expected, code);
  } else {
    for (const name of Object.keys(nameOrMap)) {
      catchWarning[name] = makeWarningCheck(name, nameOrMap[name]);
    }
  }
}

// ---------------------------------------------------------------------------
// Skipping.

function printSkipMessage(msg) {
  console.log(`1..0 # Skipped: ${msg}`);
}

function skip(msg) {
  printSkipMessage(msg);
  process.exit(0);
}

function skipIfDumbTerminal() {
  if (isDumbTerminal) skip('skipping - dumb terminal');
}

function skipIfInspectorDisabled() {
  if (!process.features || !process.features.inspector) skip('V8 inspector is disabled');
}

function skipIfWorker() {}

function skipIf32Bits() {}

function skipIfEslintMissing() {
  skip('missing ESLint');
}

// ---------------------------------------------------------------------------
// Timing and platform.

function platformTimeout(ms) {
  const two = typeof ms === 'bigint' ? 2n : 2;
  if (process.features && process.features.debug) ms = two * ms;
  if (isAIX) return two * ms;
  return ms;
}

function hasIPv6Loopback() {
  try {
    const ifaces = require('os').networkInterfaces();
    return Object.keys(ifaces).some((name) =>
      ifaces[name].some((i) => i.family === 'IPv6' && i.internal));
  } catch {
    return false;
  }
}

function invalidArgTypeHelper(input) {
  if (input == null) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    if (input.constructor?.name) return ` Received an instance of ${input.constructor.name}`;
    return ` Received ${inspect(input, { depth: -1 })}`;
  }
  let inspected = inspect(input, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(inspected, 0, 25)}...`;
  return ` Received type ${typeof input} (${inspected})`;
}

function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const out = [];
  const types = [
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
  ];
  for (const type of types) {
    const { BYTES_PER_ELEMENT = 1 } = type;
    if (byteLength % BYTES_PER_ELEMENT === 0) {
      out.push(new type(buffer, byteOffset, byteLength / BYTES_PER_ELEMENT));
    }
  }
  return out;
}

function getBufferSources(buf) {
  return [...getArrayBufferViews(buf), new Uint8Array(buf).buffer];
}

// A descriptor number that is not open.
function runWithInvalidFD(func) {
  const fs = require('fs');
  let fd = 1 << 30;
  try {
    while (fs.fstatSync(fd--) && fd > 0);
  } catch {
    return func(fd);
  }
  printSkipMessage('Could not generate an invalid fd');
}

const PIPE = (() => {
  const localRelative = path.relative(process.cwd(), `${tmpdir.path}/`);
  return path.join(localRelative, `node-test.${process.pid}.sock`);
})();

// Node's test/common raises the happy-eyeballs attempt timeout tenfold,
// because test machines under load need longer per attempt.
const net = require('net');
net.setDefaultAutoSelectFamilyAttemptTimeout(
  platformTimeout(net.getDefaultAutoSelectFamilyAttemptTimeout() * 10));
const defaultAutoSelectFamilyAttemptTimeout = net.getDefaultAutoSelectFamilyAttemptTimeout();

function allowGlobals() {}

function mustNotMutateObjectDeep(o) {
  return o;
}

const common = {
  allowGlobals,
  defaultAutoSelectFamilyAttemptTimeout,
  expectsError,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  getCallSite,
  hasCrypto: false,
  hasIntl: typeof Intl === 'object',
  hasOpenSSL3: false,
  hasQuic: false,
  hasMultiLocalhost() { return false; },
  inFreeBSDJail: false,
  invalidArgTypeHelper,
  isAIX,
  isDumbTerminal,
  isFreeBSD,
  isIBMi: false,
  isLinux,
  isMacOS,
  isOSX: isMacOS,
  isOpenBSD,
  isPi: false,
  isSunOS,
  isWindows,
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  PIPE,
  platformTimeout,
  printSkipMessage,
  runWithInvalidFD,
  skip,
  skipIf32Bits,
  skipIfDumbTerminal,
  skipIfEslintMissing,
  skipIfInspectorDisabled,
  skipIfWorker,
  get hasIPv6() {
    return hasIPv6Loopback();
  },
  get PORT() {
    return Number(process.env.NODE_COMMON_PORT) || 12346;
  },
  get localIPv6Hosts() {
    return ['localhost', 'ip6-localhost', 'ip6-loopback', 'ipv6-localhost', 'ipv6-loopback'];
  },
  get localhostIPv6() {
    return '::1';
  },
  get hasFipsCrypto() {
    return false;
  },
};

module.exports = common;
