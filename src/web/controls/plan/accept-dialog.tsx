import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { AcceptancePanel } from './acceptance-panel.js';
import { useTreatment } from './plan-api.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
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
  const treatment = useTreatment(org, row?.riskId ?? '', !!row);

  return (
    <Dialog
      open={!!row}
      onClose={onClose}
      wide
      title={row ? t('acceptance.dialog.title', { ref: row.ref }) : ''}
      titleId="accept-title"
      footer={<Button onClick={onClose}>{t('acceptance.dialog.close')}</Button>}
    >
      {row ? (
        <div className="accept-dialog">
          <p className="muted">{row.title}</p>
          <QueryState query={treatment}>
            {(data) => (
              <AcceptancePanel org={org} riskId={row.riskId} treatment={data} onAccepted={() => onAccepted(row.ref)} />
            )}
          </QueryState>
        </div>
      ) : null}
    </Dialog>
  );
}
