/** @typedef {import('./models/station').UserStationAssignment} Assignment */

/**
 * @param {import("./models/booking").Booking} booking
 * @returns {Promise<import('./models/station').UserStationAssignment[]>}
 */
export async function assignments(booking) {
  return booking ? [] : [];
}

/** @type {import('./models/booking').Booking | undefined} */
export const current = undefined;

export const cast = /** @type {import('./models/booking').Booking} */ (/** @type {unknown} */ (current));

export class Holder {
  /** @type {import('./models/booking').Booking | null} */
  booking = null;
}
