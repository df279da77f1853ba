"use strict";

const cache = require("./old");

module.exports = { cache, first: (node) => cache.getCachedPaths(node)[0] };
