export * from './core/billing';
export { Bill as Invoice } from './core/billing';
export * from './core/billing';
export { Bill as Receipt } from './core/billing';
