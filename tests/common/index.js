'use strict';

// A small stand-in for Node's test/common: call-count checks verified at
// exit, error matchers, and helpers for tests that talk to real peers.

const assert = require('assert');

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
    process._rawDebug(`Mismatched ${context.name} function calls. Expected ${context.messageSegment}, actual ${context.actual}.`);
    process._rawDebug(context.stack.split('\n').slice(2).join('\n'));
  }
  if (failed.length) process.exit(1);
}

function noop() {}

function mustCallInner(fn, criteria = 1, field = 'exact') {
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
    stack: new Error().stack || '',
    name: fn.name || '<anonymous>',
  };
  if (mustCallChecks.length === 0) process.on('exit', runCallChecks);
  mustCallChecks.push(context);
  const wrapped = function(...args) {
    context.actual++;
    return fn.apply(this, args);
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

function mustCall(fn, exact) {
  return mustCallInner(fn, exact, 'exact');
}

function mustCallAtLeast(fn, minimum) {
  return mustCallInner(fn, minimum, 'minimum');
}

function mustNotCall(msg) {
  const callSite = new Error().stack;
  return function mustNotCall(...args) {
    const argsInfo = args.length > 0 ? `\ncalled with arguments: ${args.map((a) => require('util').inspect(a)).join(', ')}` : '';
    assert.fail(`${msg || 'function should not have been called'} at ${callSite}${argsInfo}`);
  };
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail(`Expected one argument, got ${require('util').inspect(args)}`);
    const error = args.pop();
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}

function platformTimeout(ms) {
  return ms;
}

// The port of a peer started by the test runner (see tests/README.md), or undefined.
function peerPort() {
  const p = process.env.PEER_PORT;
  return p === undefined ? undefined : Number(p);
}

function hasIPv6() {
  const ifaces = require('os').networkInterfaces();
  return Object.keys(ifaces).some((name) => ifaces[name].some((i) => i.family === 'IPv6' && i.internal));
}

// Resolves once pred() is true, checking once per loop turn (no timers).
function until(pred) {
  return new Promise((resolve) => {
    (function check() {
      if (pred()) resolve();
      else setImmediate(check);
    })();
  });
}

// Runs async test steps one after another; a failure names its step.
// STEPS=1 prints each step's name.
function runSteps(steps) {
  (async () => {
    for (const step of steps) {
      if (process.env.STEPS) console.log(step.name);
      try {
        await step();
      } catch (err) {
        err.message = `${step.name}: ${err.message}`;
        throw err;
      }
    }
  })().then(mustCall());
}

module.exports = {
  until,
  runSteps,
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  expectsError,
  platformTimeout,
  peerPort,
  get hasIPv6() {
    return hasIPv6();
  },
  localhostIPv4: '127.0.0.1',
  isLinux: process.platform === 'linux',
};
