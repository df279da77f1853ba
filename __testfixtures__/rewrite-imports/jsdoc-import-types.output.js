/** @typedef {import('./db/models/identity').StationUser} Assignment */

/**
 * @param {import("./db/models/core").Booking} booking
 * @returns {Promise<import('./db/models/identity').StationUser[]>}
 */
export async function assignments(booking) {
  return booking ? [] : [];
}

/** @type {import('./db/models/core').Booking | undefined} */
export const current = undefined;

export const cast = /** @type {import('./db/models/core').Booking} */ (/** @type {unknown} */ (current));

export class Holder {
  /** @type {import('./db/models/core').Booking | null} */
  booking = null;
}
