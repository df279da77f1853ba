const bookingPath = require.resolve('./models/booking');
const socialPath = require.resolve('./models/social');
module.exports = { bookingPath, socialPath };
