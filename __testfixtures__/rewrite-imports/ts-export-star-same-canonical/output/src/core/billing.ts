export class Bill { constructor(public total: number) {} }
export const CURRENCY = 'EUR';
