import { useState, type FormEvent } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { ClassificationBadge } from './document-badges.js';
import { useClassificationScheme, useSetClassificationScheme, type ClassificationLevel } from './documents-api.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

/**
 * The organization's classification scheme (5.12, 5.13 of Annex A): the four levels in Rampart's fixed order, each
 * with who may read it (fixed: that is what the access rules enforce), the organization's name for it and its
 * handling rules. Managers rename and describe the levels; everyone else reads them.
 */
export function ClassificationSchemeTab({ org, canEdit }: { org: string; canEdit: boolean }) {
  const { t } = useT();
  const scheme = useClassificationScheme(org);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="doc-scheme" aria-labelledby="doc-scheme-title">
      <h2 id="doc-scheme-title" className="section-title">
        {t('documents.scheme.title')}
      </h2>
      <p className="page__lead">{t('documents.scheme.lead')}</p>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={scheme}>
        {(data) =>
          editing ? (
            <SchemeForm
              org={org}
              levels={data.levels}
              onDone={() => {
                setEditing(false);
                setDone(t('documents.scheme.saved'));
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <SchemeView levels={data.levels} />
              {canEdit ? (
                <Button
                  onClick={() => {
                    setDone(null);
                    setEditing(true);
                  }}
                >
                  {t('documents.scheme.edit')}
                </Button>
              ) : (
                <p className="muted">{t('documents.scheme.readOnly')}</p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

const position = (level: Classification) => CLASSIFICATIONS.indexOf(level) + 1;

function SchemeView({ levels }: { levels: ClassificationLevel[] }) {
  const { t, td } = useT();
  return (
    <ol className="doc-scheme__levels" aria-label={t('documents.scheme.caption')}>
      {levels.map((l) => (
        <li key={l.level} className="doc-scheme__level card">
          <h3 className="doc-scheme__name">
            <ClassificationBadge value={l.level} />{' '}
            <span className="muted">{t('documents.scheme.position', { n: position(l.level) })}</span>
          </h3>
          <dl className="detail__meta">
            <dt>{t('documents.scheme.name')}</dt>
            <dd>
              {l.label}
              {l.isDefault ? <span className="muted"> ({t('documents.scheme.defaultName')})</span> : null}
            </dd>
            <dt>{t('documents.scheme.who')}</dt>
            <dd>{td(`documents.scheme.rule.${l.level}`)}</dd>
            <dt>{t('documents.scheme.handling')}</dt>
            <dd className="prewrap">
              {l.description ? l.description : <span className="muted">{t('documents.scheme.noHandling')}</span>}
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

type Draft = Record<Classification, { label: string; description: string }>;

function SchemeForm({
  org,
  levels,
  onDone,
  onCancel,
}: {
  org: string;
  levels: ClassificationLevel[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, td } = useT();
  const save = useSetClassificationScheme(org);
  const [draft, setDraft] = useState<Draft>(() => {
    const out = {} as Draft;
    for (const level of CLASSIFICATIONS) {
      const l = levels.find((x) => x.level === level);
      out[level] = { label: l?.label ?? '', description: l?.description ?? '' };
    }
    return out;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const change = (level: Classification, field: 'label' | 'description', value: string) => {
    setDraft((d) => ({ ...d, [level]: { ...d[level], [field]: value } }));
    setErrors((e) => ({ ...e, [`${level}.${field}`]: '' }));
  };

  const validate = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const seen = new Set<string>();
    for (const level of CLASSIFICATIONS) {
      const name = draft[level].label.trim();
      if (!name) out[`${level}.label`] = t('documents.scheme.nameRequired');
      else if (seen.has(name.toLowerCase())) out[`${level}.label`] = t('documents.scheme.nameTaken');
      seen.add(name.toLowerCase());
    }
    return out;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.doc-scheme-form [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const body = {
      levels: CLASSIFICATIONS.map((level) => {
        const description = draft[level].description.trim();
        return { level, label: draft[level].label.trim(), ...(description ? { description } : {}) };
      }),
    };
    try {
      await save.mutateAsync(body);
      onDone();
    } catch (err) {
      // the server names fields `body.levels.N.label`; show each next to its level
      const fields: Record<string, string> = {};
      if (isApiError(err)) {
        for (const [name, message] of Object.entries(err.fieldErrors())) {
          const m = /^levels\.(\d+)\.(label|description)$/.exec(name);
          const level = m ? CLASSIFICATIONS[Number(m[1])] : undefined;
          if (m && level) fields[`${level}.${m[2]}`] = message;
        }
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(err);
    }
  };

  return (
    <form className="form doc-scheme-form" onSubmit={(e) => void submit(e)} noValidate>
      {CLASSIFICATIONS.map((level) => {
        const n = position(level);
        return (
          <fieldset key={level} className="doc-scheme__fieldset">
            <legend>
              {t('documents.scheme.position', { n })} — {td(`documents.scheme.rule.${level}`)}
            </legend>
            <FormField
              label={t('documents.scheme.nameOf', { n })}
              help={t('documents.scheme.nameHelp')}
              error={errors[`${level}.label`] || undefined}
              required
            >
              <input
                value={draft[level].label}
                maxLength={60}
                onChange={(e) => change(level, 'label', e.target.value)}
              />
            </FormField>
            <FormField
              label={t('documents.scheme.handlingOf', { n })}
              help={t('documents.scheme.handlingHelp')}
              error={errors[`${level}.description`] || undefined}
              className="field--wide"
            >
              <textarea
                rows={3}
                maxLength={1000}
                value={draft[level].description}
                onChange={(e) => change(level, 'description', e.target.value)}
              />
            </FormField>
          </fieldset>
        );
      })}
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('documents.scheme.saving') : t('documents.scheme.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
