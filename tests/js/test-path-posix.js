'use strict';
// path (POSIX): resolve, normalize, join, relative, dirname, basename, extname,
// isAbsolute, parse, format, sep, delimiter. Expected values are Node 20's.
const assert = require('assert');
const path = require('path');

assert.strictEqual(path.posix, path);
assert.strictEqual(path.sep, '/');
assert.strictEqual(path.delimiter, ':');
assert.strictEqual(path.posix.sep, '/');
assert.strictEqual(typeof path.win32.join, 'function');
assert.strictEqual(path.win32.sep, '\\');
assert.strictEqual(path.win32.delimiter, ';');

// [arguments, expected]; a string argument is a single argument.
const table = {
  resolve: [
    [["/foo/bar", "./baz"], "/foo/bar/baz"],
    [["/foo/bar", "/tmp/file/"], "/tmp/file"],
    [["/a", "b", "..", "c"], "/a/c"],
    [["/"], "/"],
    [["/", "..", ".."], "/"],
    [["/var/lib", "../", "file/"], "/var/file"],
    [["/some/dir", ".", "/absolute/"], "/absolute"],
    [["/foo/tmp.3/", "../tmp.3/cycles/root.js"], "/foo/tmp.3/cycles/root.js"],
    [["/a//b", "c//"], "/a/b/c"],
    [["/x", ""], "/x"],
    [["/x", "", ""], "/x"],
  ],
  normalize: [
    ["/foo/bar//baz/asdf/quux/..", "/foo/bar/baz/asdf"],
    ["./fixtures///b/../b/c.js", "fixtures/b/c.js"],
    ["/foo/../../../bar", "/bar"],
    ["a//b//../b", "a/b"],
    ["a//b//./c", "a/b/c"],
    ["a//b//.", "a/b"],
    ["/a/b/c/../../../x/y/z", "/x/y/z"],
    ["///..//./foo/.//bar", "/foo/bar"],
    ["bar/foo../../", "bar/"],
    ["bar/foo../..", "bar"],
    ["bar/foo../../baz", "bar/baz"],
    ["bar/foo../", "bar/foo../"],
    ["bar/foo..", "bar/foo.."],
    ["../foo../../../bar", "../../bar"],
    ["../.../.././.../../../bar", "../../bar"],
    ["../../../foo/../../../bar", "../../../../../bar"],
    ["../foo../../../bar/../../", "../../../"],
    ["../.../../foobar/../../../bar/../../baz", "../../../../baz"],
    ["foo/bar\\baz", "foo/bar\\baz"],
    ["", "."],
    [".", "."],
    ["..", ".."],
    ["/", "/"],
    ["//", "/"],
    ["a/", "a/"],
    ["./", "./"],
    ["../", "../"],
    ["/..", "/"],
  ],
  join: [
    [[".", "x/b", "..", "/b/c.js"], "x/b/c.js"],
    [[], "."],
    [["/.", "x/b", "..", "/b/c.js"], "/x/b/c.js"],
    [["/foo", "../../../bar"], "/bar"],
    [["foo", "../../../bar"], "../../bar"],
    [["foo/", "../../../bar"], "../../bar"],
    [["foo/x", "../../../bar"], "../bar"],
    [["foo/x", "./bar"], "foo/x/bar"],
    [["foo/x/", "./bar"], "foo/x/bar"],
    [["foo/x/", ".", "bar"], "foo/x/bar"],
    [["./"], "./"],
    [[".", "./"], "./"],
    [[".", ".", "."], "."],
    [[".", "./", "."], "."],
    [["", ""], "."],
    [["", "foo"], "foo"],
    [["foo", ""], "foo"],
    [["", "/foo"], "/foo"],
    [["", "", "/foo"], "/foo"],
    [["", "", "foo"], "foo"],
    [["/", "/foo"], "/foo"],
    [["/", "//foo"], "/foo"],
    [["/", "", "/foo"], "/foo"],
    [[" /foo"], " /foo"],
    [[" ", "foo"], " /foo"],
    [[" ", "."], " "],
    [[" ", "/"], " /"],
    [["/", "foo"], "/foo"],
    [["a", "b", "c"], "a/b/c"],
    [["/a", "/b/", "c/"], "/a/b/c/"],
  ],
  relative: [
    [["/var/lib", "/var"], ".."],
    [["/var/lib", "/bin"], "../../bin"],
    [["/var/lib", "/var/lib"], ""],
    [["/var/lib", "/var/apache"], "../apache"],
    [["/var/", "/var/lib"], "lib"],
    [["/", "/var/lib"], "var/lib"],
    [["/foo/test", "/foo/test/bar/package.json"], "bar/package.json"],
    [["/Users/a/web/b/test/mails", "/Users/a/web/b"], "../.."],
    [["/foo/bar/baz-quux", "/foo/bar/baz"], "../baz"],
    [["/foo/bar/baz", "/foo/bar/baz-quux"], "../baz-quux"],
    [["/baz-quux", "/baz"], "../baz"],
    [["/baz", "/baz-quux"], "../baz-quux"],
    [["/page1/page2/foo", "/"], "../../.."],
    [["/data/orandea/test/aaa", "/data/orandea/impl/bbb"], "../../impl/bbb"],
    [["/a", "/a/"], ""],
    [["", ""], ""],
  ],
  dirname: [
    ["/a/b/", "/a"],
    ["/a/b", "/a"],
    ["/a", "/"],
    ["", "."],
    ["/", "/"],
    ["////", "/"],
    ["//a", "//"],
    ["foo", "."],
    ["a/b/c", "a/b"],
    ["/a/b//", "/a"],
    ["a//b", "a/"],
    [".", "."],
    ["..", "."],
    ["./a", "."],
    ["//", "/"],
  ],
  basename: [
    [["/aaa/bbb.txt"], "bbb.txt"],
    [["/aaa/bbb.txt", ".txt"], "bbb"],
    [["/aaa/bbb.txt", "txt"], "bbb."],
    [["/aaa/bbb.txt", "bbb.txt"], "bbb.txt"],
    [["/aaa/bbb.txt", "xbbb.txt"], "bbb.txt"],
    [["aaa/bbb/"], "bbb"],
    [["aaa/bbb//"], "bbb"],
    [["/"], ""],
    [["//a"], "a"],
    [[""], ""],
    [[".js", ".js"], ""],
    [["file.js.old", ".js.old"], "file"],
    [["a", "a"], ""],
    [["/aaa/", "aaa"], "aaa"],
    [["/aaa/b", "a/b"], "b"],
    [["basename.ext/", ".ext"], "basename"],
    [["basename.ext//", ".ext"], "basename"],
    [["aaa/bbb", "bb"], "b"],
    [["aaa/bbb", "b"], "bb"],
    [["/aaa/bbb", "bbb"], "bbb"],
    [["\\dir\\basename.ext"], "\\dir\\basename.ext"],
    [["foo.js", ".JS"], "foo.js"],
  ],
  extname: [
    ["", ""],
    ["/path/to/file", ""],
    ["/path/to/file.ext", ".ext"],
    ["/path.to/file.ext", ".ext"],
    ["/path.to/file", ""],
    ["/path.to/.file", ""],
    ["/path.to/.file.ext", ".ext"],
    ["/path/to/f.ext", ".ext"],
    ["/path/to/..ext", ".ext"],
    ["/path/to/..", ""],
    ["file", ""],
    ["file.ext", ".ext"],
    [".file", ""],
    [".file.ext", ".ext"],
    ["/file", ""],
    ["/file.ext", ".ext"],
    ["/.file", ""],
    ["/.file.ext", ".ext"],
    [".path/file.ext", ".ext"],
    ["file.ext.ext", ".ext"],
    ["file.", "."],
    [".", ""],
    ["./", ""],
    [".file.ext", ".ext"],
    [".file", ""],
    [".file.", "."],
    [".file..", "."],
    ["..", ""],
    ["../", ""],
    ["..file.ext", ".ext"],
    ["..file", ".file"],
    ["..file.", "."],
    ["..file..", "."],
    ["...", "."],
    ["...ext", ".ext"],
    ["....", "."],
    ["file.ext/", ".ext"],
    ["file.ext//", ".ext"],
    ["file/", ""],
    ["file//", ""],
    ["file./", "."],
    ["file.//", "."],
  ],
  isAbsolute: [
    ["/home/foo", true],
    ["/home/foo/..", true],
    ["bar/", false],
    ["./baz", false],
    ["", false],
    ["//server", true],
    ["C:\\foo", false],
    [".", false],
  ],
  parse: [
    ["/home/user/dir/file.txt", {"root": "/", "dir": "/home/user/dir", "base": "file.txt", "ext": ".txt", "name": "file"}],
    ["./file", {"root": "", "dir": ".", "base": "file", "ext": "", "name": "file"}],
    ["/", {"root": "/", "dir": "/", "base": "", "ext": "", "name": ""}],
    ["", {"root": "", "dir": "", "base": "", "ext": "", "name": ""}],
    [".", {"root": "", "dir": "", "base": ".", "ext": "", "name": "."}],
    ["..", {"root": "", "dir": "", "base": "..", "ext": "", "name": ".."}],
    ["/foo/bar.baz.qux", {"root": "/", "dir": "/foo", "base": "bar.baz.qux", "ext": ".qux", "name": "bar.baz"}],
    [".bashrc", {"root": "", "dir": "", "base": ".bashrc", "ext": "", "name": ".bashrc"}],
    ["/.bashrc", {"root": "/", "dir": "/", "base": ".bashrc", "ext": "", "name": ".bashrc"}],
    ["a/b/", {"root": "", "dir": "a", "base": "b", "ext": "", "name": "b"}],
    ["//a", {"root": "/", "dir": "/", "base": "a", "ext": "", "name": "a"}],
    ["///a//b//", {"root": "/", "dir": "///a/", "base": "b", "ext": "", "name": "b"}],
    ["file.", {"root": "", "dir": "", "base": "file.", "ext": ".", "name": "file"}],
    ["/a/.b.c", {"root": "/", "dir": "/a", "base": ".b.c", "ext": ".c", "name": ".b"}],
    ["x.", {"root": "", "dir": "", "base": "x.", "ext": ".", "name": "x"}],
    ["..txt", {"root": "", "dir": "", "base": "..txt", "ext": ".txt", "name": "."}],
  ],
};

