import * as bookings from './models/booking';
import * as stations from './models/station';

export const b: bookings.Booking = bookings.createBooking('1');
export const assignment = new stations.UserStationAssignment('u', new stations.Station('LIS'));
export type Assignment = stations.UserStationAssignment;
