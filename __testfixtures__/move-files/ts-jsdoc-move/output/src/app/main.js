import { format } from '../lib/legacy/format.js';
import { defaultCurrency } from '../lib/legacy/money';

export const text = format({ amount: 1, currency: 'EUR' }, defaultCurrency);
