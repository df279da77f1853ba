declare const jest: { mock(path: string): void };
declare function require(path: string): unknown;
jest.mock('../archive/models/booking');
const models = require('../archive/models') as typeof import('../archive/models');
export const made = new models.Booking();
