// a later import of the barrel already binds the new name
import { Booking } from '../both';
import { BookingEntity } from '../both';

export const ids = (list: Booking[]): BookingEntity[] => list;
