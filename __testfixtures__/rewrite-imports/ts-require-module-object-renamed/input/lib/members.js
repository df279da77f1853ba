"use strict";

var _cache = require("./old");

function paths(node) {
  if (_cache.scope.has(node)) return [];
  return (0, _cache.getCachedPaths)(node).concat(_cache.getCachedPaths(node.parent));
}

module.exports = { paths };
