import { Booking } from '@/db/models/booking';
import { total, type Invoice } from '../db/models/sub/invoice';

export const sum = (invoice: Invoice): number => total(invoice) + new Booking().id;
