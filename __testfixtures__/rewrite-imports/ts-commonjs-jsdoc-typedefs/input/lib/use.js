"use strict";

const { isComma, isSemicolon: isSemi } = require("./old");

module.exports = (token) => isComma(token) || isSemi(token);
