// the canonical barrel: a star over a module whose name moves (name-level)
export * from './booking';
export { type BookingEntity as Booking } from '../db/booking';
