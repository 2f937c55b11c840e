import { useState } from 'react';
import {
  scopeProcessesBodySchema,
  scopeProcessesResponseSchema,
} from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useMemberNames } from '../../lib/members.js';
import { PickedList, RecordCombobox, type PickedRecord } from '../../register/record-combobox.js';
import { Button } from '../../ui/button.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { QueryState } from '../../ui/query-state.js';
import { useForm } from '../../ui/use-form.js';
import { auditPath, useRefreshAudit, useScopeProcesses } from './audits-api.js';
import { conflictErrors, IndependenceException, useIndependenceRefusal } from './independence-ui.js';

interface ScopeValues {
  processes: PickedRecord[];
  justification: string;
}

/** The ISMS processes in the audit's scope (4.4): checked against the team's independence when set. */
export function ScopeCard({ org, id, canEdit }: { org: string; id: string; canEdit: boolean }) {
  const { t } = useT();
  const scope = useScopeProcesses(org, id);
  const [editing, setEditing] = useState(false);
  return (
    <section className="card audit-card" aria-labelledby="audit-scope-title">
      <h2 id="audit-scope-title">{t('audits.scope.title')}</h2>
      <QueryState query={scope}>
        {(data) =>
          editing ? (
            <ScopeForm org={org} id={id} initial={data.processes} onDone={() => setEditing(false)} />
          ) : (
            <>
              {data.processes.length ? (
                <PickedList items={data.processes} label={t('audits.scope.title')} />
              ) : (
                <p className="muted">{t('audits.scope.empty')}</p>
              )}
              {canEdit ? <Button onClick={() => setEditing(true)}>{t('audits.scope.edit')}</Button> : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function ScopeForm({
  org,
  id,
  initial,
  onDone,
}: {
  org: string;
  id: string;
  initial: PickedRecord[];
  onDone: () => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  const names = useMemberNames(org);
  const refresh = useRefreshAudit(org);
  const independence = useIndependenceRefusal();
  const form = useForm<ScopeValues, unknown>({
    initial: { processes: initial, justification: '' },
    schema: scopeProcessesBodySchema,
    toBody: (v) => ({
      processIds: v.processes.map((p) => p.id),
      ...independence.exception(v.justification),
    }),
    fields: ['processIds', 'independenceException'],
    serverErrors: (e) => conflictErrors(i18n, e, names),
    submit: (body) =>
      independence.watch(() => api.put(auditPath(org, id, '/scope-processes'), body, scopeProcessesResponseSchema)),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const picked = form.values.processes;
  return (
    <Form form={form} aria-label={t('audits.scope.formLabel')} className="form audit-scope-form">
      <RecordCombobox
        org={org}
        entity="isms_process"
        label={t('audits.scope.add')}
        error={form.errors.processIds}
        exclude={picked.map((p) => p.id)}
        onPick={(r) => form.set('processes', [...picked, r])}
      />
      <PickedList
        items={picked}
        label={t('audits.scope.title')}
        onRemove={(pid) =>
          form.set(
            'processes',
            picked.filter((p) => p.id !== pid),
          )
        }
      />
      <IndependenceException
        shown={independence.refused}
        justification={form.values.justification}
        error={form.errors.independenceException}
        onJustification={(text) => form.set('justification', text)}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {independence.refused && form.values.justification.trim()
            ? t('audits.independence.saveWithException')
            : t('form.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
