import { useCallback, useId, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  OBJECTIVE_ANSWERS_KIND,
  OBJECTIVE_ANSWERS_TARGETS,
  OBJECTIVE_ENTITY,
} from '../../schema/objectives/objective.register.js';
import { linkSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { LiveMessage } from '../components/status.js';
import { recordPath } from '../register/record-targets.js';
import { RecordOptions, RecordSearch, relatedText } from '../register/record-select.js';
import { useRecordLinks } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';

/**
 * What an objective answers (27001 6.2 c): the requirements (4.2), issues (4.1) and risks it takes into account,
 * as `answers` links from the objective, which the objectives document lists for each objective.
 */
export function ObjectiveAnswersCard({ org, id, canLink }: { org: string; id: string; canLink: boolean }) {
  const { t, td } = useT();
  const uid = useId();
  const links = useRecordLinks(org, OBJECTIVE_ENTITY, id);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('objectives.answers.title')}
      </h2>
      <p className="small muted">{t('objectives.answers.lead')}</p>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={links}>
        {(data) => {
          const answers = data.items.filter((l) => l.kind === OBJECTIVE_ANSWERS_KIND);
          if (!answers.length) return <p className="muted">{t('objectives.answers.empty')}</p>;
          return (
            <ul className="link-list">
              {answers.map((l) => {
                const out = l.fromId === id;
                const [type, otherId, ref, title] = out
                  ? [l.toType, l.toId, l.toRef, l.toTitle]
                  : [l.fromType, l.fromId, l.fromRef, l.fromTitle];
                const text = relatedText({ ref: ref ?? otherId, title: title ?? '' });
                const to = recordPath(org, type, otherId);
                return (
                  <li key={l.id}>
                    <span className="link-list__kind">{td(`entity.${type}`, undefined, type)}</span>{' '}
                    {to ? <Link to={to as '/'}>{text}</Link> : text}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryState>
      {canLink ? <AddAnswer org={org} id={id} onLinked={(ref) => setDone(t('register.linkAdded', { ref }))} /> : null}
    </section>
  );
}

function AddAnswer({ org, id, onLinked }: { org: string; id: string; onLinked: (ref: string) => void }) {
  const { t, td } = useT();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const form = useForm({
    initial: { entity: OBJECTIVE_ANSWERS_TARGETS[0] as string, chosen: '' },
    toBody: (v) => ({
      fromType: OBJECTIVE_ENTITY,
      fromId: id,
      toType: v.entity,
      toId: v.chosen,
      kind: OBJECTIVE_ANSWERS_KIND,
    }),
    submit: (body) => api.post(orgPath(org, '/links'), body, linkSchema),
    onSuccess: async (link) => {
      form.set('chosen', '');
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
      onLinked(link.toRef ?? link.toId);
    },
  });
  const { entity, chosen } = form.values;
  const recordLabel = t('register.linkRecord', { kind: td(`entity.${entity}`, undefined, entity) });
  return (
    <Form form={form} className="link-add" aria-label={t('objectives.answers.add')}>
      <h3 className="link-add__title">{t('objectives.answers.add')}</h3>
      <Select
        label={t('register.linkType')}
        value={entity}
        onChange={(e) => form.update((v) => ({ ...v, entity: e.target.value, chosen: '' }))}
      >
        {OBJECTIVE_ANSWERS_TARGETS.map((en) => (
          <option key={en} value={en}>
            {td(`entity.${en}`, undefined, en)}
          </option>
        ))}
      </Select>
      <Select
        label={recordLabel}
        fieldClassName="record-select"
        suffix={<RecordSearch key={entity} label={recordLabel} onSearch={onSearch} />}
        {...form.field('chosen')}
      >
        <option value="">{t('common.choose')}</option>
        <RecordOptions org={org} entity={entity} q={q} value={chosen} current={undefined} />
      </Select>
      <Button type="submit" disabled={!chosen || form.submitting}>
        {t('register.linkSubmit')}
      </Button>
      <FormFailureMessage form={form} />
    </Form>
  );
}
