const { a } = require('./old');
const { b } = require('./old');

module.exports = [a, b];
