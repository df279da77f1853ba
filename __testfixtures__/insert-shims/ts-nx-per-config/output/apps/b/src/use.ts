import { Review } from '../../../libs/db/src/review';

export const reviews: Review[] = [];
