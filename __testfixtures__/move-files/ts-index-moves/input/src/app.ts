import { Booking } from "./models/booking";
import { lib } from "./lib";
import { lib as l2 } from "./lib/index";
export const x = [Booking, lib, l2];
