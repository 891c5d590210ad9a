'use strict';

// path/posix: the POSIX path functions (path itself on this platform).
module.exports = require('path').posix;
