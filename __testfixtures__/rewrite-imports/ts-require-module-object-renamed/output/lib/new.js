"use strict";

exports.cachedPathsOf = cachedPathsOf;
exports.scope = new WeakMap();

function cachedPathsOf(node) {
  return [node];
}
