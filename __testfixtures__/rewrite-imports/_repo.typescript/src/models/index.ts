export * from './booking';
export * from './social';
