import bookings = require('./db/models/core');
import stations = require('./db/models/identity');

export const booking = new bookings.Booking('1');
export const user = new stations.StationUser('u', new stations.Station('OPO'));
