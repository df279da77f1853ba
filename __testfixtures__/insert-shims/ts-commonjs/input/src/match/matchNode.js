'use strict';

/** Whether every property of `needle` matches `haystack`. */
function matchNode(haystack, needle) {
  return Object.keys(needle).every((key) => haystack[key] === needle[key]);
}

module.exports = matchNode;
