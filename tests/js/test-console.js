'use strict';
// console: util.format semantics, stream choice, counters, timers and groups.
const common = require('../common');
const assert = require('assert');
const { Writable } = require('stream');

function collector() {
  const lines = [];
  const stream = new Writable({
    write(chunk, enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

const out = collector();
const err = collector();
const c = new console.Console({ stdout: out.stream, stderr: err.stream });
c.log('%s is %d years and %i days', 'Bob', 42.5, 3.9);
c.log('%j %o %%', { a: 1 }, [1]);
c.log('%f', '1.5', 'extra', 2);
c.info('info');
c.debug('debug');
c.error('error %s', 'x');
c.warn('warn');
c.log({ nested: { deep: { deeper: { deepest: 1 } } } });
c.count();
c.count('x');
c.count();
c.countReset();
c.count();
c.group('G');
c.log('inside');
c.group();
c.log('two\nlines');
c.groupEnd();
c.groupEnd();
c.log('outside');
c.assert(true, 'never');
c.assert(false, 'failed %s', 'here');
c.dir({ a: [1, 2] });

assert.deepStrictEqual(out.lines, [
  'Bob is 42.5 years and 3 days\n',
  '{"a":1} [ 1, [length]: 1 ] %\n',
  '1.5 extra 2\n',
  'info\n',
  'debug\n',
  '{ nested: { deep: { deeper: [Object] } } }\n',
  'default: 1\n',
  'x: 1\n',
  'default: 2\n',
  'default: 1\n',
  'G\n',
  '  inside\n',
  '    two\n    lines\n',
  'outside\n',
  '{ a: [ 1, 2 ] }\n',
]);
assert.deepStrictEqual(err.lines, ['error x\n', 'warn\n', 'Assertion failed: failed here\n']);

// time / timeEnd print "label: N.NNNms".
const t = collector();
const tc = new console.Console(t.stream);
tc.time('op');
tc.timeEnd('op');
assert.match(t.lines[0], /^op: \d+(\.\d+)?ms\n$/);

// The global console writes through process.stdout once it is replaced.
const seen = [];
const origWrite = process.stdout.write;
process.stdout.write = function(chunk) {
  seen.push(String(chunk));
  return true;
};
console.log('via %s', 'stdout', 7);
process.stdout.write = origWrite;
assert.deepStrictEqual(seen, ['via stdout 7\n']);

assert.throws(() => new console.Console({}), { code: 'ERR_CONSOLE_WRITABLE_STREAM' });
common.mustCall()();
