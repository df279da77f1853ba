export type Stations = typeof import('./models/station');
export type Bookings = typeof import('./db/models/core');
