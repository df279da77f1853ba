const bookingPath = require.resolve('./db/models/core');
const socialPath = require.resolve('./models/social');
module.exports = { bookingPath, socialPath };
