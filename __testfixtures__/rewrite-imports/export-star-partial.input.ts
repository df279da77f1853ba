export * from './social';
