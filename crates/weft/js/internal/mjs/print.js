'use strict';

// mJS's global `print(...)`, a weft addition (Node has no `print`): writes
// each argument followed by a space, then a newline, to stdout, formatted as
// mJS's mjs_fprintf does: integral numbers without a fraction, other numbers
// as C's %g, strings as they are, `<array>`, `<object>`, `<function>`,
// `null`, `undefined`, and a Net connection as `<foreign_ptr@ID>`.

let Connection;

// C's "%g": 6 significant digits, trailing zeros removed, an exponent when it
// is below -4 or at least 6.
function formatG(d) {
  if (Number.isNaN(d)) return 'nan';
  if (!Number.isFinite(d)) return d > 0 ? 'inf' : '-inf';
  const [mant, expStr] = d.toExponential(5).split('e');
  const exp = Number(expStr);
  const strip = (s) => (s.indexOf('.') === -1 ? s : s.replace(/0+$/, '').replace(/\.$/, ''));
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${strip(mant)}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return strip(d.toFixed(5 - exp));
}

function format(v) {
  switch (typeof v) {
    case 'number':
      if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v === 0 ? 0 : v) : BigInt(v).toString();
      return formatG(v);
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'function':
      return '<function>';
    case 'bigint':
      return v.toString();
    case 'symbol':
      return v.toString();
    default:
      break;
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return '<array>';
  if (Connection === undefined) Connection = require('internal/mjs/api_net').Connection;
  if (v instanceof Connection) return `<foreign_ptr@${v._id.toString(16)}>`;
  return '<object>';
}

// mJS strings are bytes. Data a Net connection received is a byte string
// (one character per byte): when such a string is valid UTF-8 its bytes are
// written as they are; other strings are written as UTF-8 text.
function toChunk(s) {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  const bytes = Buffer.from(s, 'latin1');
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes) ? bytes : s;
}

function print(...args) {
  let text = '';
  let chunks = null;
  for (let i = 0; i < args.length; i++) {
    const s = format(args[i]);
    const chunk = typeof args[i] === 'string' ? toChunk(s) : s;
    if (typeof chunk === 'string') {
      text += `${chunk} `;
    } else {
      if (chunks === null) chunks = [];
      chunks.push(Buffer.from(text, 'utf8'), chunk, Buffer.from(' '));
      text = '';
    }
  }
  text += '\n';
  if (chunks === null) {
    process.stdout.write(text);
  } else {
    chunks.push(Buffer.from(text, 'utf8'));
    process.stdout.write(Buffer.concat(chunks));
  }
}

module.exports = { print };
