import { Link, getRouteApi } from '@tanstack/react-router';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
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
import { EvaluationCard, ImplementedCard, ImprovementReviewCard } from './improvement-steps.js';
import { ImprovementBreadcrumb, NcPill, SourceLink } from './nc-parts.js';
import { Stepper, StepRecord } from './step-card.js';
import { IMPROVEMENT_PATH as PATH, improvementStepStates } from './step-states.js';
import './improvement.css';

const route = getRouteApi('/o/$org/improvements/$id');
const C = improvementRegister.collection;
const f = improvementRegister.fields;
/**
 * One improvement (27001:2022 10.1; 2013: 10.2) and its follow-up: where it came from, its evaluation (worth
 * pursuing?), the actions in the tracker, the change to the ISMS it made, the review of its effectiveness; linked
 * to 6.1.1 opportunities (ISMS risks of kind opportunity) through the links.
 */
export function ImprovementPage() {
  const i18n = useT();
  const { t, td } = i18n;
  const { org, id } = route.useParams();
  const { created } = route.useSearch();
  const can = useCan(org);
  const query = useRegisterRecord(org, improvementRegister, id);
  const data = query.data;
  useDocumentTitle(data ? `${data.ref} ${data.title ?? ''}` : t('improvements.title'), useOrg(org).data?.name);
  if (query.isPending || query.isError || !data) {
    return (
      <section className="page">
        <ImprovementBreadcrumb org={org} area="improvements" />
        <QueryState query={query}>{() => null}</QueryState>
      </section>
    );
  }
  const states = improvementStepStates(data);
  const current = !data.archivedAt;
  const editable = current && can('improvement.update');
  const planning = editable && (data.status === 'evaluated' || data.status === 'planned');
  const statusIndex = PATH.indexOf(data.status === 'rejected' ? 'evaluated' : (data.status ?? 'suggested'));
  return (
    <section className="page improvement" aria-labelledby="page-title">
      <LiveMessage>{created ? t('imp.created', { ref: data.ref }) : null}</LiveMessage>
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="improvements" current={data.ref} />}
        reference={data.ref}
        title={data.title ?? ''}
        badges={
          <p className="nc__pills">
            <NcPill collection={C} field="status" value={data.status} />
            <NcPill collection={C} field="source" value={data.source} />
          </p>
        }
        actions={
          editable ? (
            <Link to="/o/$org/improvements/$id/edit" params={{ org, id }} className="button button--secondary">
              {t('common.edit')}
            </Link>
          ) : null
        }
      />
      {states.rejected ? null : (
        <Stepper
          label={t('imp.progress')}
          steps={PATH.map((s) => ({ id: s, label: optionLabel(i18n, C, 'status', s) }))}
          current={statusIndex}
          finished={data.status === 'reviewed'}
        />
      )}
      <div className="detail">
        <div className="nonconformity__main">
          <section className="card" aria-labelledby="imp-about">
            <h2 id="imp-about" className="card__title">
              {t('imp.about')}
            </h2>
            <StepRecord
              org={org}
              items={[
                [td(f.description.label), data.description, 'text'],
                [td(f.source.label), data.source ? optionLabel(i18n, C, 'source', data.source) : null],
                [td(f.suggestedBy.label), data.suggestedBy, 'member'],
                [td(f.ownerId.label), data.ownerId, 'member'],
              ]}
            />
            {data.sourceType && data.sourceId ? (
              <p className="nc__source">
                {t('nc.raisedFrom')} <SourceLink org={org} type={data.sourceType} id={data.sourceId} />
              </p>
            ) : null}
          </section>
          <EvaluationCard org={org} record={data} state={states.evaluation} editable={editable} />
          {states.rejected ? null : (
            <>
              <PlannedActionsCard
                org={org}
                record={data}
                text={{
                  sourceType: improvementRegister.entity,
                  title: t('imp.step.actions'),
                  lead: t('imp.step.actionsLead'),
                  empty: t('imp.actions.none'),
                  planLink: planning ? (
                    <Link
                      to="/o/$org/improvements/$id/plan-action"
                      params={{ org, id }}
                      className="button button--secondary"
                    >
                      {t('imp.actions.plan')}
                    </Link>
                  ) : (
                    false
                  ),
                }}
              />
              <ImplementedCard org={org} record={data} state={states.implemented} editable={editable} />
              <ImprovementReviewCard org={org} record={data} state={states.review} editable={editable} />
            </>
          )}
          <section className="card" aria-labelledby="record-history">
            <h2 id="record-history" className="card__title">
              {t('context.history')}
            </h2>
            <RecordHistory org={org} register={improvementRegister} id={id} />
          </section>
        </div>
        <aside className="detail__side">
          <RecordStamps org={org} record={data} />
          <p className="small muted">{t('imp.links.lead')}</p>
          <RecordLinks
            org={org}
            register={improvementRegister}
            record={data}
            linkFrom={editable ? ['isms_risk', 'nonconformity', 'document', 'control'] : undefined}
            renderLinkTarget={(type, targetId, text) => {
              const to = recordPath(org, type, targetId);
              return to ? <a href={to}>{text}</a> : <span className="ref">{text}</span>;
            }}
          />
          <EvidenceCard org={org} type={improvementRegister.entity} id={data.id} ref={data.ref} archived={!current} />
        </aside>
      </div>
    </section>
  );
}
