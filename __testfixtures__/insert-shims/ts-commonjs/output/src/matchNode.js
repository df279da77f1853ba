'use strict';
// remodel: deprecation shim for src/matchNode (generated: re-running remodel regenerates it)
// Moved to src/match/matchNode: require it from there. This module only re-exports it, deprecated.

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
/** @type {Record<string, any>} */
const deprecationWarned = /** @type {any} */ (globalThis);
if (typeof deprecationWarned.process !== 'undefined' && typeof deprecationWarned.process.emitWarning === 'function' && !deprecationWarned['remodel:src/matchNode']) {
  deprecationWarned['remodel:src/matchNode'] = true;
  deprecationWarned.process.emitWarning('src/matchNode is deprecated: import from src/match/matchNode', 'DeprecationWarning');
}

/** @deprecated Use `require('./match/matchNode')` from src/match/matchNode. */
module.exports = require('./match/matchNode');
