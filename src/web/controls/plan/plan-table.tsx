import { Link } from '@tanstack/react-router';
import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { useCurrentMethodology } from '../../risks/methodology/methodology-api.js';
import { AcceptanceState } from './acceptance-state.js';
import { ActionProgress, ControlList, LevelMove, OptionList, RevisitFlag } from './plan-row-parts.js';
import '../../risks/risks.css';
import '../soa/soa.css';
import './plan.css';
import { Button } from '../../ui/button.js';

interface Props {
  org: string;
  rows: PlanRow[];
  caption: string;
  /** the rows the signed-in member may accept (owned, not validly accepted); none for a frozen version */
  canAccept?: (row: PlanRow) => boolean;
  onAccept?: (row: PlanRow) => void;
}

/** The treated risks, one row each: where the risk stands, how it is treated, progress and the owner's acceptance. */
export function PlanTable({ org, rows, caption, canAccept, onAccept }: Props) {
  const { t } = useT();
  const m = useCurrentMethodology(org).data?.methodology;
  return (
    <div className="table-wrap">
      <table className="table plan-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planPage.column.risk')}</th>
            <th scope="col">{t('planPage.column.levels')}</th>
            <th scope="col">{t('planPage.column.controls')}</th>
            <th scope="col">{t('planPage.column.progress')}</th>
            <th scope="col">{t('planPage.column.acceptance')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.riskId}>
              <th scope="row" className="plan-table__risk">
                <Link to="/o/$org/risks/$id" params={{ org, id: row.riskId }}>
                  <span className="mono">{row.ref}</span> {row.title}
                </Link>
                <span className="muted plan-table__owner">
                  {row.owner ? t('planPage.owner', { owner: row.owner }) : t('planPage.noOwner')}
                </span>
                <OptionList row={row} />
                {row.needsRevisit ? <RevisitFlag /> : null}
              </th>
              <td>
                <LevelMove row={row} m={m} />
              </td>
              <td>
                <ControlList org={org} row={row} />
              </td>
              <td>
                <ActionProgress org={org} row={row} />
              </td>
              <td>
                <AcceptanceState acceptance={row.acceptance} compact />
                {canAccept?.(row) && onAccept ? (
                  <div>
                    <Button
                      size="small"
                      className="plan-table__accept"
                      onClick={() => onAccept(row)}
                      aria-label={t('planPage.acceptFor', { ref: row.ref })}
                    >
                      {t('planPage.accept')}
                    </Button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
