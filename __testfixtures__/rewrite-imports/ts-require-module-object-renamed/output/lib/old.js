"use strict";

exports.getCachedPaths = getCachedPaths;
exports.scope = new WeakMap();

function getCachedPaths(node) {
  return [node];
}
