import Booking, { createBooking } from "../db/models/core";

export const first: Booking = createBooking("1");
