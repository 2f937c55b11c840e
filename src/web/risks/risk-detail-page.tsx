import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { EvidenceCard } from '../evidence/evidence-card.js';
import { RecordHistory } from '../register/record-history.js';
import { RecordLinks } from '../register/record-links.js';
import { recordPath } from '../register/record-targets.js';
import { RecordStamps } from '../register/register-detail.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { RiskAssetsCard } from './risk-assets-card.js';
import { RiskEvaluationCard, RiskIdentificationCard } from './risk-evaluation-card.js';
import { RiskBreadcrumb } from './risk-form-pages.js';
import { RiskTreatmentCard } from './risk-treatment-card.js';
import { PlannedActionsCard } from './isms-risk-actions-card.js';
import { LevelBadge, levelOf } from './risk-level.js';
import { useMethodologyInForce } from './risks-api.js';
import { useRiskPage } from './risk-page-api.js';
import './risks.css';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/risks/$id');

/**
 * One risk: its evaluation first, then how it was identified, its assets, where it comes from, and its history.
 * Its first view is read in one request (the page summary); the cards then find their parts already read.
 */
export function RiskDetailPage() {
  const { org, id } = route.useParams();
  const page = useRiskPage(org, id);
  // Read afresh on every visit before the cards mount: cards mounting on older cached parts would each ask again.
  if (!page.isFetchedAfterMount) return <Loading />;
  // when the summary fails, the cards ask on their own and show what went wrong as they always did
  return <RiskDetail due={page.data?.reassessmentDue ?? false} />;
}

function RiskDetail({ due }: { due: boolean }) {
  const { t } = useT();
  const { org, id } = route.useParams();
  const { created } = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, riskRegister, id);
  const inForce = useMethodologyInForce(org);
  const { archive, update } = useRegisterMutations(org, riskRegister);
  const risk = record.data;
  useDocumentTitle(risk ? `${risk.ref} ${risk.title ?? ''}` : t('risks.title'), useOrg(org).data?.name);

  if (record.isPending || inForce.isPending) return <Loading />;
  if (record.isError || !risk) {
    return (
      <section className="page">
        <RiskBreadcrumb org={org} />
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      </section>
    );
  }
  const editable = can('risk.update') && !risk.archivedAt;
  const level = levelOf(inForce.data?.methodology, risk.level);
  return (
    <section className="page" aria-labelledby="page-title">
      <RiskBreadcrumb org={org} current={risk.ref} />
      <LiveMessage>{created ? t('risks.created', { ref: risk.ref }) : null}</LiveMessage>
      <PageHeader
        reference={risk.ref}
        titleClassName="risk-title"
        title={
          <>
            {risk.title ?? risk.ref} {level ? <LevelBadge level={level} /> : null}
          </>
        }
        badges={<>{risk.archivedAt ? <p className="badge badge--muted">{t('register.archivedBadge')}</p> : null}</>}
        actions={
          <>
            {editable ? (
              <Link to="/o/$org/risks/$id/edit" params={{ org, id }} className="button button--primary">
                {risk.level ? t('common.edit') : t('risks.detail.analyse')}
              </Link>
            ) : null}
            {can('risk.delete') && !risk.archivedAt ? (
              <ConfirmButton
                label={t('register.archive')}
                question={t('register.archiveQuestion', { ref: risk.ref })}
                confirmLabel={t('register.archiveConfirm')}
                busy={archive.isPending}
                onConfirm={async () => {
                  await archive.mutateAsync(id);
                  await navigate({ to: '/o/$org/risks', params: { org } });
                }}
              />
            ) : null}
          </>
        }
      />
      {archive.isError ? <ErrorMessage error={archive.error} /> : null}
      {due ? (
        <div className="alert alert--warning risk-due" role="note">
          <p>
            <strong>{t('risks.detail.dueTitle')}</strong> {t('risks.detail.dueText')}{' '}
            <Link to="/o/$org/reassessment-triggers" params={{ org }} search={{ status: 'open' }}>
              {t('risks.detail.dueLink')}
            </Link>
          </p>
          {editable && risk.likelihood !== null ? (
            <p className="risk-due__actions">
              <Button
                disabled={update.isPending}
                // Sending the same likelihood makes the server evaluate the risk again: the review is recorded.
                onClick={() =>
                  update.mutate({ id, body: { likelihood: risk.likelihood, expectedVersion: risk.version } })
                }
              >
                {t('risks.detail.confirmRating')}
              </Button>
              <Link to="/o/$org/risks/$id/edit" params={{ org, id }} className="button button--secondary">
                {t('risks.detail.changeRating')}
              </Link>
            </p>
          ) : null}
          {update.isError ? <ErrorMessage error={update.error} /> : null}
        </div>
      ) : null}
      <LiveMessage>{update.isSuccess ? t('risks.detail.confirmed') : null}</LiveMessage>
      <div className="detail">
        <div className="detail__main">
          <RiskEvaluationCard org={org} risk={risk} inForce={inForce.data ?? null} />
          <RiskTreatmentCard org={org} riskId={id} archived={!!risk.archivedAt} inForce={inForce.data ?? null} />
          <PlannedActionsCard
            org={org}
            record={risk}
            text={{
              sourceType: 'risk',
              title: t('risks.actions.title'),
              lead: t('risks.actions.lead'),
              empty: t('risks.actions.empty'),
              planLink: (
                <Link to="/o/$org/risks/$id/plan-action" params={{ org, id }} className="button button--secondary">
                  {t('risks.actions.plan')}
                </Link>
              ),
            }}
          />
          <RiskIdentificationCard org={org} risk={risk} />
          {risk.approach === 'asset' ? <RiskAssetsCard org={org} riskId={id} editable={editable} /> : null}
        </div>
        <aside className="detail__side">
          <RecordStamps org={org} record={risk} />
          <RecordLinks
            org={org}
            register={riskRegister}
            record={risk}
            linkFrom={editable ? ['issue', 'requirement'] : undefined}
            renderLinkTarget={(type, targetId, ref) => {
              const to = recordPath(org, type, targetId);
              return to ? <Link to={to as '/'}>{ref}</Link> : <span className="ref">{ref}</span>;
            }}
          />
          <EvidenceCard org={org} type={riskRegister.entity} id={risk.id} ref={risk.ref} archived={!!risk.archivedAt} />
        </aside>
      </div>
      <section className="card" aria-labelledby="record-history">
        <h2 id="record-history" className="card__title">
          {t('context.history')}
        </h2>
        <RecordHistory org={org} register={riskRegister} id={id} />
      </section>
    </section>
  );
}
