'use strict';

// Stand-in for Node's test/common/tmpdir.js: one scratch directory per test
// worker (TEST_THREAD_ID), emptied by refresh() and removed at exit.

const fs = require('fs');
const path = require('path');

const testRoot = process.env.NODE_TEST_DIR ?
  fs.realpathSync(process.env.NODE_TEST_DIR) : path.resolve(__dirname, '..');
const tmpPath = path.join(testRoot,
                          `.tmp.${process.env.TEST_SERIAL_ID || process.env.TEST_THREAD_ID || '0'}`);

function rm(p) {
  fs.rmSync(p, { maxRetries: 3, recursive: true, force: true });
}

let firstRefresh = true;
function refresh() {
  rm(tmpPath);
  fs.mkdirSync(tmpPath);
  if (firstRefresh) {
    firstRefresh = false;
    process.on('exit', () => {
      try {
        process.chdir(testRoot);
        rm(tmpPath);
      } catch (e) {
        console.error("Can't clean tmpdir:", tmpPath, e.message);
      }
    });
  }
}

function resolve(...paths) {
  return path.resolve(tmpPath, ...paths);
}

function hasEnoughSpace() {
  return true;
}

function fileURL(...paths) {
  const { pathToFileURL } = require('url');
  return pathToFileURL(resolve(...paths) + (paths.length ? '' : path.sep));
}

module.exports = {
  fileURL,
  hasEnoughSpace,
  path: tmpPath,
  refresh,
  resolve,
};
