export default class Order { constructor(public id: number) {} }
