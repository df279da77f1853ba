'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      this.hasMany(models.Post, { foreignKey: 'authorId' });
      this.belongsTo(models.Team);
    }
  }
  User.init(
    {
      email: { type: DataTypes.STRING, allowNull: false, unique: true },
      name: DataTypes.STRING,
      teamId: { type: DataTypes.INTEGER, references: { model: 'Teams', key: 'id' } },
    },
    { sequelize, modelName: 'User' },
  );
  return User;
};
