'use strict';

// atob / btoa per the HTML spec (forgiving-base64), with Node's errors.

const { lazyDOMException } = require('internal/util');

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Character code -> 6-bit value, -1 for characters outside the alphabet.
const kDecodeTable = new Int8Array(256).fill(-1);
for (let i = 0; i < kAlphabet.length; i++) {
  kDecodeTable[kAlphabet.charCodeAt(i)] = i;
}

function missingArgs() {
  const { codes } = require('internal/errors');
  return new codes.ERR_MISSING_ARGS('input');
}

function isAsciiWhitespace(code) {
  // TAB, LF, FF, CR, SPACE
  return code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20;
}

/**
 * Encodes a binary string (code units <= 0xFF) as base64.
 * @param {string} input
 * @returns {string}
 */
function btoa(input) {
  if (arguments.length === 0) {
    throw missingArgs();
  }
  input = `${input}`;
  const len = input.length;
  for (let i = 0; i < len; i++) {
    if (input.charCodeAt(i) > 0xff) {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  let out = '';
  let i = 0;
  for (; i + 2 < len; i += 3) {
    const n = (input.charCodeAt(i) << 16) | (input.charCodeAt(i + 1) << 8) |
      input.charCodeAt(i + 2);
    out += kAlphabet[n >> 18] + kAlphabet[(n >> 12) & 63] +
      kAlphabet[(n >> 6) & 63] + kAlphabet[n & 63];
  }
  const rest = len - i;
  if (rest === 1) {
    const n = input.charCodeAt(i) << 16;
    out += `${kAlphabet[n >> 18]}${kAlphabet[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (input.charCodeAt(i) << 16) | (input.charCodeAt(i + 1) << 8);
    out += `${kAlphabet[n >> 18]}${kAlphabet[(n >> 12) & 63]}${kAlphabet[(n >> 6) & 63]}=`;
  }
  return out;
}

/**
 * Decodes base64 to a binary string (forgiving-base64 decode).
 * @param {string} input
 * @returns {string}
 */
function atob(input) {
  if (arguments.length === 0) {
    throw missingArgs();
  }
  input = `${input}`;

  // Collect the 6-bit values, skipping ASCII whitespace.
  const values = [];
  let end = input.length;
  // Find the significant length ignoring whitespace, to locate padding.
  let significant = 0;
  for (let i = 0; i < end; i++) {
    if (!isAsciiWhitespace(input.charCodeAt(i))) significant++;
  }
  // With a length multiple of 4, up to two trailing '=' are padding.
  let padding = 0;
  if (significant % 4 === 0) {
    let j = end - 1;
    while (j >= 0 && padding < 2) {
      const code = input.charCodeAt(j);
      if (isAsciiWhitespace(code)) {
        j--;
        continue;
      }
      if (code !== 0x3d) break; // '='
      padding++;
      j--;
    }
    if (padding > 0) {
      // Drop the padding characters (and the whitespace around them).
      let removed = 0;
      let k = end - 1;
      while (removed < padding) {
        if (input.charCodeAt(k) === 0x3d) removed++;
        k--;
      }
      end = k + 1;
    }
  }

  for (let i = 0; i < end; i++) {
    const code = input.charCodeAt(i);
    if (isAsciiWhitespace(code)) continue;
    const v = code < 256 ? kDecodeTable[code] : -1;
    if (v === -1) {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
    values.push(v);
  }

  if (values.length % 4 === 1) {
    throw lazyDOMException(
      'The string to be decoded is not correctly encoded.',
      'InvalidCharacterError');
  }

  let out = '';
  let i = 0;
  const len = values.length;
  for (; i + 3 < len; i += 4) {
    const n = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6) | values[i + 3];
    out += String.fromCharCode(n >> 16, (n >> 8) & 0xff, n & 0xff);
  }
  const rest = len - i;
  if (rest === 2) {
    const n = (values[i] << 18) | (values[i + 1] << 12);
    out += String.fromCharCode(n >> 16);
  } else if (rest === 3) {
    const n = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6);
    out += String.fromCharCode(n >> 16, (n >> 8) & 0xff);
  }
  return out;
}

module.exports = { atob, btoa };
