'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class Team extends Model {}
  Team.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Team' });
  return Team;
};
