import { Review } from './old-review';

export const reviews: Review[] = [];
