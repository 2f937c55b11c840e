import { Link, getRouteApi } from '@tanstack/react-router';
import {
  AUDIT_TRANSITIONS,
  auditReportVersioned,
  internalAuditRegister,
} from '../../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel, ISMS_CLAUSE_TITLES } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { useMemberNames } from '../../lib/members.js';
import { useCan, useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { LiveMessage } from '../../components/status.js';
import { RecordLinks } from '../../register/record-links.js';
import { recordPath } from '../../register/record-targets.js';
import { useHistoryLabels } from '../../versioning/history-labels.js';
import { useRegisterRecord, type RecordRead } from '../../register/register-api.js';
import { RecordHistory } from '../../register/record-history.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { AuditBreadcrumb, AuditNav } from './audit-nav.js';
import { AuditStatusPill } from './audit-status.js';
import { clausesOf } from './clauses.js';
import { PreviousResultsCard } from './previous-results-card.js';
import { ScopeCard } from './scope-card.js';
import { TeamCard } from './team-card.js';
import { TransitionBar } from './transition-bar.js';
import './audits.css';

const route = getRouteApi('/o/$org/internal-audits/$id');
type Audit = RecordRead<typeof internalAuditRegister.fields>;

/**
 * One internal audit: where it stands and the moves it may make, its scope and criteria, team, processes in scope,
 * auditees and plan, the previous results to follow up, the documents and requirements it audits against (links),
 * and its history. The checklist, findings and report are sub-views.
 */
export function AuditPage() {
  const { t } = useT();
  const historyLabels = useHistoryLabels(auditReportVersioned);
  const { org, id } = route.useParams();
  const { created } = route.useSearch();
  const can = useCan(org);
  const record = useRegisterRecord(org, internalAuditRegister, id);
  const data = record.data;
  useDocumentTitle(data ? `${data.ref} ${data.title}` : t('internal-audits.title'), useOrg(org).data?.name);
  if (!data) {
    return (
      <section className="page">
        <AuditBreadcrumb org={org} />
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }
  const open = data.status !== 'completed' && data.status !== 'cancelled' && !data.archivedAt;
  const canEdit = can('internal_audit.update') && open;
  return (
    <section className="page internal-audit" aria-labelledby="page-title">
      <AuditBreadcrumb org={org} current={data.ref} />
      <LiveMessage>{created ? t('audits.created', { ref: data.ref }) : null}</LiveMessage>
      <PageHeader
        reference={data.ref}
        title={data.title}
        badges={<AuditStatusPill status={data.status ?? 'planned'} />}
        actions={
          canEdit ? (
            <Link to="/o/$org/internal-audits/$id/edit" params={{ org, id }} className="button button--secondary">
              {t('common.edit')}
            </Link>
          ) : null
        }
      />
      <AuditNav org={org} id={id} current="overview" />
      {can('internal_audit.update') ? (
        <TransitionBar
          org={org}
          id={id}
          status={data.status ?? 'planned'}
          version={data.version}
          moves={AUDIT_TRANSITIONS[data.status ?? 'planned']}
        />
      ) : null}
      <AuditFacts org={org} audit={data} />
      <div className="audit-cards">
        <TeamCard org={org} id={id} canEdit={canEdit} />
        <ScopeCard org={org} id={id} canEdit={canEdit} />
      </div>
      <PreviousResultsCard org={org} id={id} />
      <RecordLinks
        org={org}
        register={internalAuditRegister}
        record={data}
        linkFrom={canEdit ? ['document', 'requirement'] : undefined}
        renderLinkTarget={(type, targetId, text) => {
          const to = recordPath(org, type, targetId);
          return to ? <a href={to}>{text}</a> : <span className="ref">{text}</span>;
        }}
      />
      <section className="card" aria-labelledby="audit-history">
        <h2 id="audit-history" className="card__title">
          {t('context.history')}
        </h2>
        <RecordHistory org={org} register={internalAuditRegister} id={id} {...historyLabels} />
      </section>
    </section>
  );
}

/** Scope, criteria, dates, lead auditor, auditees and plan, as a description list. */
function AuditFacts({ org, audit }: { org: string; audit: Audit }) {
  const { t } = useT();
  const names = useMemberNames(org);
  const clauses = clausesOf(audit.clauses ?? '');
  const dash = t('common.empty');
  const dates = (a: string | null | undefined, b: string | null | undefined) =>
    a || b ? `${a ?? '…'} – ${b ?? '…'}` : dash;
  return (
    <section className="card audit-card" aria-labelledby="audit-facts-title">
      <h2 id="audit-facts-title">{t('audits.facts.title')}</h2>
      <dl className="audit-facts">
        <dt>{t('internal-audits.field.scope')}</dt>
        <dd className="audit-facts__text">{audit.scope || dash}</dd>
        <dt>{t('audits.facts.criteria')}</dt>
        <dd>
          {clauses.length || audit.soaCriterion ? (
            <ul className="audit-facts__criteria">
              {clauses.map((c) => (
                <li key={c}>{`${clauseLabel(c)} ${ISMS_CLAUSE_TITLES[c] ?? ''}`}</li>
              ))}
              {audit.soaCriterion ? <li>{t('audits.facts.soa')}</li> : null}
            </ul>
          ) : (
            t('audits.facts.noCriteria')
          )}
        </dd>
        <dt>{t('audits.facts.planned')}</dt>
        <dd>{dates(audit.plannedStart, audit.plannedEnd)}</dd>
        <dt>{t('audits.facts.actual')}</dt>
        <dd>{dates(audit.actualStart, audit.actualEnd)}</dd>
        <dt>{t('internal-audits.field.leadAuditor')}</dt>
        <dd>{audit.leadAuditorId ? (names.get(audit.leadAuditorId) ?? t('common.unknownMember')) : dash}</dd>
        <dt>{t('internal-audits.field.plannedAuditKey')}</dt>
        <dd>{audit.plannedAuditKey ?? t('audits.list.unplanned')}</dd>
        <dt>{t('internal-audits.field.auditees')}</dt>
        <dd className="audit-facts__text">{audit.auditees || dash}</dd>
        <dt>{t('internal-audits.field.auditPlan')}</dt>
        <dd className="audit-facts__text">{audit.auditPlan || dash}</dd>
      </dl>
    </section>
  );
}
