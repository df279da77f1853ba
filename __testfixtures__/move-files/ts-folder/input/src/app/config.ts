import defaults from '../legacy/models/defaults.json';

export const currency: string = defaults.currency;
