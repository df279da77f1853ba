import { base } from '../base';

export class Booking { b = base; }
export function make(): Booking { return new Booking(); }
export type BookingId = string;
