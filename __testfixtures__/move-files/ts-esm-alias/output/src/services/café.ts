// Réservations: non-ASCII text before the edit.
export { Booking } from "../models/DEPRECATED/booking.js";
