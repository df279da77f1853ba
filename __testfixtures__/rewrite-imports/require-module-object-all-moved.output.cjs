'use strict';
const social = require('./db/models/lead');

module.exports = (id) => (0, social.BusinessSocialAccount).name + new social.CustomerSocialIdentity(id).provider;
