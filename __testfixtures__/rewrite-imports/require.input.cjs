'use strict';
const { Booking } = require('./models/booking');
const { SocialAccount, Follower } = require('./models/social');
const { UserStationAssignment: Assignment } = require('./models/station');
const SocialIdentity = require('./models/social').SocialIdentity;

module.exports = { Booking, SocialAccount, Follower, Assignment, SocialIdentity };
