export interface Invoice {
  total: number;
}

export function total(invoice: Invoice): number {
  return invoice.total;
}
