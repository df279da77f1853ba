export type Status = 'open' | 'closed';
