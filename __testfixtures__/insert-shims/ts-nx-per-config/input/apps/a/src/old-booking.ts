export * from '@a/booking';
