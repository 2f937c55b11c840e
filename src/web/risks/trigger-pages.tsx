import { Link } from '@tanstack/react-router';
import { reassessmentTriggerRegister } from '../../schema/risks/risk-assessment.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage } from '../components/status.js';
import { RegisterDetailPage, RegisterEditPage, RegisterListPage, RegisterNewPage } from '../register/register-pages.js';
import { RecordCombobox } from '../register/record-combobox.js';
import { relatedText } from '../register/record-select.js';
import { useRegisterRecord } from '../register/register-api.js';
import { useTriggerRisks } from './risks-api.js';
import { triggerPath } from './risk-paths.js';
import './risks.css';
import { QueryState } from '../ui/query-state.js';

/** Significant changes, incidents and findings that call given risks to be reassessed (27001 8.2, 27003 8.2 a–b). */
export function TriggersPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={reassessmentTriggerRegister}
      path={triggerPath}
      quickFilters={[
        { id: 'open', label: t('reassessment-triggers.quick.open'), params: { status: 'open' } },
        { id: 'incidents', label: t('reassessment-triggers.quick.incidents'), params: { kind: 'incident' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('reassessment-triggers.empty.title')}</h2>
          <p>{t('reassessment-triggers.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('reassessment-triggers.empty.change')}</li>
            <li>{t('reassessment-triggers.empty.incident')}</li>
            <li>{t('reassessment-triggers.empty.due')}</li>
          </ul>
          {canCreate ? (
            <p>
              <Link to="/o/$org/reassessment-triggers/new" params={{ org }} className="button button--primary">
                {t('reassessment-triggers.new')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    />
  );
}

export const TriggerNewPage = () => <RegisterNewPage register={reassessmentTriggerRegister} path={triggerPath} />;
export const TriggerEditPage = () => <RegisterEditPage register={reassessmentTriggerRegister} path={triggerPath} />;
export const TriggerDetailPage = () => (
  <RegisterDetailPage
    register={reassessmentTriggerRegister}
    path={triggerPath}
    below={(org, id) => <TriggerRisksCard org={org} id={id} />}
  />
);

/** The risks a trigger names: each is due for reassessment until evaluated again on or after the trigger's date. */
function TriggerRisksCard({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const can = useCan(org);
  const trigger = useRegisterRecord(org, reassessmentTriggerRegister, id);
  const { query, replace, add, remove } = useTriggerRisks(org, id);
  const editable = can('reassessment_trigger.update') && !trigger.data?.archivedAt;
  const items = query.data?.items ?? [];
  const ids = items.map((r) => r.id);
  return (
    <section className="card" aria-labelledby="trigger-risks">
      <h2 id="trigger-risks" className="card__title">
        {t('reassessment-triggers.risks')}
      </h2>
      <p className="muted small">
        {t(trigger.data?.status === 'done' ? 'reassessment-triggers.risksDone' : 'reassessment-triggers.risksLead')}
      </p>
      <QueryState query={query} isEmpty={() => items.length === 0} empty={t('reassessment-triggers.noRisks')}>
        {() => (
          <ul className="link-list">
            {items.map((r) => (
              <li key={r.id}>
                <Link to="/o/$org/risks/$id" params={{ org, id: r.id }}>
                  {relatedText(r)}
                </Link>
                {editable ? (
                  <button
                    type="button"
                    className="icon-button icon-button--danger link-list__remove"
                    aria-label={t('register.pickedRemove', { ref: r.ref })}
                    onClick={() => remove(r.id)}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {replace.isError ? <ErrorMessage error={replace.error} /> : null}
      {editable ? (
        <div className="risk-assets__add">
          <RecordCombobox
            org={org}
            entity="risk"
            label={t('reassessment-triggers.addRisk')}
            exclude={ids}
            onPick={(r) => add(r.id)}
          />
        </div>
      ) : null}
      {items.length ? (
        <p className="small">
          <Link to="/o/$org/risks" params={{ org }} search={{ reassessmentDue: 'true' }}>
            {t('reassessment-triggers.seeDue')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
