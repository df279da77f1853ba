"use strict";

/**
 * @typedef {Object} Token
 * @property {string} value
 */

/**
 * @param {Token} token
 * @returns {boolean}
 */
function isComma(token) {
	return token.value === ",";
}

module.exports = {
	isComma,
	isSemicolon(token) {
		return token.value === ";";
	},
};
