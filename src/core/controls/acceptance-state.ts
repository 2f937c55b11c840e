/** What an acceptance is checked against: the risk's treatment version and its owner now. */
export interface AcceptanceSubject {
  treatmentVersion: number;
  ownerId: string | null;
  /** when the owner last changed (null: not since owners were tracked) */
  ownerChangedAt: string | null;
}

export interface AcceptanceRow {
  treatmentVersion: number;
  acceptedBy: string;
  acceptedAt: string;
  expiresOn: string | null;
}

/**
 * Whether the owner's latest acceptance still holds (6.1.3 f). It is bound to the treatment version read and to the
 * owner who gave it: a newer treatment, or any change of owner since it was given (even one that later returns to
 * its giver), makes it outdated; past its review date it is expired. The one rule the treatment, the plan and the
 * checks read.
 */
export function acceptanceState(
  a: AcceptanceRow,
  s: AcceptanceSubject,
  today: string,
): 'valid' | 'outdated' | 'expired' {
  if (a.treatmentVersion !== s.treatmentVersion) return 'outdated';
  if (a.acceptedBy !== s.ownerId || (s.ownerChangedAt !== null && s.ownerChangedAt >= a.acceptedAt)) return 'outdated';
  return a.expiresOn && a.expiresOn < today ? 'expired' : 'valid';
}
