import { BookingEntity, make } from '../shadowed';
import { Booking as Spelled } from '../spelled';

export const made: BookingEntity = make('1');
export const spelled: Spelled = made;
