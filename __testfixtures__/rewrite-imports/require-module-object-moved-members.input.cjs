'use strict';
const social = require('./models/social');

module.exports = (id, handle) => [new social.SocialAccount(id), new social.Follower(handle), social.SocialIdentity];
