const { legacyHelper } = require('../old/booking');
const b = require('../db/core').Booking;
module.exports = [legacyHelper, b];
