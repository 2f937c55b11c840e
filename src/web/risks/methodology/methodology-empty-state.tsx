import { useQueryClient } from '@tanstack/react-query';
import { riskMethodologyRegister } from '../../../schema/risks/risk-methodology.register.js';
import { useT } from '../../i18n/i18n.js';
import { api, orgPath } from '../../lib/api-client.js';
import { recordSchemaOf } from '../../register/register-api.js';
import { versionSchema } from '../../../schema/versioning/version-responses.js';
import { useSession } from '../../lib/session.js';
import { TextField } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { HeatThumbnail } from './heat-grid.js';
import { Button } from '../../ui/button.js';
import type { StartingMethodology } from '../../../schema/risks/risks.responses.js';
import { useStartingSet } from './methodology-api.js';
import { QueryState } from '../../ui/query-state.js';

/**
 * No methodology yet: what it is for (27001 6.1.2 a–b) and a start from one of the shipped methodologies. Creating
 * makes the record, then its first draft with the chosen method, and opens that draft for adapting.
 */
export function MethodologyEmptyState({
  org,
  canCreate,
  onCreated,
}: {
  org: string;
  canCreate: boolean;
  onCreated: (id: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="empty-state mx-empty">
      <h2>{t('riskMethodology.empty.title')}</h2>
      <p>{t('riskMethodology.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('riskMethodology.empty.scales')}</li>
        <li>{t('riskMethodology.empty.rule')}</li>
        <li>{t('riskMethodology.empty.acceptance')}</li>
      </ul>
      <p>{t('riskMethodology.empty.approval')}</p>
      {canCreate ? (
        <CreateForm org={org} onCreated={onCreated} />
      ) : (
        <p className="muted">{t('riskMethodology.empty.readOnly')}</p>
      )}
    </div>
  );
}

function CreateForm({ org, onCreated }: { org: string; onCreated: (id: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const set = useStartingSet(org);
  const items = set.data ?? [];
  const base = orgPath(org, `/${riskMethodologyRegister.collection}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['org', org, riskMethodologyRegister.collection] });

  const form = useForm({
    initial: { title: t('riskMethodology.empty.defaultTitle'), choice: '' },
    toBody: (v: { title: string; choice: string }) => ({
      title: v.title.trim(),
      ...(session ? { ownerId: session.user.id } : {}),
    }),
    schema: riskMethodologyRegister.createSchema,
    submit: async (body, v) => {
      const chosen = items.find((i) => i.key === v.choice) ?? items[0];
      if (!chosen) throw new Error('no starting methodology'); // not reached: the button waits for one
      const record = await api.post(base, body, recordSchemaOf(riskMethodologyRegister));
      try {
        await api.put(
          `${base}/${encodeURIComponent(record.id)}/draft`,
          {
            content: { summary: '', methodology: chosen.methodology },
            changeNote: t('riskMethodology.empty.changeNote', { name: chosen.name }),
          },
          versionSchema,
        );
      } catch (err) {
        // Created but the draft failed: the page now shows the record, whose first draft can be written there.
        await refresh();
        throw err;
      }
      await refresh();
      return record;
    },
    onSuccess: (record) => onCreated(record.id),
    fields: ['title'],
  });
  const chosen = items.find((i) => i.key === form.values.choice) ?? items[0];

  if (set.isPending || set.isError) return <QueryState query={set}>{() => null}</QueryState>;
  return (
    <Form form={form} className="form mx-create">
      <fieldset className="mx-starts">
        <legend>{t('riskMethodology.empty.choose')}</legend>
        {items.map((item) => (
          <StartOption
            key={item.key}
            item={item}
            checked={chosen?.key === item.key}
            onChoose={() => form.set('choice', item.key)}
          />
        ))}
      </fieldset>
      <TextField label={t('riskMethodology.field.title')} required maxLength={200} {...form.field('title')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={!chosen} busy={form.submitting}>
          {form.submitting ? t('riskMethodology.empty.creating') : t('riskMethodology.empty.create')}
        </Button>
      </div>
    </Form>
  );
}

function StartOption({
  item,
  checked,
  onChoose,
}: {
  item: StartingMethodology;
  checked: boolean;
  onChoose: () => void;
}) {
  const { t } = useT();
  const m = item.methodology;
  const facts = t('riskMethodology.empty.facts', {
    likelihood: m.likelihood.levels.length,
    consequence: m.consequence.levels.length,
    levels: m.levels.map((l) => l.label).join(', '),
    rule:
      m.rule.kind === 'matrix'
        ? t('riskMethodology.rule.matrix')
        : `${t('riskMethodology.rule.formula')} (${t(`riskMethodology.formula.${m.rule.formula}`)})`,
  });
  return (
    <label className={`mx-start-option${checked ? ' is-selected' : ''}`}>
      <input type="radio" name="starting-methodology" value={item.key} checked={checked} onChange={onChoose} />
      <HeatThumbnail m={m} />
      <span className="mx-start-option__text">
        <strong>{item.name}</strong>
        <span className="muted">{facts}</span>
      </span>
    </label>
  );
}
