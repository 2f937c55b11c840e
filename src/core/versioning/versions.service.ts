/**
 * Versioned records (scope statements, methodologies, the SoA, documents…), the module's entry: stored versions and
 * reading them (version-store.ts), saving drafts (version-drafts.service.ts) and approving them
 * (version-approval.service.ts).
 */
export {
  contentHash,
  currentVersionNo,
  emptyContent,
  getVersion,
  listVersions,
  type Content,
} from './version-store.js';
export { saveDraft, saveDraftIn, type DraftInput } from './version-drafts.service.js';
export { approveVersion, settleApproval } from './version-approval.service.js';
