declare const jest: { mock(path: string): void };
declare function require(path: string): unknown;
jest.mock('../legacy/models/booking');
const models = require('../legacy/models') as typeof import('../legacy/models');
export const made = new models.Booking();
