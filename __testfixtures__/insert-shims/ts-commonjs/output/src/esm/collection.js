export class Collection {
  constructor(items) {
    this.items = items;
  }
}
