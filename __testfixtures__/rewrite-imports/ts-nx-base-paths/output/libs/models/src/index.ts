export * from './lib/booking';
export * from './lib/invoice';
