import { useId } from 'react';
import { methodologySchema } from '../../../schema/risks/methodology.schema.js';
import { riskMethodologyRegister } from '../../../schema/risks/risk-methodology.register.js';
import { useT } from '../../i18n/i18n.js';
import { useVersion, type Version } from '../../versioning/versioned-api.js';
import { useCurrentMethodology, useLatestRescore, useRescorePreview } from './methodology-api.js';
import { levelChanges, MovesTable } from './rescore-moves.js';
import { QueryState } from '../../ui/query-state.js';

const methodologyOf = (content: Record<string, unknown> | undefined) =>
  methodologySchema.safeParse(content?.methodology).data;

/**
 * In the approval dialog: what approving this version would do to every evaluated risk (approval re-scores them
 * all in the same transaction), so top management signs knowing which risks change level and which cross the
 * acceptance line.
 */
export function RescorePreviewPanel({ org, id, version }: { org: string; id: string; version: Version }) {
  const { t } = useT();
  const titleId = useId();
  const preview = useRescorePreview(org, id, version.versionNo, version.contentHash);
  const current = useCurrentMethodology(org);
  const after = methodologyOf(version.content);
  return (
    <section className="mx-rescore" aria-labelledby={titleId}>
      <h3 id={titleId} className="mx-rescore__title">
        {t('riskMethodology.rescore.previewTitle')}
      </h3>
      <QueryState
        query={preview}
        loadingLabel={t('riskMethodology.rescore.computing')}
        isEmpty={(data) => data.total === 0}
        empty={
          <>
            <p>{t('riskMethodology.rescore.previewNone')}</p>
          </>
        }
      >
        {(data) => (
          <>
            <p className="mx-rescore__summary">
              <strong>
                {t('riskMethodology.rescore.previewSummary', {
                  changed: levelChanges(data.moves),
                  total: data.total,
                  crossed: data.crossed,
                })}
              </strong>
            </p>
            {data.moves.length ? (
              <MovesTable
                moves={data.moves}
                before={current.data?.methodology}
                after={after}
                caption={t('riskMethodology.rescore.previewTitle')}
              />
            ) : (
              <p className="muted">{t('riskMethodology.rescore.noMoves')}</p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** On the methodology page: what the latest approval's re-scoring moved, kept until the next approval. */
export function LatestRescoreCard({ org, id }: { org: string; id: string }) {
  const { t, formatDateTime } = useT();
  const titleId = useId();
  const latest = useLatestRescore(org);
  const r = latest.data ?? null;
  const before = useVersion(org, riskMethodologyRegister, id, r?.fromVersion ?? undefined);
  const after = useVersion(org, riskMethodologyRegister, id, r?.toVersion);
  if (!r) return null;
  const changed = levelChanges(r.moves);
  return (
    <section className="card mx-rescore-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('riskMethodology.rescore.lastTitle', { no: r.toVersion })}
      </h2>
      <p className="mx-rescore__summary">
        {r.total === 0
          ? t('riskMethodology.rescore.lastNone')
          : t('riskMethodology.rescore.lastSummary', { changed, total: r.total, crossed: r.crossed })}{' '}
        <span className="muted">{formatDateTime(r.createdAt)}</span>
      </p>
      {r.moves.length ? (
        <details className="mx-rescore-card__details" open={r.moves.length <= 8}>
          <summary>
            {r.moves.length === 1
              ? t('riskMethodology.rescore.showMove')
              : t('riskMethodology.rescore.showMoves', { count: r.moves.length })}
          </summary>
          <MovesTable
            moves={r.moves}
            before={methodologyOf(before.data?.content)}
            after={methodologyOf(after.data?.content)}
            caption={t('riskMethodology.rescore.lastTitle', { no: r.toVersion })}
          />
        </details>
      ) : null}
    </section>
  );
}
