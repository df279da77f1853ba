import './db/models/core';
import './models/social';
import '@/db/models/identity';
