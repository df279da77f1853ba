/*! helpers v1.0 | (c) Example | MIT License */
'use strict';

module.exports = function helper() {
  return 1;
};
