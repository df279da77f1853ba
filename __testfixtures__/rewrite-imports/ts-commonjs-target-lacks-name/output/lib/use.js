const { a } = require('./new');
const { b } = require('./old');

module.exports = [a, b];
