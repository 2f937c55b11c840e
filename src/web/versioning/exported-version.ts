const positive = (v: string | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/**
 * The version the export buttons give: the one asked for in the URL, else the approved version in force (an
 * auditor asking for "the" document wants what was approved, not the draft in progress), else the one shown.
 */
export function exportedVersion(
  asked: string | undefined,
  record: Record<string, unknown>,
  shownNo: number | undefined,
): number | undefined {
  return positive(asked) ?? (typeof record.approvedVersion === 'number' ? record.approvedVersion : shownNo);
}
