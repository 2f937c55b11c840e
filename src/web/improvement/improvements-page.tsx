import { Link, getRouteApi } from '@tanstack/react-router';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';
import './improvement.css';

const route = getRouteApi('/o/$org/improvements');

const ImprovementLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/improvements/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/**
 * The improvement register (27001:2022 10.1; 2013: 10.2): suggestions from anyone (every member may suggest one,
 * viewers and auditors too), audit observations and opportunities, reviews and corrective actions; evaluated,
 * acted on, reviewed.
 */
export function ImprovementsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('improvements.title'), useOrg(org).data?.name);
  const canSuggest = can('improvement.suggest');
  const suggest = canSuggest ? (
    <Link to="/o/$org/improvements/new" params={{ org }} className="button button--primary">
      {t('imp.suggest')}
    </Link>
  ) : null;
  return (
    <section className="page improvements" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('imp.eyebrow')}
        title={t('improvements.title')}
        description={t('imp.lead')}
        actions={suggest}
      />
      <RegisterList
        org={org}
        register={improvementRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={ImprovementLink}
        canExport={can('improvement.export')}
        canImport={can('improvement.import')}
        quickFilters={[
          { id: 'toEvaluate', label: t('imp.quick.toEvaluate'), params: { status: 'suggested' } },
          { id: 'mine', label: t('imp.quick.mine'), params: { ownerId: 'me' } },
          { id: 'suggestions', label: t('imp.quick.suggestions'), params: { source: 'suggestion' } },
        ]}
        emptyState={
          <div className="empty-state">
            <h2>{t('imp.empty.title')}</h2>
            <p>{t('imp.empty.intro')}</p>
            {suggest ? <p>{suggest}</p> : null}
          </div>
        }
      />
    </section>
  );
}
