import { useState, type FormEvent } from 'react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  DOCUMENT_TYPES,
  POLICY_TYPES,
  documentRegister,
  type DocumentType,
} from '../../schema/documents/document.register.js';
import type { FieldDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useMembers } from '../lib/members.js';
import { useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { CheckboxField } from '../ui/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { RegisterFieldInput, type FormValue } from '../register/register-field-input.js';
import { useRegisterMutations } from '../register/register-api.js';
import { DocumentsBreadcrumb } from './documents-breadcrumb.js';
import './documents.css';
import { Button } from '../ui/button.js';

const route = getRouteApi('/o/$org/documents/new');
const FIELDS = ['title', 'classification', 'ownerId', 'audience', 'parentId'] as const;

/**
 * A new document: its type first (policies get the 27003 Annex A template, the information security policy also
 * the 5.2 commitments), then what identifies it. The text is written next, on the document page, in edit mode.
 */
export function DocumentNewPage() {
  const i18n = useT();
  const { t, td } = i18n;
  const { org } = route.useParams();
  const navigate = useNavigate();
  const me = useSession()?.user.id;
  const members = useMembers(org).data?.items ?? [];
  const { create } = useRegisterMutations(org, documentRegister);
  const [type, setType] = useState<DocumentType | ''>('');
  const [isp, setIsp] = useState(false);
  const [values, setValues] = useState<Record<string, FormValue>>(() => ({
    title: '',
    classification: 'internal',
    ownerId: me ?? '',
    audience: 'all_members',
    parentId: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('documents.new'), useOrg(org).data?.name);
  const isPolicy = type !== '' && POLICY_TYPES.includes(type);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body: Record<string, unknown> = { type: type || undefined };
    if (type === 'policy' && isp) body.isSecurityPolicy = true;
    for (const name of FIELDS) if (values[name] !== '') body[name] = values[name];
    const parsed = documentRegister.createSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.doc-new [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    try {
      const record = await create.mutateAsync(body);
      await navigate({
        to: '/o/$org/documents/$id',
        params: { org, id: record.id },
        search: { edit: '1', created: '1' },
      });
    } catch (err) {
      const fields = isApiError(err) ? err.fieldErrors() : {};
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(err);
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <DocumentsBreadcrumb org={org} />
      <h1 id="page-title">{t('documents.new')}</h1>
      <p className="page__lead">{t('documents.newLead')}</p>
      <form className="form doc-new" onSubmit={submit} noValidate aria-describedby="form-required-note">
        <p id="form-required-note" className="muted">
          {t('form.requiredNote')}
        </p>
        <fieldset className="doc-types" aria-describedby={errors.type ? 'doc-type-error' : undefined}>
          <legend>
            {t('documents.field.type')}{' '}
            <span className="field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {errors.type ? (
            <p className="field__error" id="doc-type-error">
              {errors.type}
            </p>
          ) : null}
          <div className="doc-types__grid">
            {DOCUMENT_TYPES.map((option) => (
              <div key={option} className="doc-type">
                <input
                  type="radio"
                  id={`doc-type-${option}`}
                  name="type"
                  value={option}
                  checked={type === option}
                  aria-describedby={`doc-type-${option}-hint`}
                  aria-invalid={errors.type ? true : undefined}
                  onChange={() => {
                    setType(option);
                    setErrors((x) => ({ ...x, type: '' }));
                  }}
                />
                <span className="doc-type__text">
                  <label htmlFor={`doc-type-${option}`} className="doc-type__name">
                    {td(`documents.type.${option}`)}
                  </label>
                  <span className="doc-type__hint" id={`doc-type-${option}-hint`}>
                    {POLICY_TYPES.includes(option) ? t('documents.new.templateHint') : t('documents.new.bodyHint')}
                  </span>
                </span>
              </div>
            ))}
          </div>
        </fieldset>
        {type === 'policy' ? (
          <CheckboxField label={t('documents.field.isSecurityPolicy')} help={t('documents.help.isSecurityPolicy')}>
            <input type="checkbox" name="isSecurityPolicy" checked={isp} onChange={(e) => setIsp(e.target.checked)} />
          </CheckboxField>
        ) : null}
        {isPolicy ? (
          <p className="alert alert--info">
            {isp && type === 'policy' ? t('documents.new.ispTemplate') : t('documents.new.policyTemplate')}
          </p>
        ) : null}
        <div className="form__grid">
          {FIELDS.map((name) => (
            <RegisterFieldInput
              key={name}
              collection={documentRegister.collection}
              name={name}
              def={documentRegister.fields[name] as FieldDef}
              value={values[name] ?? ''}
              error={errors[name] || undefined}
              members={members}
              org={org}
              onChange={(v) => {
                setValues((x) => ({ ...x, [name]: v }));
                setErrors((x) => ({ ...x, [name]: '' }));
              }}
            />
          ))}
        </div>
        <p className="muted">{t('documents.new.moreLater')}</p>
        {failure ? <ErrorMessage error={failure} /> : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t('form.saving') : t('documents.new.submit')}
          </Button>
          <Button onClick={() => void navigate({ to: '/o/$org/documents', params: { org } })}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
