import bookings = require('./models/booking');
import stations = require('./models/station');

export const booking = new bookings.Booking('1');
export const user = new stations.UserStationAssignment('u', new stations.Station('OPO'));
