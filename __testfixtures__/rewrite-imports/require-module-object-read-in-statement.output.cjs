'use strict';
const social = require('./models/social'),
  Account = social.SocialAccount;

module.exports = () => [Account, social.Follower];
