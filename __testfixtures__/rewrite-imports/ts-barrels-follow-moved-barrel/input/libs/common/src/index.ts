export * from './lib/public-api';