let count = 0;
for (const [fn, cases] of Object.entries(table)) {
  for (const [args, expected] of cases) {
    const actual = Array.isArray(args) ? path[fn](...args) : path[fn](args);
    assert.deepStrictEqual(actual, expected, `path.${fn}(${JSON.stringify(args)})`);
    count++;
  }
}
assert.ok(count > 150, `only ${count} cases`);

// resolve() relative to the working directory.
assert.strictEqual(path.resolve(), process.cwd());
assert.strictEqual(path.resolve(''), process.cwd());
assert.strictEqual(path.resolve('a/b', '../c'), process.cwd() === '/' ? '/a/c' : `${process.cwd()}/a/c`);
assert.strictEqual(path.relative('', ''), '');
assert.strictEqual(path.relative('a/b', 'a/c'), '../c');
assert.strictEqual(path.relative('.', process.cwd()), '');

// parse and format round-trip.
for (const p of ['/home/user/dir/file.txt', 'a/b.c', '/x', 'rel/.hidden']) {
  assert.strictEqual(path.format(path.parse(p)), p);
}

// format: dir wins over root, base wins over name+ext, ext gets a dot.
assert.strictEqual(path.format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' }), '/home/user/dir/file.txt');
assert.strictEqual(path.format({ root: '/', base: 'file.txt', ext: 'ignored' }), '/file.txt');
assert.strictEqual(path.format({ root: '/', name: 'file', ext: '.txt' }), '/file.txt');
assert.strictEqual(path.format({ name: 'file', ext: 'txt' }), 'file.txt');
assert.strictEqual(path.format({ dir: 'd', name: 'n', ext: '.e' }), 'd/n.e');
assert.strictEqual(path.format({ root: '/' }), '/');
assert.strictEqual(path.format({ dir: '/' , base: 'x' }), '//x');
assert.strictEqual(path.format({}), '');
assert.throws(() => path.format(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pathObject" argument must be of type object. Received null',
});
assert.throws(() => path.format('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// Argument validation.
for (const fn of ['join', 'normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse']) {
  assert.throws(() => path[fn](null), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: 'The "path" argument must be of type string. Received null',
  }, fn);
}
assert.throws(() => path.resolve(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "paths[0]" argument must be of type string. Received null',
});
assert.throws(() => path.resolve('a', 3), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "paths[1]" argument must be of type string. Received type number (3)',
});
assert.throws(() => path.join('a', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string. Received type number (1)',
});
assert.throws(() => path.relative('a', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "to" argument must be of type string. Received an instance of Object',
});
assert.throws(() => path.relative(1, 'a'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "from" argument must be of type string. Received type number (1)',
});
assert.throws(() => path.basename('a', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "suffix" argument must be of type string. Received type number (1)',
});

// toNamespacedPath is the identity on POSIX.
assert.strictEqual(path.toNamespacedPath('/a/b'), '/a/b');
assert.strictEqual(path.toNamespacedPath(5), 5);
