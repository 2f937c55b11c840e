import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CLOSED_LIFECYCLES, objectiveRegister } from '../../schema/objectives/objective.register.js';
import { objectiveCloseBodySchema } from '../../schema/objectives/objective-progress.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { recordSchemaOf } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { Select, TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { objectivePath } from './objective-api.js';

/**
 * Closing an objective (managers): achieved, missed or withdrawn, with the note that says why. A decision, not a
 * reading of the status: a value meeting the target once does not make the objective achieved.
 */
export function CloseObjectiveButton({
  org,
  record,
}: {
  org: string;
  record: { id: string; ref: string; version: number };
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('objectives.close.open')}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('objectives.close.title', { ref: record.ref })}
        titleId="obj-close-title"
        describedBy="obj-close-explain"
      >
        <p id="obj-close-explain">{t('objectives.close.explain')}</p>
        {open ? <CloseForm org={org} record={record} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function CloseForm({
  org,
  record,
  onDone,
}: {
  org: string;
  record: { id: string; version: number };
  onDone: () => void;
}) {
  const { t, td } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initial: { outcome: 'achieved', note: '' },
    toBody: (v) => ({ expectedVersion: record.version, outcome: v.outcome, note: v.note.trim() }),
    schema: objectiveCloseBodySchema,
    versioned: true,
    submit: (body) => api.post(objectivePath(org, record.id, '/close'), body, recordSchemaOf(objectiveRegister)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, objectiveRegister.collection] });
      onDone();
    },
  });
  return (
    <Form form={form} className="form" aria-label={t('objectives.close.open')}>
      <Select label={t('objectives.close.outcome')} required {...form.field('outcome')}>
        {CLOSED_LIFECYCLES.map((o) => (
          <option key={o} value={o}>
            {td(`objectives.lifecycle.${o}`)}
          </option>
        ))}
      </Select>
      <TextArea label={t('objectives.close.note')} required {...form.field('note')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('objectives.close.submit')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
