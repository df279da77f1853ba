export class Receipt { constructor(public total: number) {} }
