import { useT } from '../../i18n/i18n.js';

/** The audit's status in words (and a shape of colour beside them: never colour alone). */
export function AuditStatusPill({ status }: { status: string }) {
  const { td } = useT();
  return <span className={`audit-status audit-status--${status}`}>{td(`internal-audits.status.${status}`)}</span>;
}

/** A checklist conclusion in words, marked for findings. */
export function ConclusionPill({ conclusion }: { conclusion: string }) {
  const { td } = useT();
  return <span className={`conclusion conclusion--${conclusion}`}>{td(`audits.conclusion.${conclusion}`)}</span>;
}
