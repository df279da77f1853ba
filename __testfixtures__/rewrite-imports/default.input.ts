import Booking, { createBooking } from "../models/booking";

export const first: Booking = createBooking("1");
