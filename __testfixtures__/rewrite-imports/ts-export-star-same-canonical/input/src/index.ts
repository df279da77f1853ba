export * from './a/invoice';
export * from './b/receipt';
