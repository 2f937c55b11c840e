import { getRouteApi } from '@tanstack/react-router';
import {
  NC_STATUSES,
  nonconformityRegister,
  type NonconformityRecord,
} from '../../schema/improvement/nonconformity.register.js';
import { EvidenceCard } from '../evidence/evidence-card.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { LiveMessage } from '../components/status.js';
import { optionLabel } from '../register/field-value.js';
import { RecordHistory } from '../register/record-history.js';
import { RecordLinks } from '../register/record-links.js';
import { recordPath } from '../register/record-targets.js';
import { RecordStamps } from '../register/register-detail.js';
import { useRegisterRecord } from '../register/register-api.js';
import { PlannedActionsCard } from '../risks/isms-risk-actions-card.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { AnalysisCard } from './nc-analysis-card.js';
import { CorrectionCard, DecisionCard } from './nc-correction-cards.js';
import { ImprovementBreadcrumb, NcPill, RequirementLabel, SourceLink } from './nc-parts.js';
import { CloseCard, ReviewCard } from './nc-review-card.js';
import { ncHistoryPath } from './nonconformity-api.js';
import { Stepper, StepRecord } from './step-card.js';
import { ncStepStates } from './step-states.js';
import { Link } from '@tanstack/react-router';
import './improvement.css';

const route = getRouteApi('/o/$org/nonconformities/$id');
const C = nonconformityRegister.collection;
const f = nonconformityRegister.fields;

/**
 * One nonconformity and its handling (27001:2022 10.2; 2013: 10.1): where it came from, what was found, and each
 * step of 27003's process as a card (its form when it is the current step, its record once done), the corrective
 * actions in the shared tracker, the effectiveness reviews kept, the ISMS changes it led to (links), its history
 * and its exports (XLSX, PDF: the documented information of 10.2).
 */
export function NonconformityPage() {
  const i18n = useT();
  const { t, td } = i18n;
  const { org, id } = route.useParams();
  const { created } = route.useSearch();
  const can = useCan(org);
  const query = useRegisterRecord(org, nonconformityRegister, id);
  const data = query.data;
  useDocumentTitle(data ? `${data.ref} ${data.title ?? ''}` : t('nonconformities.title'), useOrg(org).data?.name);

  if (query.isPending || query.isError || !data) {
    return (
      <section className="page">
        <ImprovementBreadcrumb org={org} area="nonconformities" />
        <QueryState query={query}>{() => null}</QueryState>
      </section>
    );
  }
  const states = ncStepStates(data);
  const current = !data.archivedAt;
  const editable = current && can('nonconformity.update');
  const planning = editable && (data.status === 'analysed' || data.status === 'actions_planned');
  const statusIndex = NC_STATUSES.indexOf(data.status ?? 'reported');
  return (
    <section className="page nonconformity" aria-labelledby="page-title">
      <LiveMessage>{created ? t('nc.created', { ref: data.ref }) : null}</LiveMessage>
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" current={data.ref} />}
        reference={data.ref}
        title={data.title ?? ''}
        badges={
          <p className="nc__pills">
            <NcPill collection={C} field="status" value={data.status} />
            <NcPill collection={C} field="grade" value={data.grade} />
            <NcPill collection={C} field="source" value={data.source} />
            {data.archivedAt ? <span className="badge badge--muted">{t('register.archivedBadge')}</span> : null}
          </p>
        }
        actions={
          <>
            {editable && data.status !== 'closed' ? (
              <Link to="/o/$org/nonconformities/$id/edit" params={{ org, id }} className="button button--secondary">
                {t('common.edit')}
              </Link>
            ) : null}
            {can('nonconformity.export') ? (
              <div className="button-group" role="group" aria-label={t('nc.history.export')}>
                <a className="button button--secondary button--small" href={ncHistoryPath(org, id, 'xlsx')} download>
                  {t('nc.history.xlsx')}
                </a>
                <a className="button button--secondary button--small" href={ncHistoryPath(org, id, 'pdf')} download>
                  {t('nc.history.pdf')}
                </a>
              </div>
            ) : null}
          </>
        }
      />
      <Stepper
        label={t('nc.progress')}
        steps={NC_STATUSES.map((s) => ({ id: s, label: optionLabel(i18n, C, 'status', s) }))}
        current={statusIndex}
        finished={data.status === 'closed'}
      />
      <div className="detail">
        <div className="nonconformity__main">
          <section className="card" aria-labelledby="nc-found">
            <h2 id="nc-found" className="card__title">
              {t('nc.found')}
            </h2>
            <StepRecord
              org={org}
              items={[
                [td(f.description.label), data.description, 'text'],
                [
                  td(f.requirementKey.label),
                  data.requirementKey ? <RequirementLabel requirementKey={data.requirementKey} withText /> : null,
                ],
                [td(f.grade.label), data.grade ? optionLabel(i18n, C, 'grade', data.grade) : null],
                [td(f.foundBy.label), data.foundBy, 'member'],
                [td(f.foundOn.label), data.foundOn, 'date'],
                [td(f.ownerId.label), data.ownerId, 'member'],
                [td(f.dueDate.label), data.dueDate, 'date'],
              ]}
            />
            <SourceOf record={data} />
          </section>
          <CorrectionCard org={org} record={data} state={states.correction} editable={editable} />
          <DecisionCard org={org} record={data} state={states.decision} editable={editable} />
          {states.noAction ? null : (
            <>
              <AnalysisCard org={org} record={data} state={states.analysis} editable={editable} />
              <PlannedActionsCard
                org={org}
                record={data}
                text={{
                  sourceType: nonconformityRegister.entity,
                  title: t('nc.step.actions'),
                  lead: t('nc.step.actionsLead'),
                  empty: t('nc.actions.none'),
                  planLink: planning ? (
                    <Link
                      to="/o/$org/nonconformities/$id/plan-action"
                      params={{ org, id }}
                      className="button button--secondary"
                    >
                      {t('nc.actions.plan')}
                    </Link>
                  ) : (
                    false
                  ),
                }}
              />
              <ReviewCard org={org} record={data} state={states.review} editable={editable} />
            </>
          )}
          <CloseCard org={org} record={data} state={states.close} canClose={current && can('nonconformity.close')} />
          <section className="card" aria-labelledby="record-history">
            <h2 id="record-history" className="card__title">
              {t('context.history')}
            </h2>
            <RecordHistory org={org} register={nonconformityRegister} id={id} />
          </section>
        </div>
        <aside className="detail__side">
          <RecordStamps org={org} record={data} />
          <p className="small muted">{t('nc.links.lead')}</p>
          <RecordLinks
            org={org}
            register={nonconformityRegister}
            record={data}
            linkFrom={editable ? ['control', 'document', 'requirement', 'risk', 'isms_risk'] : undefined}
            renderLinkTarget={(type, targetId, text) => {
              const to = recordPath(org, type, targetId);
              return to ? <a href={to}>{text}</a> : <span className="ref">{text}</span>;
            }}
          />
          <EvidenceCard org={org} type={nonconformityRegister.entity} id={data.id} ref={data.ref} archived={!current} />
        </aside>
      </div>
    </section>
  );
}

/** Where it came from: the audit (or other record) it was raised from, when there is one. */
function SourceOf({ record }: { record: NonconformityRecord }) {
  const { t } = useT();
  const { org } = route.useParams();
  if (!record.sourceType || !record.sourceId) return null;
  return (
    <p className="nc__source">
      {t('nc.raisedFrom')} <SourceLink org={org} type={record.sourceType} id={record.sourceId} />
    </p>
  );
}
