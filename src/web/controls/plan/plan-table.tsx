import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import type { PlanRow } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { useCurrentMethodology } from '../../risks/methodology/methodology-api.js';
import { DataTable, type DataColumn } from '../../ui/data-table.js';
import type { PaginationProps } from '../../ui/pagination.js';
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
  /** the live plan is paged on the server */
  pagination?: PaginationProps;
}

/** The treated risks, one row each: where the risk stands, how it is treated, progress and the owner's acceptance. */
export function PlanTable({ org, rows, caption, canAccept, onAccept, pagination }: Props) {
  const { t } = useT();
  const m = useCurrentMethodology(org).data?.methodology;
  const columns = useMemo<DataColumn<PlanRow>[]>(
    () => [
      {
        id: 'risk',
        header: t('planPage.column.risk'),
        rowHeader: true,
        className: 'plan-table__risk',
        cell: (row) => (
          <>
            <Link to="/o/$org/risks/$id" params={{ org, id: row.riskId }}>
              <span className="mono">{row.ref}</span> {row.title}
            </Link>
            <span className="muted plan-table__owner">
              {row.owner ? t('planPage.owner', { owner: row.owner }) : t('planPage.noOwner')}
            </span>
            <OptionList row={row} />
            {row.needsRevisit ? <RevisitFlag /> : null}
          </>
        ),
      },
      { id: 'levels', header: t('planPage.column.levels'), cell: (row) => <LevelMove row={row} m={m} /> },
      { id: 'controls', header: t('planPage.column.controls'), cell: (row) => <ControlList org={org} row={row} /> },
      { id: 'progress', header: t('planPage.column.progress'), cell: (row) => <ActionProgress org={org} row={row} /> },
      {
        id: 'acceptance',
        header: t('planPage.column.acceptance'),
        cell: (row) => (
          <>
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
          </>
        ),
      },
    ],
    [org, t, m, canAccept, onAccept],
  );
  return (
    <DataTable
      className="plan-table"
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.riskId}
      pagination={pagination}
    />
  );
}
