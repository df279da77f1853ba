/** @typedef {{ amount: number, currency: string }} Money */
/** @typedef {'EUR' | 'USD'} Currency */
export const CURRENCIES = ['EUR', 'USD'];
