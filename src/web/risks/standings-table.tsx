import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';
import { optionLabel } from '../register/field-value.js';
import { AcceptanceMarker, CellValue, LevelBadge, levelOf } from './risk-level.js';
import type { Standing } from '../../schema/risks/risks.responses.js';
import { DataTable, type DataColumn } from '../ui/data-table.js';

/** Level badge and "likelihood × consequence" of a risk as it stood, on the scales of the version it used. */
export function StandingLevel({ s, m }: { s: Standing | null; m: Methodology | undefined }) {
  const { t } = useT();
  if (!s) return <span className="muted">{t('risk-assessments.compare.absent')}</span>;
  return (
    <span className="standing">
      <LevelBadge level={levelOf(m, s.level)} />
      {s.likelihood !== null ? (
        <span className="standing__cell muted small">
          <CellValue m={m} likelihood={s.likelihood} consequence={s.consequence} />
        </span>
      ) : null}
    </span>
  );
}

/** The frozen results of an assessment, by priority. */
export function StandingsTable({
  org,
  rows,
  m,
  caption,
}: {
  org: string;
  rows: Standing[];
  m: Methodology | undefined;
  caption: string;
}) {
  const i18n = useT();
  const { t } = i18n;
  const columns = useMemo<DataColumn<Standing>[]>(
    () => [
      {
        id: 'priority',
        header: t('risks.field.priority'),
        cell: (s) => s.priority ?? <span className="muted">{t('common.empty')}</span>,
      },
      {
        id: 'ref',
        header: t('register.ref'),
        cell: (s) => (
          <Link to="/o/$org/risks/$id" params={{ org, id: s.riskId }}>
            {s.ref}
          </Link>
        ),
      },
      { id: 'title', header: t('risks.field.title'), cell: (s) => s.title },
      { id: 'level', header: t('risks.field.level'), cell: (s) => <StandingLevel s={s} m={m} /> },
      {
        id: 'acceptable',
        header: t('risks.field.acceptable'),
        cell: (s) => <AcceptanceMarker acceptable={s.acceptable} />,
      },
      {
        id: 'owner',
        header: t('risks.field.owner'),
        cell: (s) => s.ownerLabel ?? <span className="muted">{t('common.empty')}</span>,
      },
      {
        id: 'status',
        header: t('risks.field.status'),
        cell: (s) => (
          <span className={`pill pill--status-${s.status}`}>{optionLabel(i18n, 'risks', 'status', s.status)}</span>
        ),
      },
    ],
    [org, m, i18n, t],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(s) => s.riskId} />;
}
