import * as bookings from './db/models/core';
import * as stations from './db/models/identity';

export const b: bookings.Booking = bookings.createBooking('1');
export const assignment = new stations.StationUser('u', new stations.Station('LIS'));
export type Assignment = stations.StationUser;
