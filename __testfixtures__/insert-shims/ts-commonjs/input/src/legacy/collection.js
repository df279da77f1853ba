class Collection {
  constructor(items) {
    this.items = items;
  }
}

module.exports = { Collection };
