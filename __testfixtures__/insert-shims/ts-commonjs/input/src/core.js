'use strict';

const matchNode = require('./matchNode');

module.exports = { matches: (node) => matchNode(node, { type: 'Identifier' }) };
