export * from '@b/review';
