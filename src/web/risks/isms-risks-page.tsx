import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { ismsRiskRegister, ISMS_RISK_KINDS, ISMS_RISK_SOURCE_FILTERS } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { FormField } from '../ui/form-field.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { RegisterList } from '../register/register-list.js';
import type { RegisterSearch } from '../register/register-search.js';
import type { ColumnSpec, RecordLinkComponent } from '../register/register-table.js';
import { useIsmsRiskSummary } from './isms-risks-api.js';
import { EvaluationDue, OptionPill } from './isms-risk-badges.js';
import { IsmsRiskSummaryCard } from './isms-risk-summary.js';
import { IsmsRiskSuggestions } from './isms-risk-suggestions.js';
import './isms-risks.css';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/isms-risks');
const TABS = ['all', ...ISMS_RISK_KINDS] as const;

const IsmsRiskLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/isms-risks/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/**
 * Risks and opportunities for the ISMS (27001 6.1.1): the summary bar, risks and opportunities as tabs of one
 * register, and the starting suggestions from 27003 (open on an empty register, folded away once it has records).
 */
export function IsmsRisksPage() {
  const { t, td } = useT();
  const { org } = route.useParams();
  const search = route.useSearch() as RegisterSearch;
  const navigate = route.useNavigate();
  const can = useCan(org);
  const summary = useIsmsRiskSummary(org);
  useDocumentTitle(t('isms-risks.title'), useOrg(org).data?.name);
  const onSearch = (next: RegisterSearch) => void navigate({ search: next as never });
  const tab = search.kind && (ISMS_RISK_KINDS as readonly string[]).includes(search.kind) ? search.kind : 'all';
  const canCreate = can('isms_risk.create');

  const columns = useMemo<ColumnSpec[]>(
    () => [
      // the kind rides with the title, so the table keeps its evaluation columns in view
      {
        id: 'title',
        header: td(ismsRiskRegister.fields.title.label),
        sortField: 'title',
        cell: (r) => <TitleCell org={org} record={r} />,
      },
      'significance',
      'status',
      'ownerId',
      {
        id: 'evaluationDueDate',
        header: td(ismsRiskRegister.fields.evaluationDueDate.label),
        sortField: 'evaluationDueDate',
        cell: (r) => <EvaluationDue record={r} />,
      },
      'effectiveness',
    ],
    [td, org],
  );

  return (
    <section className="page isms-risks" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('isms-risks.eyebrow')}
        title={t('isms-risks.title')}
        description={t('isms-risks.lead')}
        actions={
          canCreate ? (
            <Link
              to="/o/$org/isms-risks/new"
              params={{ org }}
              search={tab === 'all' ? {} : { kind: tab }}
              className="button button--primary"
            >
              {t('isms-risks.new')}
            </Link>
          ) : null
        }
      />

      <QueryState
        query={summary}
        isEmpty={(data) => data.total === 0}
        empty={
          <>
            <>
              <EmptyRegister org={org} canCreate={canCreate} />
              <IsmsRiskSuggestions org={org} canCreate={canCreate} open />
            </>
          </>
        }
      >
        {(data) => (
          <>
            <IsmsRiskSummaryCard summary={data} onFilter={(params) => onSearch({ ...params })} />
            <Tabs
              label={t('isms-risks.tabs')}
              idPrefix="isms-risks"
              selected={tab}
              onSelect={(id) => onSearch({ ...search, kind: id === 'all' ? undefined : id, page: undefined })}
              tabs={TABS.map((id) => ({
                id,
                label: `${t(`isms-risks.tab.${id}`)} (${id === 'all' ? data.total : data.byKind[id].total})`,
              }))}
            />
            <TabPanel idPrefix="isms-risks" id={tab}>
              <RegisterList
                org={org}
                register={ismsRiskRegister}
                search={search}
                onSearch={onSearch}
                RecordLink={IsmsRiskLink}
                columns={columns}
                hiddenFilters={['kind', 'aim', 'sourceIssueId', 'sourceRequirementId', 'processId']}
                extraFilters={
                  <SourceFilter
                    value={search.source ?? ''}
                    onChange={(source) => onSearch({ ...search, source: source || undefined, page: undefined })}
                  />
                }
                canExport={can('isms_risk.export')}
                canImport={can('isms_risk.import')}
                quickFilters={[
                  { id: 'overdue', label: t('isms-risks.quick.overdue'), params: { evaluationOverdue: 'true' } },
                  {
                    id: 'notEvaluated',
                    label: t('isms-risks.quick.notEvaluated'),
                    params: { effectiveness: 'not_evaluated' },
                  },
                  { id: 'noSource', label: t('isms-risks.quick.noSource'), params: { source: 'none' } },
                  { id: 'mine', label: t('isms-risks.quick.mine'), params: { ownerId: 'me' } },
                ]}
                emptyState={<p>{tab === 'all' ? t('isms-risks.empty.title') : td(`isms-risks.noMatches.${tab}`)}</p>}
              />
            </TabPanel>
            <IsmsRiskSuggestions org={org} canCreate={canCreate} open={false} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function TitleCell({ org, record }: { org: string; record: RegisterRecord }) {
  return (
    <span className="isms-risks__title">
      <OptionPill field="kind" value={record.kind} />{' '}
      <Link to="/o/$org/isms-risks/$id" params={{ org, id: record.id }}>
        {String(record.title)}
      </Link>
    </span>
  );
}

/** Which kind of source the records have: an issue, a requirement, either, or none. */
function SourceFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useT();
  return (
    <FormField label={t('isms-risks.filter.source')}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('register.any')}</option>
        {ISMS_RISK_SOURCE_FILTERS.map((s) => (
          <option key={s} value={s}>
            {t(`isms-risks.filter.source.${s}`)}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function EmptyRegister({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  return (
    <div className="empty-state">
      <h2>{t('isms-risks.empty.title')}</h2>
      <p>{t('isms-risks.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('isms-risks.empty.outcomes')}</li>
        <li>{t('isms-risks.empty.effects')}</li>
        <li>{t('isms-risks.empty.improvement')}</li>
      </ul>
      <p>{t('isms-risks.empty.hint')}</p>
      {canCreate ? (
        <p>
          <Link to="/o/$org/isms-risks/new" params={{ org }} className="button button--primary">
            {t('isms-risks.empty.add')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('isms-risks.empty.readOnly')}</p>
      )}
    </div>
  );
}
