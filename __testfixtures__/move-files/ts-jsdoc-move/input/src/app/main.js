import { format } from '../lib/format.js';
import { defaultCurrency } from '../lib/money';

export const text = format({ amount: 1, currency: 'EUR' }, defaultCurrency);
