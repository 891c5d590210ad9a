'use strict';

// Stand-in for Node's test/common/countdown.js: calls back once after
// `limit` calls to dec().

const assert = require('assert');
const { mustCall } = require('./');

class Countdown {
  #remaining;
  #callback;

  constructor(limit, cb) {
    assert.strictEqual(typeof limit, 'number');
    assert.strictEqual(typeof cb, 'function');
    this.#remaining = limit;
    this.#callback = mustCall(cb);
  }

  dec() {
    assert(this.#remaining > 0, 'Countdown expired');
    if (--this.#remaining === 0) this.#callback();
    return this.#remaining;
  }

  get remaining() {
    return this.#remaining;
  }
}

module.exports = Countdown;
