// Réservations: non-ASCII text before the edit.
export { Booking } from "../models/booking.js";
