"use strict";

const { isComma, isSemicolon: isSemi } = require("./new");

module.exports = (token) => isComma(token) || isSemi(token);
