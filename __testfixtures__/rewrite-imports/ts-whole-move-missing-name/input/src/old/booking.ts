export class Booking {}
export const legacyHelper = (): number => 1;
