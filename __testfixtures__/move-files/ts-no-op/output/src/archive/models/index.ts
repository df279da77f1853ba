export * from './booking';
export * from './customer';
