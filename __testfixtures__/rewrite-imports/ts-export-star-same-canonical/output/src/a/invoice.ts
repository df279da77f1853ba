export class Invoice { constructor(public total: number) {} }
export const CURRENCY = 'EUR';
