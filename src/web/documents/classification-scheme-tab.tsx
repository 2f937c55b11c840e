import { useState } from 'react';
import type { z } from 'zod';
import { CLASSIFICATIONS, type Classification } from '../../schema/documents/document.register.js';
import { classificationSchemeBody } from '../../schema/documents/documents.schema.js';
import { useT, type I18n } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { issueMessage } from '../lib/form-errors.js';
import { LiveMessage } from '../components/status.js';
import { ClassificationBadge } from './document-badges.js';
import { useClassificationScheme, useSetClassificationScheme, type ClassificationLevel } from './documents-api.js';
import { Button } from '../ui/button.js';
import { TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';

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

/** The form's name for a level's field: `internal.label`. */
const FIELDS = CLASSIFICATIONS.flatMap((level) => [`${level}.label`, `${level}.description`]);

/** `levels.1.label` (the body's path, from the schema or the server) → `internal.label`. */
function levelField(path: readonly PropertyKey[]): string | undefined {
  const [root, index, field] = path;
  const level = root === 'levels' ? CLASSIFICATIONS[Number(index)] : undefined;
  return level && (field === 'label' || field === 'description') ? `${level}.${field}` : undefined;
}

/** Every level named, each name once: in the scheme's own words (the schema says the same, more tersely). */
function namesGiven({ t }: I18n, draft: Draft): FieldErrors {
  const out: FieldErrors = {};
  const seen = new Set<string>();
  for (const level of CLASSIFICATIONS) {
    const name = draft[level].label.trim();
    if (!name) out[`${level}.label`] = t('documents.scheme.nameRequired');
    else if (seen.has(name.toLowerCase())) out[`${level}.label`] = t('documents.scheme.nameTaken');
    seen.add(name.toLowerCase());
  }
  return out;
}

/** The schema's issues next to their level's fields. */
function schemaErrors(i18n: I18n, error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const name = levelField(issue.path) ?? '_form';
    out[name] ??= issueMessage(i18n, issue);
  }
  return out;
}

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
  const i18n = useT();
  const { t, td } = i18n;
  const save = useSetClassificationScheme(org);
  const [initial] = useState(() => {
    const draft = (level: Classification) => {
      const l = levels.find((x) => x.level === level);
      return { label: l?.label ?? '', description: l?.description ?? '' };
    };
    const out: Draft = {
      public: draft('public'),
      internal: draft('internal'),
      confidential: draft('confidential'),
      restricted: draft('restricted'),
    };
    return out;
  });
  const form = useForm({
    initial,
    schema: classificationSchemeBody,
    toBody: (draft) => ({
      levels: CLASSIFICATIONS.map((level) => {
        const description = draft[level].description.trim();
        return { level, label: draft[level].label.trim(), ...(description ? { description } : {}) };
      }),
    }),
    check: (draft) => namesGiven(i18n, draft),
    clientErrors: (error, draft) => ({ ...schemaErrors(i18n, error), ...namesGiven(i18n, draft) }),
    // the server names fields `body.levels.N.label`; each is said next to its level
    serverErrors: (err) =>
      Object.fromEntries(
        (isApiError(err) ? err.errors : []).flatMap((e) => {
          const name = levelField(e.field.replace(/^body\./, '').split('.'));
          return name ? [[name, e.message]] : [];
        }),
      ),
    fields: FIELDS,
    submit: (body) => save.mutateAsync(body),
    onSuccess: onDone,
  });
  const change = (level: Classification, field: 'label' | 'description', value: string) =>
    form.update((d) => ({ ...d, [level]: { ...d[level], [field]: value } }), [`${level}.${field}`]);

  return (
    <Form form={form} className="form doc-scheme-form">
      {CLASSIFICATIONS.map((level) => {
        const n = position(level);
        return (
          <fieldset key={level} className="doc-scheme__fieldset">
            <legend>
              {t('documents.scheme.position', { n })} — {td(`documents.scheme.rule.${level}`)}
            </legend>
            <TextField
              label={t('documents.scheme.nameOf', { n })}
              help={t('documents.scheme.nameHelp')}
              error={form.errors[`${level}.label`]}
              required
              value={form.values[level].label}
              maxLength={60}
              onChange={(e) => change(level, 'label', e.target.value)}
            />
            <TextArea
              label={t('documents.scheme.handlingOf', { n })}
              help={t('documents.scheme.handlingHelp')}
              error={form.errors[`${level}.description`]}
              fieldClassName="field--wide"
              rows={3}
              maxLength={1000}
              value={form.values[level].description}
              onChange={(e) => change(level, 'description', e.target.value)}
            />
          </fieldset>
        );
      })}
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('documents.scheme.saving') : t('documents.scheme.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
