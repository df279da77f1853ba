export type Stations = typeof import('./models/station');
export type Bookings = typeof import('./models/booking');
