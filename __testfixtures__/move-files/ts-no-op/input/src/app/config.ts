import defaults from '../archive/models/defaults.json';

export const currency: string = defaults.currency;
