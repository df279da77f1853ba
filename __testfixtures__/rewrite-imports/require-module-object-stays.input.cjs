'use strict';
const social = require('./models/social');

module.exports = (handle) => [new social.Follower(handle), social.Follower.name];
