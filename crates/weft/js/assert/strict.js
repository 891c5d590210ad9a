'use strict';

// require('assert/strict'): assert with strict comparisons.
module.exports = require('assert').strict;
