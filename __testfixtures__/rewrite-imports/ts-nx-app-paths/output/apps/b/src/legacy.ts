export type { Booking } from '@app/models/booking';
export type { Booking as BookingOfA } from '../../a/src/entities/booking';
