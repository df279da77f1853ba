'use strict';

const matchNode = require('./match/matchNode');

module.exports = { matches: (node) => matchNode(node, { type: 'Identifier' }) };
