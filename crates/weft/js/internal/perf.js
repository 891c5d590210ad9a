'use strict';

// A minimal `performance` global: now(), timeOrigin, mark/measure-free.

const binding = internalBinding('process');

function hrMs() {
  const [s, ns] = binding.hrtime();
  return s * 1e3 + ns / 1e6;
}

const origin = hrMs() - binding.uptime() * 1e3;
const timeOrigin = Date.now() - binding.uptime() * 1e3;

const performance = {
  now() {
    return hrMs() - origin;
  },
  timeOrigin,
  toJSON() {
    return { timeOrigin };
  },
};
Object.defineProperty(performance, Symbol.toStringTag, { value: 'Performance', configurable: true });

module.exports = { performance };
