import { Booking } from "../legacy/booking"
import { LegacyCustomer, greet } from "../legacy/people"

export const booking = new Booking()
export const customer = new LegacyCustomer()
export const hello = greet("ada")
