import { Invoice } from './db/legacy/invoice';
import type { Invoice as InvoiceType } from '@/db/legacy/invoice';

export const invoice: InvoiceType = new Invoice(3);
