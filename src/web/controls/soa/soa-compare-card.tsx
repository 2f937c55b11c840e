import { useId, useState } from 'react';
import { SOA_CHANGES, type SoaCompare, type SoaRow } from '../../../schema/controls/soa.register.js';
import { useT, type I18n } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { QueryState } from '../../ui/query-state.js';
import type { VersionSummary } from '../../versioning/versioned-api.js';
import { useSoaCompare } from './soa-api.js';
import { justificationText, statusText } from './soa-lines.js';
import { ApplicabilityPill } from './soa-statement-view.js';

type Change = (typeof SOA_CHANGES)[number];

/** Which two versions to compare first: the draft against the approved one, else the latest two. */
export function defaultPair(
  versions: VersionSummary[],
  approvedVersion: number | null,
): { from: number; to: number } | undefined {
  const latest = versions[0];
  if (!latest || versions.length < 2) return undefined;
  if (latest.state === 'draft' && approvedVersion && approvedVersion !== latest.versionNo)
    return { from: approvedVersion, to: latest.versionNo };
  const previous = versions[1];
  return previous ? { from: previous.versionNo, to: latest.versionNo } : undefined;
}

/**
 * Two SoA versions line by line (`/compare`): counts by kind of change, then the controls under each kind with the
 * value before and after. A control can appear under several kinds (its applicability and its reason both changed).
 */
export function SoaCompareCard({
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
  const { t, td, formatNumber } = useT();
  const uid = useId();
  const initial = defaultPair(versions, approvedVersion);
  const [pair, setPair] = useState(initial);
  const cmp = useSoaCompare(org, id, pair?.from, pair?.to);
  if (!initial || !pair) return null;
  const total = cmp.data ? cmp.data.rows.length : 0;
  return (
    <section className="card soa-compare" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('soaPage.compare.title')}
      </h2>
      <div className="soa-compare__pick">
        {(['from', 'to'] as const).map((end) => (
          <label key={end}>
            <span>{t(end === 'from' ? 'soaPage.compare.from' : 'soaPage.compare.to')}</span>
            <select value={pair[end]} onChange={(e) => setPair({ ...pair, [end]: Number(e.target.value) })}>
              {versions.map((v) => (
                <option key={v.versionNo} value={v.versionNo}>
                  {t('soaPage.compare.version', { no: v.versionNo, state: td(`versions.state.${v.state}`) })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {pair.from === pair.to ? (
        <p className="muted">{t('soaPage.compare.same')}</p>
      ) : (
        <QueryState query={cmp}>
          {(data) => (
            <div aria-live="polite">
              <p>
                {total === 0
                  ? t('soaPage.compare.none', { from: data.from.versionNo, to: data.to.versionNo })
                  : total === 1
                    ? t('soaPage.compare.summaryOne', { from: data.from.versionNo, to: data.to.versionNo })
                    : t('soaPage.compare.summary', {
                        count: formatNumber(total),
                        from: data.from.versionNo,
                        to: data.to.versionNo,
                      })}
              </p>
              {total > 0 ? <CompareGroups data={data} /> : null}
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}

function CompareGroups({ data }: { data: SoaCompare }) {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  return (
    <>
      <ul className="soa-compare__counts">
        {SOA_CHANGES.map((kind) => (
          <li key={kind} className={data.counts[kind] ? '' : 'muted'}>
            {t(`soaPage.change.${kind}`)}: <strong>{formatNumber(data.counts[kind] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      {SOA_CHANGES.map((kind) => {
        const rows = data.rows.filter((r) => r.changes.includes(kind));
        if (rows.length === 0) return null;
        return (
          <details key={kind} className="soa-compare__group" open={rows.length <= 12}>
            <summary>
              {t(`soaPage.change.${kind}`)} ({formatNumber(rows.length)})
            </summary>
            <DataTable
              className="compare__rows"
              caption={t(`soaPage.change.${kind}`)}
              rows={rows}
              rowKey={(r) => r.ref}
              columns={[
                {
                  id: 'control',
                  header: t('soaPage.column.control'),
                  rowHeader: true,
                  cell: (r) => (
                    <>
                      <span className="mono">{r.ref}</span> {r.title}
                    </>
                  ),
                },
                {
                  id: 'before',
                  header: t('versions.compare.before'),
                  cell: (r) =>
                    r.before ? (
                      <Side i18n={i18n} kind={kind} row={r.before} mark="removed" />
                    ) : (
                      <span className="muted">{t('common.empty')}</span>
                    ),
                },
                {
                  id: 'after',
                  header: t('versions.compare.after'),
                  cell: (r) =>
                    r.after ? (
                      <Side i18n={i18n} kind={kind} row={r.after} mark="added" />
                    ) : (
                      <span className="muted">{t('common.empty')}</span>
                    ),
                },
              ]}
            />
          </details>
        );
      })}
    </>
  );
}

/** One side of a changed line: what the kind of change is about, marked as removed or added (not colour alone). */
function Side({ i18n, kind, row, mark }: { i18n: I18n; kind: Change; row: SoaRow; mark: 'added' | 'removed' }) {
  const { t } = i18n;
  const Mark = mark === 'added' ? 'ins' : 'del';
  const text = (() => {
    switch (kind) {
      case 'status':
        return statusText(i18n, row) || t('soaPage.compare.notApplicable');
      case 'justification':
        return justificationText(i18n, row) || t('soaPage.noReason');
      case 'other':
        return [row.title, row.owner ? `${t('controls.field.owner')}: ${row.owner}` : null, row.implementation]
          .filter(Boolean)
          .join(' · ');
      default:
        return justificationText(i18n, row);
    }
  })();
  return (
    <Mark className="soa-compare__side">
      <span className="visually-hidden">[{t(`versions.compare.${mark}`)}: </span>
      {kind === 'applicability' || kind === 'added' || kind === 'removed' ? (
        <ApplicabilityPill value={row.applicability} />
      ) : null}{' '}
      {text}
      <span className="visually-hidden">]</span>
    </Mark>
  );
}
