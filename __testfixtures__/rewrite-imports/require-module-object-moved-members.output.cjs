'use strict';
const social = require('./models/social');
const lead = require('./db/models/lead');

module.exports = (id, handle) => [new lead.BusinessSocialAccount(id), new social.Follower(handle), lead.CustomerSocialIdentity];
