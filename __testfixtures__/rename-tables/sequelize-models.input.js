const { DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  const User = sequelize.define('User', { email: DataTypes.STRING }, { tableName: 'users' });
  const Order = sequelize.define(
    'Order',
    {
      userId: { type: DataTypes.INTEGER, references: { model: 'users', key: 'id' } },
    },
    { tableName: "orders", underscored: true },
  );
  const Account = sequelize.define('Account', {}, { tableName: 'social_accounts', schema: 'identity' });
  sequelize.query('UPDATE orders SET total = 0 WHERE user_id IS NULL');
  return { User, Order, Account };
};
