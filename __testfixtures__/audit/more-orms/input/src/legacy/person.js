const { Model } = require('objection');

class LegacyPerson extends Model {
  static get tableName() {
    return 'persons';
  }
}

class Animal extends Model {
  static tableName = 'animals';
}

module.exports = { LegacyPerson, Animal };
