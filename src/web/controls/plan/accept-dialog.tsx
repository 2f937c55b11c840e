import { useEffect, useRef } from 'react';
import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { AcceptancePanel } from './acceptance-panel.js';
import { useTreatment } from './plan-api.js';
import { QueryState } from '../../ui/query-state.js';

/** The owner's acceptance of one plan row, in a modal dialog over the plan (the treatment is read when it opens). */
export function AcceptDialog({
  org,
  row,
  onClose,
  onAccepted,
}: {
  org: string;
  row: PlanRow | null;
  onClose: () => void;
  onAccepted: (ref: string) => void;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const treatment = useTreatment(org, row?.riskId ?? '', !!row);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (row && !d.open) d.showModal();
    if (!row && d.open) d.close();
  }, [row]);

  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="accept-title" onClose={onClose}>
      {row ? (
        <div className="accept-dialog">
          <h2 id="accept-title">{t('acceptance.dialog.title', { ref: row.ref })}</h2>
          <p className="muted">{row.title}</p>
          <QueryState query={treatment}>
            {(data) => (
              <AcceptancePanel org={org} riskId={row.riskId} treatment={data} onAccepted={() => onAccepted(row.ref)} />
            )}
          </QueryState>
          <div className="form__actions accept-dialog__close">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('acceptance.dialog.close')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
