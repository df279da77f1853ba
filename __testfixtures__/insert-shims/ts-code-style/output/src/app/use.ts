import { Booking } from "../db/booking"
import { greet } from "../legacy/people"
import { Customer } from "../db/customer"

export const booking = new Booking()
export const customer = new Customer()
export const hello = greet("ada")
