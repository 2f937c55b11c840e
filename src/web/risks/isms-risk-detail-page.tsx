import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { EvidenceCard } from '../evidence/evidence-card.js';
import { ismsRiskRegister, ISMS_RISK_STATUSES, type IsmsRiskRecord } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RecordHistory } from '../register/record-history.js';
import { RecordLinks } from '../register/record-links.js';
import { recordPath } from '../register/record-targets.js';
import { RecordStamps } from '../register/register-detail.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { IsmsRiskBreadcrumb } from './isms-risk-breadcrumb.js';
import { isEvaluationOverdue, OptionPill } from './isms-risk-badges.js';
import { PlannedActionsCard } from './isms-risk-actions-card.js';
import { EvaluationCard } from './isms-risk-evaluation-card.js';
import { Fields } from './isms-risk-fields.js';
import './isms-risks.css';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/isms-risks/$id');

/**
 * One risk or opportunity for the ISMS: what it is, where it comes from (4.1, 4.2), the actions planned to address
 * it (6.1.1 d), how and when their effectiveness is evaluated (e), its links and its history.
 */
export function IsmsRiskDetailPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const { created, planned } = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, ismsRiskRegister, id);
  const { archive } = useRegisterMutations(org, ismsRiskRegister);
  const data = record.data;
  useDocumentTitle(data ? `${data.ref} ${data.title ?? ''}` : t('isms-risks.title'), useOrg(org).data?.name);

  if (record.isPending || record.isError || !data) {
    return (
      <section className="page">
        <IsmsRiskBreadcrumb org={org} />
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }
  const current = !data.archivedAt;
  return (
    <section className="page isms-risk" aria-labelledby="page-title">
      <IsmsRiskBreadcrumb org={org} current={data.ref} />
      <LiveMessage>
        {created
          ? t('isms-risks.created', { ref: data.ref })
          : planned
            ? t('isms-risks.planned', { action: planned, ref: data.ref })
            : null}
      </LiveMessage>
      <PageHeader
        eyebrow={
          <>
            <span className="ref">{data.ref}</span> · <OptionPill field="kind" value={data.kind} />
          </>
        }
        title={data.title ?? ''}
        badges={
          <>
            <p className="isms-risk__pills">
              <OptionPill field="significance" value={data.significance} />
              <OptionPill field="status" value={data.status} />
              <OptionPill field="effectiveness" value={data.effectiveness} />
              {isEvaluationOverdue(data) ? (
                <span className="badge badge--overdue">⚠ {t('isms-risks.detail.overdueBadge')}</span>
              ) : null}
              {data.archivedAt ? <span className="badge badge--muted">{t('register.archivedBadge')}</span> : null}
            </p>
          </>
        }
        actions={
          <>
            {can('isms_risk.update') && current ? (
              <Link to="/o/$org/isms-risks/$id/edit" params={{ org, id }} className="button button--primary">
                {t('common.edit')}
              </Link>
            ) : null}
            {can('isms_risk.delete') && current ? (
              <ConfirmButton
                label={t('register.archive')}
                question={t('register.archiveQuestion', { ref: data.ref })}
                confirmLabel={t('register.archiveConfirm')}
                busy={archive.isPending}
                onConfirm={async () => {
                  await archive.mutateAsync(id);
                  await navigate({ to: '/o/$org/isms-risks', params: { org } });
                }}
              />
            ) : null}
          </>
        }
      />
      {archive.isError ? <ErrorMessage error={archive.error} /> : null}
      <Progress status={data.status} />

      <div className="detail">
        <div className="isms-risk__main">
          <section className="card" aria-labelledby="isms-risk-about">
            <h2 id="isms-risk-about" className="card__title">
              {t('isms-risks.detail.about')}
            </h2>
            <Fields
              org={org}
              record={data}
              names={['category', 'aim', 'significance', 'ownerId', 'processId', 'description', 'effect']}
            />
          </section>
          <section className="card" aria-labelledby="isms-risk-source">
            <h2 id="isms-risk-source" className="card__title">
              {t('isms-risks.detail.source')}
            </h2>
            {data.sourceIssueId || data.sourceRequirementId ? (
              <Fields org={org} record={data} names={['sourceIssueId', 'sourceRequirementId']} />
            ) : (
              <p className="alert alert--warning">{t('isms-risks.detail.noSource')}</p>
            )}
          </section>
          <PlannedActionsCard org={org} record={data} />
          <EvaluationCard org={org} record={data} />
          <section className="card" aria-labelledby="record-history">
            <h2 id="record-history" className="card__title">
              {t('context.history')}
            </h2>
            <RecordHistory org={org} register={ismsRiskRegister} id={id} />
          </section>
        </div>
        <aside className="detail__side">
          <RecordStamps org={org} record={data} />
          <RecordLinks
            org={org}
            register={ismsRiskRegister}
            record={data}
            linkFrom={['issue', 'requirement']}
            renderLinkTarget={(type, targetId, text) => {
              const to = recordPath(org, type, targetId);
              return to ? <Link to={to as '/'}>{text}</Link> : <span className="ref">{text}</span>;
            }}
          />
          <EvidenceCard
            org={org}
            type={ismsRiskRegister.entity}
            id={data.id}
            ref={data.ref}
            archived={!!data.archivedAt}
          />
        </aside>
      </div>
    </section>
  );
}

/** Identified → action planned → monitoring → closed, with the record's place; text carries the meaning. */
function Progress({ status }: { status: IsmsRiskRecord['status'] }) {
  const { t, td } = useT();
  const current = status ? ISMS_RISK_STATUSES.indexOf(status) : -1;
  return (
    <ol className="stepper isms-risk__progress" aria-label={t('isms-risks.detail.progress')}>
      {ISMS_RISK_STATUSES.map((s, i) => {
        const state = i < current || (i === current && s === 'closed') ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`stepper__step stepper__step--${state}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="stepper__label">{td(`isms-risks.status.${s}`)}</span>
            {state === 'done' ? <span className="visually-hidden"> {t('versions.step.done')}</span> : null}
            {state === 'current' ? <span className="visually-hidden"> {t('versions.step.current')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
