import { Link, getRouteApi } from '@tanstack/react-router';
import { documentRegister } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { RegisterList } from '../register/register-list.js';
import type { RegisterSearch } from '../register/register-search.js';
import type { ColumnSpec, RecordLinkComponent } from '../register/register-table.js';
import { ClassificationBadge, SecurityPolicyBadge, StatusBadge } from './document-badges.js';
import { ClassificationSchemeTab } from './classification-scheme-tab.js';
import { DisposalsTab } from './disposals-tab.js';
import { DocumentTree } from './document-tree.js';
import { EvidencePackageButton } from './evidence-package-button.js';
import './documents.css';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/documents');

const DocumentLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/documents/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/** The quick filters are exclusive views of the register; "All" clears them. */
const QUICK: { id: string; label: Parameters<ReturnType<typeof useT>['t']>[0]; params: RegisterSearch }[] = [
  { id: 'policies', label: 'documents.quick.policies', params: { policies: 'true' } },
  { id: 'reviewDue', label: 'documents.quick.reviewDue', params: { review: 'due' } },
  { id: 'reviewOverdue', label: 'documents.quick.reviewOverdue', params: { review: 'overdue' } },
  { id: 'disposalDue', label: 'documents.quick.disposalDue', params: { disposalDue: 'true' } },
  { id: 'withdrawn', label: 'documents.quick.withdrawn', params: { status: 'withdrawn' } },
];
const QUICK_KEYS = [...new Set(QUICK.flatMap((q) => Object.keys(q.params)))];

/** The tabs of the page besides the register (`?view=`). */
export const VIEWS = ['tree', 'disposals', 'scheme'] as const;
type DocumentsView = (typeof VIEWS)[number] | 'list';
const isView = (view: string | undefined): view is (typeof VIEWS)[number] => VIEWS.some((v) => v === view);

/** Documented information (7.5) and the policy framework (5.2): the register with its quick views, and the hierarchy. */
export function DocumentsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const { view, ...search } = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('documents.title'), useOrg(org).data?.name);
  const tab: DocumentsView = isView(view) ? view : 'list';
  const onSearch = (next: RegisterSearch) => void navigate({ search: next });

  const isOn = (params: RegisterSearch) => Object.entries(params).every(([k, v]) => search[k] === v);
  const noneOn = QUICK_KEYS.every((k) => search[k] === undefined);
  const choose = (params: RegisterSearch) => {
    const cleared = Object.fromEntries(QUICK_KEYS.map((k) => [k, undefined]));
    onSearch({ ...search, ...cleared, ...params, page: undefined });
  };

  const columns: ColumnSpec[] = [
    {
      id: 'title',
      header: t('documents.field.title'),
      sortField: 'title',
      cell: (r) => (
        <>
          <DocumentLink record={r}>{String(r.title ?? r.ref)}</DocumentLink>
          {r.isSecurityPolicy ? (
            <>
              {' '}
              <SecurityPolicyBadge />
            </>
          ) : null}
        </>
      ),
    },
    'type',
    {
      id: 'classification',
      header: t('documents.field.classification'),
      sortField: 'classification',
      cell: (r) => <ClassificationBadge value={r.classification} />,
    },
    'ownerId',
    { id: 'status', header: t('documents.field.status'), sortField: 'status', cell: (r) => <StatusBadge record={r} /> },
    'publishedVersion',
    'nextReviewDate',
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('documents.eyebrow')}
        title={t('documents.title')}
        description={t('documents.lead')}
        actions={
          can('document.create') ? (
            <Link to="/o/$org/documents/new" params={{ org }} className="button button--primary">
              {t('documents.new')}
            </Link>
          ) : null
        }
      />
      {can('document.export') ? <EvidencePackageButton org={org} /> : null}
      <Tabs
        label={t('documents.views')}
        idPrefix="documents"
        selected={tab}
        onSelect={(next) => void navigate({ search: next === 'list' ? {} : { view: next } })}
        tabs={[
          { id: 'list', label: t('documents.view.list') },
          { id: 'tree', label: t('documents.view.tree') },
          { id: 'disposals', label: t('documents.view.disposals') },
          { id: 'scheme', label: t('documents.view.scheme') },
        ]}
      />
      <TabPanel idPrefix="documents" id={tab}>
        {tab === 'tree' ? (
          <DocumentTree org={org} canCreate={can('document.create')} />
        ) : tab === 'disposals' ? (
          <DisposalsTab org={org} />
        ) : tab === 'scheme' ? (
          <ClassificationSchemeTab org={org} canEdit={can('document.set_scheme')} />
        ) : (
          <>
            <div className="quick-filters doc-quick" role="group" aria-label={t('register.quickFilters')}>
              <button type="button" className="chip" aria-pressed={noneOn} onClick={() => choose({})}>
                {t('documents.quick.all')}
              </button>
              {QUICK.map((q) => (
                <button
                  key={q.id}
                  type="button"
                  className="chip"
                  aria-pressed={isOn(q.params)}
                  onClick={() => choose(q.params)}
                >
                  {t(q.label)}
                </button>
              ))}
            </div>
            <RegisterList
              org={org}
              register={documentRegister}
              search={search}
              onSearch={onSearch}
              RecordLink={DocumentLink}
              canExport={can('document.export')}
              canImport={can('document.import')}
              columns={columns}
              emptyState={<DocumentsEmptyState org={org} canCreate={can('document.create')} />}
            />
          </>
        )}
      </TabPanel>
    </section>
  );
}

/** What belongs in the register (27003 7.5.2) and where to start: the information security policy. */
export function DocumentsEmptyState({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  return (
    <>
      <h2>{t('documents.empty.title')}</h2>
      <p>{t('documents.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('documents.empty.policy')}</li>
        <li>{t('documents.empty.topics')}</li>
        <li>{t('documents.empty.procedures')}</li>
        <li>{t('documents.empty.external')}</li>
      </ul>
      {canCreate ? (
        <p>
          <Link to="/o/$org/documents/new" params={{ org }} className="button button--primary">
            {t('documents.empty.add')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('documents.empty.readOnly')}</p>
      )}
    </>
  );
}
