/**
 * Documented information over time (7.5.3 c, d): reviews that keep a document current (document-review.service.ts)
 * and retention and disposal of records and withdrawn documents (document-disposal.service.ts).
 */
export { listReviews, recordReview } from './document-review.service.js';
export { currentDisposal, decideDisposal, listDisposals, proposeDisposal } from './document-disposal.service.js';
