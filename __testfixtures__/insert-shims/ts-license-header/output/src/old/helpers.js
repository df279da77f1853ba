/*! helpers v1.0 | (c) Example | MIT License */
'use strict';
// remodel: deprecation shim for src/old/helpers (generated: re-running remodel regenerates it)
// Moved to src/db/helpers: require it from there. This module only re-exports it, deprecated.

/** @deprecated Use `require('../db/helpers')` from src/db/helpers. */
module.exports = require('../db/helpers');
