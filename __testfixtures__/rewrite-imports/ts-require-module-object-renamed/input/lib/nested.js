"use strict";

function lazy(node) {
  const cache = require("./old");
  return cache.getCachedPaths(node);
}

module.exports = { lazy };
