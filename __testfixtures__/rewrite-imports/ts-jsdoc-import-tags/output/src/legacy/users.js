export class OldUser {
  /** @param {string} name */
  constructor(name) {
    this.name = name;
  }
}
