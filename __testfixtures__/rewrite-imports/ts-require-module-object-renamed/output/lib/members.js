"use strict";

var _cache = require("./new");

function paths(node) {
  if (_cache.scope.has(node)) return [];
  return (0, _cache.cachedPathsOf)(node).concat(_cache.cachedPathsOf(node.parent));
}

module.exports = { paths };
