import { useState } from 'react';
import {
  distributionBodySchema,
  distributionsResponseSchema,
} from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useMembers } from '../../lib/members.js';
import { useCan } from '../../lib/session.js';
import { LiveMessage } from '../../components/status.js';
import { Button } from '../../ui/button.js';
import { TextArea } from '../../ui/fields.js';
import { CheckboxField } from '../../ui/form-field.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { QueryState } from '../../ui/query-state.js';
import { useForm } from '../../ui/use-form.js';
import { auditPath, useDistributions, useRefreshAudit } from './audits-api.js';

/** Who received the approved report, and when (9.2.2 f: results reported to relevant management). */
export function DistributionCard({
  org,
  id,
  approvedVersion,
}: {
  org: string;
  id: string;
  approvedVersion: number | null;
}) {
  const { t, formatDateTime } = useT();
  const can = useCan(org);
  const distributions = useDistributions(org, id, approvedVersion !== null);
  return (
    <section className="card audit-card" aria-labelledby="audit-distribution-title">
      <h2 id="audit-distribution-title">{t('audits.distribution.title')}</h2>
      {approvedVersion === null ? (
        <p className="muted">{t('audits.distribution.notApproved')}</p>
      ) : (
        <QueryState query={distributions}>
          {(data) => (
            <>
              {data.items.length ? (
                <ul>
                  {data.items.map((d) => (
                    <li key={d.id}>
                      {t('audits.distribution.row', {
                        no: d.versionNo,
                        when: formatDateTime(d.distributedAt),
                        who: d.members.map((m) => m.name).join(', '),
                      })}
                      {d.note ? ` — ${d.note}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('audits.distribution.none')}</p>
              )}
              {can('internal_audit.update') ? <DistributeForm org={org} id={id} /> : null}
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}

function DistributeForm({ org, id }: { org: string; id: string }) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const refresh = useRefreshAudit(org);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initial: { memberIds: new Array<string>(), note: '' },
    schema: distributionBodySchema,
    toBody: (v) => ({ memberIds: v.memberIds, ...(v.note.trim() ? { note: v.note.trim() } : {}) }),
    submit: (body) => api.post(auditPath(org, id, '/distributions'), body, distributionsResponseSchema),
    resetOnSuccess: true,
    onSuccess: async () => {
      setDone(t('audits.distribution.done'));
      await refresh();
    },
  });
  const chosen = form.values.memberIds;
  return (
    <Form form={form} aria-labelledby="audit-distribute-title" className="form">
      <LiveMessage>{done}</LiveMessage>
      <fieldset>
        <legend id="audit-distribute-title">{t('audits.distribution.to')}</legend>
        {members.map((m) => (
          <CheckboxField key={m.userId} label={`${m.name} (${td(`role.${m.role}`, undefined, m.role)})`}>
            <input
              type="checkbox"
              checked={chosen.includes(m.userId)}
              onChange={(e) =>
                form.set('memberIds', e.target.checked ? [...chosen, m.userId] : chosen.filter((x) => x !== m.userId))
              }
            />
          </CheckboxField>
        ))}
        {form.errors.memberIds ? (
          <p className="field__error" role="alert">
            {form.errors.memberIds}
          </p>
        ) : null}
      </fieldset>
      <TextArea label={t('audits.distribution.note')} rows={2} {...form.field('note')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('audits.distribution.send')}
        </Button>
      </div>
    </Form>
  );
}
