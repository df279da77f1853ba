// the old name reaches this barrel by two routes: the old module and the canonical barrel
export * from './models/booking';
export { type BookingEntity } from './db/booking';
export * from './models';
