// remodel: deprecation shim for apps/b/src/old-review (generated: re-running remodel regenerates it)
// Moved to libs/db/src/review: import from there. This module only re-exports, deprecated.
import * as review from '../../../libs/db/src/review';

/** @deprecated Use `import { Review } from 'libs/db/src/review'`. */
export const Review = review.Review;
/** @deprecated Use `import { Review } from 'libs/db/src/review'`. */
export type Review = review.Review;
