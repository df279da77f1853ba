export * as bookings from './models/booking';
export * as social from './models/social';
