import { Link } from '@tanstack/react-router';
import { getRouteApi } from '@tanstack/react-router';
import { TREATMENT_CHECKS, type TreatmentChecks } from '../../../schema/controls/checks.schema.js';
import { useT } from '../../i18n/i18n.js';
import { useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useTreatmentChecks } from './plan-api.js';
import './plan.css';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';

const route = getRouteApi('/o/$org/treatment-checks');
type Check = TreatmentChecks['checks'][number];
type Item = Check['items'][number];

/**
 * What an internal auditor checks in risk treatment and the SoA (27003 9.2): one section per check with its count,
 * why it matters, and the records to fix as links.
 */
export function TreatmentChecksPage() {
  const { t, formatNumber } = useT();
  const { org } = route.useParams();
  const checks = useTreatmentChecks(org);
  useDocumentTitle(t('checksPage.title'), useOrg(org).data?.name);
  const list = checks.data
    ? TREATMENT_CHECKS.map((key) => checks.data.checks.find((c) => c.key === key)).filter((c): c is Check => !!c)
    : [];
  const failing = list.filter((c) => c.count > 0).length;

  return (
    <section className="page checks-page" aria-labelledby="page-title">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <span>{t('nav.group.planning')}</span>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('checksPage.title')}</span>
      </nav>
      <PageHeader
        eyebrow={t('checksPage.eyebrow')}
        focusableTitle
        title={t('checksPage.title')}
        description={t('checksPage.lead')}
        actions={
          <>
            <Button onClick={() => void checks.refetch()} disabled={checks.isFetching}>
              {t('checksPage.refresh')}
            </Button>
          </>
        }
      />
      <QueryState query={checks}>
        {() => (
          <>
            <p className={failing ? 'alert alert--warning' : 'alert alert--success'} role="status">
              {failing
                ? t('checksPage.summary', { failing: formatNumber(failing), total: formatNumber(list.length) })
                : t('checksPage.allClear')}
            </p>
            <nav aria-label={t('checksPage.toc')} className="checks-toc">
              <ul>
                {list.map((c) => (
                  <li key={c.key}>
                    <a href={`#check-${c.key}`}>{t(`checksPage.check.${c.key}.title`)}</a>{' '}
                    <CountBadge count={c.count} />
                  </li>
                ))}
              </ul>
            </nav>
            {list.map((c) => (
              <CheckSection key={c.key} org={org} check={c} />
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

function CountBadge({ count }: { count: number }) {
  const { t, formatNumber } = useT();
  return count === 0 ? (
    <span className="check-count check-count--ok">
      <span aria-hidden="true">✓ </span>
      {t('checksPage.ok')}
    </span>
  ) : (
    <span className="check-count check-count--fail">
      <span aria-hidden="true">▲ </span>
      {t('checksPage.count', { count: formatNumber(count) })}
    </span>
  );
}

function CheckSection({ org, check }: { org: string; check: Check }) {
  const { t, formatNumber } = useT();
  const id = `check-${check.key}`;
  return (
    <section
      id={id}
      className={`card check ${check.count ? 'check--fail' : 'check--ok'}`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="card__title check__title">
        {t(`checksPage.check.${check.key}.title`)} <CountBadge count={check.count} />
      </h2>
      <p className="check__why">
        <strong>{t('checksPage.why')}</strong> {t(`checksPage.check.${check.key}.why`)}
      </p>
      {check.count === 0 ? (
        <p className="check__clear">{t('checksPage.nothingToFix')}</p>
      ) : (
        <>
          <p className="muted">{t(`checksPage.check.${check.key}.fix`)}</p>
          <ul className="check__items">
            {check.items.map((item) => (
              <li key={`${item.type}-${item.id}`}>
                <ItemLink org={org} item={item} />
                {item.detail ? <span className="muted"> — {item.detail}</span> : null}
              </li>
            ))}
          </ul>
          {check.count > check.items.length ? (
            <p className="muted">
              {t('checksPage.more', { shown: formatNumber(check.items.length), total: formatNumber(check.count) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function ItemLink({ org, item }: { org: string; item: Item }) {
  const text = (
    <>
      <span className="mono">{item.ref}</span> {item.title}
    </>
  );
  if (item.type === 'risk')
    return (
      <Link to="/o/$org/risks/$id" params={{ org, id: item.id }}>
        {text}
      </Link>
    );
  if (item.type === 'action')
    return (
      <Link to="/o/$org/actions/$id" params={{ org, id: item.id }}>
        {text}
      </Link>
    );
  return (
    <Link to="/o/$org/controls/$id" params={{ org, id: item.id }}>
      {text}
    </Link>
  );
}
