"use strict";

var cache = require("./old");
var first = cache.getCachedPaths;
var cache = { getCachedPaths: first };

module.exports = { cache };
