const User = require('../models/User');
const { Account } = require('../models/Account');

module.exports = async function list(req, res) {
  res.json({ users: await User.find(), accounts: await Account.find() });
};
