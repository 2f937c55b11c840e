import { useId, useState } from 'react';
import type { ObjectivesCompare } from '../../schema/objectives/objectives-document.register.js';
import { useT } from '../i18n/i18n.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import type { VersionSummary } from '../versioning/versioned-api.js';
import { defaultPair } from '../controls/soa/soa-compare-card.js';
import { useObjectivesCompare } from './objective-api.js';
import { targetText } from './objective-text.js';

type Row = ObjectivesCompare['rows'][number];

/**
 * Two versions of the objectives document objective by objective (`/compare`): added, removed, target, deadline,
 * statement or other changes, with the target and deadline before and after.
 */
export function ObjectivesCompareCard({
  org,
  id,
  versions,
  approvedVersion,
}: {
  org: string;
  id: string;
  versions: VersionSummary[];
  approvedVersion: number | null;
}) {
  const { t, td, formatNumber, formatDate } = useT();
  const uid = useId();
  const initial = defaultPair(versions, approvedVersion);
  const [pair, setPair] = useState(initial);
  const cmp = useObjectivesCompare(org, id, pair?.from, pair?.to);
  if (!initial || !pair) return null;
  const side = (s: Row['before']) =>
    s
      ? [
          targetText(s, formatNumber) ?? td(`objectives.measurementMode.${s.measurementMode}`),
          s.deadline ? formatDate(s.deadline) : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : t('common.empty');
  return (
    <section className="card obj-compare" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('objectivesDoc.compare.title')}
      </h2>
      <div className="obj-compare__pick">
        {(['from', 'to'] as const).map((end) => (
          <label key={end}>
            <span>{t(end === 'from' ? 'objectivesDoc.compare.from' : 'objectivesDoc.compare.to')}</span>
            <select value={pair[end]} onChange={(e) => setPair({ ...pair, [end]: Number(e.target.value) })}>
              {versions.map((v) => (
                <option key={v.versionNo} value={v.versionNo}>
                  {t('objectivesDoc.compare.version', { no: v.versionNo, state: td(`versions.state.${v.state}`) })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {pair.from === pair.to ? (
        <p className="muted">{t('objectivesDoc.compare.same')}</p>
      ) : (
        <QueryState query={cmp}>
          {(data) =>
            data.rows.length === 0 ? (
              <p aria-live="polite">
                {t('objectivesDoc.compare.none', { from: data.from.versionNo, to: data.to.versionNo })}
              </p>
            ) : (
              <div aria-live="polite">
                <p>
                  {t('objectivesDoc.compare.summary', {
                    count: formatNumber(data.rows.length),
                    from: data.from.versionNo,
                    to: data.to.versionNo,
                  })}
                </p>
                <DataTable<Row>
                  caption={t('objectivesDoc.compare.caption', { from: data.from.versionNo, to: data.to.versionNo })}
                  rows={data.rows}
                  rowKey={(r) => r.ref}
                  columns={[
                    {
                      id: 'objective',
                      header: t('objectivesDoc.column.objective'),
                      rowHeader: true,
                      cell: (r) => (
                        <>
                          <span className="mono">{r.ref}</span> {r.title}
                        </>
                      ),
                    },
                    {
                      id: 'changes',
                      header: t('objectivesDoc.compare.changes'),
                      cell: (r) => r.changes.map((c) => td(`objectivesDoc.change.${c}`)).join(', '),
                    },
                    { id: 'before', header: t('objectivesDoc.compare.before'), cell: (r) => side(r.before) },
                    { id: 'after', header: t('objectivesDoc.compare.after'), cell: (r) => side(r.after) },
                  ]}
                />
              </div>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
