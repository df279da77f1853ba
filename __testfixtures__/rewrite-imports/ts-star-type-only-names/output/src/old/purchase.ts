export class Purchase { constructor(public id: number) {} }
export interface PurchaseLine { sku: string }
export const TAX = 0.2;
