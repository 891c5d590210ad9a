'use strict';

// The public `module` built-in: the CommonJS Module class.
module.exports = require('internal/modules/cjs');
