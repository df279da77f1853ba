import { Booking } from "./models/booking";
import { lib, lib as l2 } from "./lib";
export const x = [Booking, lib, l2];
