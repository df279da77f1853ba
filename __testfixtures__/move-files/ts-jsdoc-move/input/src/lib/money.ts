/** A sum. @see {@link import('./types.js').Money} */
export type Sum = import('./types.js').Money;

/** @type {import('./types.js').Currency} */
export const defaultCurrency = 'EUR';
