import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { riskMethodologyRegister } from '../../../schema/risks/risk-methodology.register.js';
import { useT } from '../../i18n/i18n.js';
import { api, isApiError, orgPath } from '../../lib/api-client.js';
import type { RegisterRecord } from '../../lib/api-types.js';
import { useSession } from '../../lib/session.js';
import { FormField } from '../../ui/form-field.js';
import { ErrorMessage } from '../../components/status.js';
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
  const [title, setTitle] = useState(() => t('riskMethodology.empty.defaultTitle'));
  const [choice, setChoice] = useState<string>('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const items = set.data ?? [];
  const chosen = items.find((i) => i.key === choice) ?? items[0];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setTitleError(t('validation.required'));
    if (!chosen) return;
    setBusy(true);
    setFailure(null);
    try {
      const base = orgPath(org, `/${riskMethodologyRegister.collection}`);
      const record = await api.post<RegisterRecord>(base, {
        title: title.trim(),
        ...(session ? { ownerId: session.user.id } : {}),
      });
      await api.put(`${base}/${encodeURIComponent(record.id)}/draft`, {
        content: { summary: '', methodology: chosen.methodology },
        changeNote: t('riskMethodology.empty.changeNote', { name: chosen.name }),
      });
      await queryClient.invalidateQueries({ queryKey: ['org', org, riskMethodologyRegister.collection] });
      onCreated(record.id);
    } catch (err) {
      if (isApiError(err) && err.fieldErrors().title) setTitleError(err.fieldErrors().title);
      setFailure(err);
      // Created but the draft failed: the page now shows the record, whose first draft can be written there.
      await queryClient.invalidateQueries({ queryKey: ['org', org, riskMethodologyRegister.collection] });
    } finally {
      setBusy(false);
    }
  };

  if (set.isPending || set.isError) return <QueryState query={set}>{() => null}</QueryState>;
  return (
    <form className="form mx-create" onSubmit={submit} noValidate>
      <fieldset className="mx-starts">
        <legend>{t('riskMethodology.empty.choose')}</legend>
        {items.map((item) => (
          <StartOption
            key={item.key}
            item={item}
            checked={chosen?.key === item.key}
            onChoose={() => setChoice(item.key)}
          />
        ))}
      </fieldset>
      <FormField label={t('riskMethodology.field.title')} error={titleError} required>
        <input value={title} maxLength={200} onChange={(e) => (setTitle(e.target.value), setTitleError(undefined))} />
      </FormField>
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={busy || !chosen}>
          {busy ? t('riskMethodology.empty.creating') : t('riskMethodology.empty.create')}
        </Button>
      </div>
    </form>
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
