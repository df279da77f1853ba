const { Model } = require('objection');

class Person extends Model {
  static tableName = 'persons';
}

class Animal extends Model {
  static get tableName() {
    return 'animals';
  }
}

module.exports = { Person, Animal };
