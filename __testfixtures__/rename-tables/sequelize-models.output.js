const { DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  const User = sequelize.define('User', { email: DataTypes.STRING }, { tableName: 'api_users' });
  const Order = sequelize.define(
    'Order',
    {
      userId: { type: DataTypes.INTEGER, references: { model: 'api_users', key: 'id' } },
    },
    { tableName: "purchase_orders", underscored: true },
  );
  const Account = sequelize.define('Account', {}, { tableName: 'oauth_accounts', schema: 'identity' });
  sequelize.query('UPDATE orders SET total = 0 WHERE user_id IS NULL');
  return { User, Order, Account };
};
