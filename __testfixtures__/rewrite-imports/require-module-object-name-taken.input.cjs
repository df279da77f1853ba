'use strict';
const social = require('./models/social'),
  lead = 'a lead';

module.exports = () => [social.SocialAccount, social.Follower, lead];
