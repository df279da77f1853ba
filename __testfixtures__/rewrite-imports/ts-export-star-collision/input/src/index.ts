export * from './legacy/account';
export * from './ui/user';
