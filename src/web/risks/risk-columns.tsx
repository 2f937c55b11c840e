import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT, type I18n } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { FormField } from '../ui/form-field.js';
import { PickedList, RecordCombobox } from '../register/record-combobox.js';
import type { ColumnSpec } from '../register/register-table.js';
import type { RegisterSearch } from '../register/register-search.js';
import { AcceptanceMarker, CellValue, LevelBadge, levelOf } from './risk-level.js';
import { assetRegister } from '../../schema/risks/asset.register.js';

/** The risk list's columns: the level as a badge, the cell with the scale labels, the evaluation, the priority. */
export function riskColumns({ t }: I18n, m: Methodology | null | undefined): ColumnSpec[] {
  return [
    'title',
    {
      id: 'level',
      header: t('risks.column.evaluation'),
      sortField: 'levelRank',
      cell: (r) => <RiskLevelCell record={r} m={m} />,
    },
    { id: 'priority', header: t('risks.field.priority'), sortField: 'priority', cell: (r) => <Priority record={r} /> },
    'ownerId',
    'status',
  ];
}

/** The level badge and whether it is acceptable, and under them the cell of the matrix ("High × Medium"). */
function RiskLevelCell({ record, m }: { record: RegisterRecord; m: Methodology | null | undefined }) {
  return (
    <span className="risk-level-cell">
      <span className="risk-level-cell__verdict">
        <LevelBadge level={levelOf(m, record.level as string | null)} />
        {record.level ? <AcceptanceMarker acceptable={record.acceptable as boolean | null} /> : null}
      </span>
      {typeof record.likelihood === 'number' ? (
        <span className="muted small">
          <CellValue m={m} likelihood={record.likelihood} consequence={record.consequenceLevel} />
        </span>
      ) : null}
    </span>
  );
}

function Priority({ record }: { record: RegisterRecord }) {
  const { t } = useT();
  if (typeof record.priority !== 'number') return <span className="muted">{t('common.empty')}</span>;
  return (
    <span className="priority">
      <span className="priority__n">{record.priority}</span>
      {typeof record.priorityOverride === 'number' ? (
        <span className="muted small"> {t('risks.prioritySetByOwner')}</span>
      ) : null}
    </span>
  );
}

interface FilterProps {
  org: string;
  search: RegisterSearch;
  onChange: (patch: RegisterSearch) => void;
}

/** Level of risk: any, one level of the methodology, or the combination a link asked for. */
export function LevelFilter({ search, onChange, m }: FilterProps & { m: Methodology | null | undefined }) {
  const { t } = useT();
  const value = search.level ?? '';
  const levels = [...(m?.levels ?? [])].reverse();
  const known = levels.some((l) => l.key === value);
  return (
    <FormField label={t('risks.field.level')}>
      <select value={value} onChange={(e) => onChange({ level: e.target.value || undefined })}>
        <option value="">{t('register.any')}</option>
        {value && !known ? (
          <option value={value}>
            {value
              .split(',')
              .map((k) => levelOf(m, k)?.label ?? k)
              .join(', ')}
          </option>
        ) : null}
        {levels.map((l) => (
          <option key={l.key} value={l.key}>
            {l.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** Risks bearing on one asset, the asset found by typing (server-side search over the whole asset register). */
export function AssetFilter({ org, search, onChange }: FilterProps) {
  const { t } = useT();
  const assetId = search.assetId;
  const chosen = useQuery({
    queryKey: ['org', org, 'assets', 'record', assetId],
    enabled: !!assetId,
    queryFn: () => api.get(orgPath(org, `/assets/${encodeURIComponent(assetId!)}`), assetRegister.recordSchema),
    retry: false,
  });
  const [key, setKey] = useState(0);
  const pick = useCallback(
    (r: { id: string }) => {
      onChange({ assetId: r.id });
      setKey((k) => k + 1);
    },
    [onChange],
  );
  if (assetId) {
    const a = chosen.data;
    const picked = {
      id: assetId,
      ref: a?.ref ?? t('risks.filter.assetChosen'),
      title: a?.name ?? '',
    };
    return (
      <div className="field asset-filter">
        <span className="field__label-row">
          <span className="field__label">{t('risks.filter.asset')}</span>
        </span>
        <PickedList
          items={[picked]}
          label={t('risks.filter.asset')}
          onRemove={() => onChange({ assetId: undefined })}
        />
      </div>
    );
  }
  return (
    <RecordCombobox
      key={key}
      org={org}
      entity="asset"
      collection="assets"
      label={t('risks.filter.asset')}
      onPick={pick}
    />
  );
}
