const { legacyHelper } = require('../old/booking');
const b = require('../old/booking').Booking;
module.exports = [legacyHelper, b];
