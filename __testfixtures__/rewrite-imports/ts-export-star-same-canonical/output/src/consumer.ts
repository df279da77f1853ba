import { Invoice, Receipt, CURRENCY } from './index';
export const all = [new Invoice(1), new Receipt(2), CURRENCY];
