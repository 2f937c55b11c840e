import { Link } from '@tanstack/react-router';
import {
  CLOSED_LIFECYCLES,
  objectiveRegister,
  type ObjectiveLifecycle,
} from '../../schema/objectives/objective.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { RegisterDetailPage } from '../register/register-pages.js';
import { useRegisterRecord, type RecordRead } from '../register/register-api.js';
import { PlannedActionsCard } from '../risks/isms-risk-actions-card.js';
import { CloseObjectiveButton } from './objective-close-dialog.js';
import { CommunicationsCard } from './objective-communications-card.js';
import { ObjectiveEntriesCard } from './objective-entries-card.js';
import { ObjectiveMeasuresCard } from './objective-measures-card.js';
import { ObjectiveAnswersCard } from './objective-answers-card.js';
import { ObjectiveProgressCard } from './objective-progress-card.js';
import { StatusPill, TargetText } from './objective-parts.js';
import { formShowsField } from './objective-text.js';
import './objectives.css';

type Objective = RecordRead<typeof objectiveRegister.fields>;

// The generic pages build `/o/$org/<path>` from any collection; their path type names only the context registers.
const PATH = objectiveRegister.collection;
const isClosed = (lifecycle: unknown) => (CLOSED_LIFECYCLES as readonly unknown[]).includes(lifecycle);
/** Fields the summary above already shows, or that make sense only for some objectives. */
const SUMMARY_FIELDS = ['progressStatus', 'latestValue', 'latestValueDate'];
const CLOSING_FIELDS = ['closedNote', 'closedBy', 'closedOn'];

/**
 * An information security objective (27001 6.2): where it sits, its target and deadline, the progress chart with
 * the status and why, the measures or manual entries it takes its value from, the plan (tracker actions and the
 * plan fields, 6.2 f–j), what it answers (6.2 c), how it was communicated (6.2 d), and closing it.
 */
export function ObjectivePage() {
  return (
    <RegisterDetailPage
      register={objectiveRegister}
      path={PATH}
      canEdit={(r) => !isClosed(r.lifecycle)}
      actions={(org, r) => <CloseAction org={org} record={r} />}
      above={(org, r) => <Summary record={r} />}
      showField={(name, r) =>
        !SUMMARY_FIELDS.includes(name) &&
        (!CLOSING_FIELDS.includes(name) || isClosed(r.lifecycle)) &&
        formShowsField(name, r)
      }
      below={(org, id) => <Parts org={org} id={id} />}
    />
  );
}

function CloseAction({ org, record }: { org: string; record: Objective }) {
  const can = useCan(org);
  if (!can('objective.close') || isClosed(record.lifecycle) || record.archivedAt) return null;
  return <CloseObjectiveButton org={org} record={record} />;
}

/** The objective at a glance: status, target, latest value, deadline, lifecycle. */
function Summary({ record }: { record: Objective }) {
  const { t, td, formatNumber, formatDate } = useT();
  const lifecycle = record.lifecycle as ObjectiveLifecycle | null;
  return (
    <section className="card obj-summary" aria-label={t('objectives.summary')}>
      <dl className="obj-summary__list">
        <div>
          <dt>{t('objectives.field.progressStatus')}</dt>
          <dd>
            <StatusPill status={record.progressStatus} />
          </dd>
        </div>
        <div>
          <dt>{t('objectives.field.targetValue')}</dt>
          <dd>
            <TargetText record={record} />
          </dd>
        </div>
        <div>
          <dt>{t('objectives.field.latestValue')}</dt>
          <dd>
            {record.latestValue === null || record.latestValue === undefined
              ? t('common.empty')
              : `${formatNumber(record.latestValue)}${record.latestValueDate ? ` (${formatDate(record.latestValueDate)})` : ''}`}
          </dd>
        </div>
        <div>
          <dt>{t('objectives.field.deadline')}</dt>
          <dd>{record.deadline ? formatDate(record.deadline) : t('common.empty')}</dd>
        </div>
        <div>
          <dt>{t('objectives.field.lifecycle')}</dt>
          <dd>{lifecycle ? td(`objectives.lifecycle.${lifecycle}`) : t('common.empty')}</dd>
        </div>
      </dl>
    </section>
  );
}

function Parts({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const can = useCan(org);
  // the record is already in the query cache: the detail page loaded it
  const record = useRegisterRecord(org, objectiveRegister, id).data;
  if (!record) return null;
  const open = !isClosed(record.lifecycle) && !record.archivedAt;
  const mode = record.measurementMode;
  return (
    <>
      {mode !== 'not_practicable' ? <ObjectiveProgressCard org={org} id={id} /> : null}
      {mode === 'measures' ? (
        <ObjectiveMeasuresCard org={org} id={id} canLink={open && can('objective.update')} />
      ) : null}
      {mode === 'manual' ? (
        <ObjectiveEntriesCard org={org} id={id} canRecord={open && can('objective.progress')} />
      ) : null}
      <PlannedActionsCard
        org={org}
        record={record}
        text={{
          sourceType: objectiveRegister.entity,
          title: t('objectives.plan.actions'),
          lead: t('objectives.plan.actionsLead'),
          empty: t('objectives.plan.noActions'),
          planLink: (
            <Link to="/o/$org/objectives/$id/plan-action" params={{ org, id }} className="button button--secondary">
              {t('objectives.plan.planAction')}
            </Link>
          ),
        }}
      />
      <ObjectiveAnswersCard org={org} id={id} canLink={open && can('objective.update') && can('links.create')} />
      <CommunicationsCard org={org} id={id} canRecord={!record.archivedAt && can('objective.communicate')} />
    </>
  );
}
