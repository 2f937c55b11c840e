import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterSearch } from '../register/register-search.js';
import { HeatMap, HeatMapLegend } from './heat-map.js';
import { MethodologyLink } from './methodology-link.js';
import { useHeatMap } from './risks-api.js';
import type { HeatMapData, MethodologyInForce } from '../../schema/risks/risks.responses.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { paginated } from '../../schema/common/primitives.js';
import { QueryState } from '../ui/query-state.js';

interface Props {
  org: string;
  search: RegisterSearch;
  inForce: MethodologyInForce;
}

/** The filters the heat map shares with the list: whose risks, and on which asset. */
const scopeOf = (search: RegisterSearch) => ({ ownerId: search.ownerId, assetId: search.assetId });

/**
 * The picture before the list: the heat map of the open risks (following the list's owner and asset filters),
 * its legend with the count per level, and what needs attention (not evaluated, due for reassessment).
 */
export function RiskOverview({ org, search, inForce }: Props) {
  const { t, formatDate, formatNumber } = useT();
  const scope = scopeOf(search);
  const map = useHeatMap(org, scope);
  const due = useQuery({
    queryKey: ['org', org, 'risks', 'list', 'due-count', scope],
    queryFn: () =>
      api.get(orgPath(org, '/risks'), paginated(riskRegister.recordSchema), {
        query: { ...scope, reassessmentDue: 'true', open: 'true', pageSize: 1 },
      }),
    select: (p) => p.total,
  });
  const selected =
    search.likelihood && search.consequenceLevel
      ? { likelihood: Number(search.likelihood), consequence: Number(search.consequenceLevel) }
      : undefined;
  const toList = (extra: RegisterSearch, content: ReactNode, label?: string) => (
    <Link
      to="/o/$org/risks"
      params={{ org }}
      search={{ ...scope, open: 'true', ...extra }}
      aria-label={label}
      hash="risk-list"
    >
      {content}
    </Link>
  );

  if (map.isPending || map.isError) return <QueryState query={map}>{() => null}</QueryState>;
  const data = map.data;
  if (!data.methodology) return null;
  const withScales = data as HeatMapData & { methodology: NonNullable<HeatMapData['methodology']> };
  const needTreatment = data.cells
    .filter((c) => !data.methodology!.levels.find((l) => l.key === c.level)?.acceptable)
    .reduce((n, c) => n + c.count, 0);

  return (
    <div className="risk-overview">
      <section className="card risk-overview__map" aria-labelledby="heat-map-title">
        <div className="card__header">
          <h2 id="heat-map-title" className="card__title">
            {t('risks.heatMap.title')}
          </h2>
          <p className="muted small">
            {t(data.total === 1 ? 'risks.heatMap.leadOne' : 'risks.heatMap.lead', { count: formatNumber(data.total) })}
          </p>
        </div>
        {data.total === 0 ? <p className="muted">{t('risks.heatMap.empty')}</p> : null}
        <HeatMap
          data={withScales}
          selected={selected}
          cellLink={(l, c, content, label) =>
            toList({ likelihood: String(l), consequenceLevel: String(c) }, content, label)
          }
        />
      </section>
      <aside className="risk-overview__side">
        <section className="card" aria-labelledby="levels-title">
          <h2 id="levels-title" className="card__title">
            {t('risks.heatMap.legend')}
          </h2>
          <HeatMapLegend data={withScales} levelLink={(key, content) => toList({ level: key }, content)} />
        </section>
        <section className="card risk-attention" aria-labelledby="attention-title">
          <h2 id="attention-title" className="card__title">
            {t('risks.attention.title')}
          </h2>
          <ul className="risk-attention__list">
            <Attention
              n={needTreatment}
              text={t(needTreatment === 1 ? 'risks.attention.treatmentOne' : 'risks.attention.treatment')}
              tone="treat"
              link={(c) => toList({ acceptable: 'false' }, c)}
            />
            <Attention
              n={data.notEvaluated}
              text={t(data.notEvaluated === 1 ? 'risks.attention.notEvaluatedOne' : 'risks.attention.notEvaluated')}
              link={(c) => toList({ evaluated: 'false' }, c)}
            />
            <Attention
              n={due.data}
              text={t(due.data === 1 ? 'risks.attention.dueOne' : 'risks.attention.due')}
              link={(c) => toList({ reassessmentDue: 'true' }, c)}
            />
          </ul>
          <p className="small muted risk-attention__method">
            {t('risks.attention.methodology', {
              ref: inForce.ref,
              version: inForce.versionNo,
              date: formatDate(inForce.approvedAt),
            })}{' '}
            <MethodologyLink org={org}>{t('risks.attention.methodologyLink')}</MethodologyLink>
          </p>
          <p className="small risk-attention__links">
            <Link to="/o/$org/risks/rescores" params={{ org }}>
              {t('risks.rescores.title')}
            </Link>
            {' · '}
            <Link to="/o/$org/reassessment-triggers" params={{ org }}>
              {t('reassessmentTriggers.title')}
            </Link>
          </p>
        </section>
      </aside>
    </div>
  );
}

/** A count and what it counts, the two as one link to those risks when there are any. */
function Attention({
  n,
  text,
  tone,
  link,
}: {
  n: number | undefined;
  text: string;
  tone?: 'treat';
  link: (content: ReactNode) => ReactNode;
}) {
  const { formatNumber } = useT();
  const content = (
    <>
      <span className={`risk-attention__n${tone && n ? ` risk-attention__n--${tone}` : ''}`}>
        {n === undefined ? '…' : formatNumber(n)}
      </span>{' '}
      <span>{text}</span>
    </>
  );
  return <li>{n ? link(content) : <span className="risk-attention__none">{content}</span>}</li>;
}
