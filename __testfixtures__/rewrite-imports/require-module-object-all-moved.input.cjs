'use strict';
const social = require('./models/social');

module.exports = (id) => (0, social.SocialAccount).name + new social.SocialIdentity(id).provider;
