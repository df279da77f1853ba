export class Order { constructor(public id: number) {} }
export interface OrderLine { sku: string }
export namespace Order { export const kind = 'order'; }
