'use strict';
const social = require('./models/social'),
  lead = 'a lead';
const modelsLead = require('./db/models/lead');

module.exports = () => [modelsLead.BusinessSocialAccount, social.Follower, lead];
