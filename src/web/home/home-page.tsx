import { Link, getRouteApi } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { NAV_GROUPS } from '../app/navigation.js';
import { PageLink } from '../app/side-nav.js';
import { ToReadCard } from '../documents/to-read-card.js';
import { InvitationsCard } from '../account/invitations-card.js';
import { ReviewsDueCard } from '../documents/reviews-due-card.js';
import { ReviewReminderCard } from '../management-review/schedule-banner.js';
import { PageHeader } from '../ui/page-header.js';
import { useHomePage } from './home-api.js';

const route = getRouteApi('/o/$org/');

const MY_OPEN = { ownerId: 'me', status: 'open,in_progress' } as const;
const MY_OVERDUE = { ownerId: 'me', overdue: 'true' } as const;
const ALL_OVERDUE = { overdue: 'true' } as const;

export function HomePage() {
  const { t } = useT();
  const { org } = route.useParams();
  const session = useSession();
  const orgData = useOrg(org).data;
  const can = useCan(org);
  // the whole first view in one request; the cards below render once it has filled what they read
  const page = useHomePage(org);
  const counts = page.data?.actionCounts;
  const count = (n: number | undefined) => ({ n, pending: page.isPending, failed: page.isError });
  useDocumentTitle(t('home.title'), orgData?.name);
  const firstName = session?.user.name.split(/\s+/)[0] ?? '';

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={orgData?.name}
        title={t('home.greeting', { name: firstName })}
        description={t('home.lead')}
      />
      <div className="stat-grid">
        <StatCard org={org} label={t('home.myOpen')} filters={MY_OPEN} count={count(counts?.mine)} />
        <StatCard org={org} label={t('home.myOverdue')} filters={MY_OVERDUE} count={count(counts?.mineOverdue)} warn />
        <StatCard
          org={org}
          label={t('home.allOverdue', { org: orgData?.name ?? org })}
          filters={ALL_OVERDUE}
          count={count(counts?.overdue)}
          warn
        />
        {can('action.create') ? (
          <div className="stat-card stat-card--action">
            <p>{t('home.addActionHint')}</p>
            <Link to="/o/$org/actions/new" params={{ org }} className="button button--primary">
              {t('actions.new')}
            </Link>
          </div>
        ) : null}
      </div>
      {page.isFetchedAfterMount ? (
        <>
          <InvitationsCard />
          <ToReadCard org={org} />
          <ReviewsDueCard org={org} />
          <ReviewReminderCard org={org} />
        </>
      ) : null}
      <h2 className="section-title">{t('home.areas')}</h2>
      <ul className="area-grid">
        {NAV_GROUPS.filter((g) => g.id !== 'admin').map((g) => (
          <li key={g.id} className="area-card">
            <h3>{t(g.label)}</h3>
            <ul>
              {g.items.map((item) => (
                <li key={item.kind === 'module' ? item.slug : `${item.path}-${item.label}`}>
                  {item.kind === 'module' ? (
                    <Link to="/o/$org/m/$module" params={{ org, module: item.slug }}>
                      {t(item.label)}
                    </Link>
                  ) : (
                    <PageLink org={org} path={item.path}>
                      {t(item.label)}
                    </PageLink>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatCard({
  org,
  label,
  filters,
  count: { n, pending, failed },
  warn,
}: {
  org: string;
  label: string;
  filters: Record<string, string>;
  count: { n: number | undefined; pending: boolean; failed: boolean };
  warn?: boolean;
}) {
  const { t, formatNumber } = useT();
  return (
    <div className={`stat-card${warn && n ? ' stat-card--warn' : ''}`}>
      <p className="stat-card__label">{label}</p>
      <p className="stat-card__value" aria-live="polite">
        {pending ? '…' : failed ? '—' : formatNumber(n ?? 0)}
      </p>
      {failed ? <p className="field__error">{t('home.countFailed')}</p> : null}
      <Link to="/o/$org/actions" params={{ org }} search={filters} className="stat-card__link">
        {t('home.viewList')}
      </Link>
    </div>
  );
}
