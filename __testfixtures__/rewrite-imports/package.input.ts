import { Invoice } from './legacy/invoice';
import type { Invoice as InvoiceType } from '@/legacy/invoice';

export const invoice: InvoiceType = new Invoice(3);
