/** @import { Currency } from './types.js' */

/**
 * @param {import('./types.js').Money} money
 * @param {Currency} currency
 */
export function format(money, currency) {
  return `${money.amount} ${currency}`;
}
