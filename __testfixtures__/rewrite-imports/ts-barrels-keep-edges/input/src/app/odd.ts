import { Booking, make } from '../shadowed';
import { Booking as Spelled } from '../spelled';

export const made: Booking = make('1');
export const spelled: Spelled = made;
