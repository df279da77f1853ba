export * as bookings from './db/models/core';
export * as social from './models/social';
