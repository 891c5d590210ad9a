'use strict';

// Stand-in for Node's test/common/fixtures.js. The runner links test/fixtures
// to Node's own fixtures directory.

const fs = require('fs');
const path = require('path');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

function fixturesPath(...args) {
  return path.join(fixturesDir, ...args);
}

function readFixtureSync(args, enc) {
  if (Array.isArray(args)) return fs.readFileSync(fixturesPath(...args), enc);
  return fs.readFileSync(fixturesPath(args), enc);
}

function readFixtureKey(name, enc) {
  return fs.readFileSync(fixturesPath('keys', name), enc);
}

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL(...args) {
    return require('url').pathToFileURL(fixturesPath(...args));
  },
  readSync: readFixtureSync,
  readKey: readFixtureKey,
};
