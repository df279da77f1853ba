'use strict';
const { Booking } = require('./db/models/core');
const { Follower } = require('./models/social');
const { BusinessSocialAccount: SocialAccount } = require('./db/models/lead');
const { StationUser: Assignment } = require('./db/models/identity');
const SocialIdentity = require('./db/models/lead').CustomerSocialIdentity;

module.exports = { Booking, SocialAccount, Follower, Assignment, SocialIdentity };
