import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  DOCUMENT_TYPES,
  POLICY_TYPES,
  documentRegister,
  type DocumentType,
} from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { useMembers } from '../lib/members.js';
import { useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterFieldInput } from '../register/register-field-input.js';
import { useRegisterMutations } from '../register/register-api.js';
import { DocumentsBreadcrumb } from './documents-breadcrumb.js';
import './documents.css';
import { Button } from '../ui/button.js';
import { Checkbox } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

const route = getRouteApi('/o/$org/documents/new');
const FIELDS = ['title', 'classification', 'ownerId', 'audience', 'parentId'] as const;

interface NewDocument extends Record<(typeof FIELDS)[number], string> {
  type: DocumentType | '';
  isSecurityPolicy: boolean;
}

/**
 * A new document: its type first (policies get the 27003 Annex A template, the information security policy also
 * the 5.2 commitments), then what identifies it. The text is written next, on the document page, in edit mode.
 */
export function DocumentNewPage() {
  const { t, td } = useT();
  const { org } = route.useParams();
  const navigate = useNavigate();
  const me = useSession()?.user.id;
  const members = useMembers(org).data?.items ?? [];
  const { create } = useRegisterMutations(org, documentRegister);
  const initial: NewDocument = {
    type: '',
    isSecurityPolicy: false,
    title: '',
    classification: 'internal',
    ownerId: me ?? '',
    audience: 'all_members',
    parentId: '',
  };
  const form = useForm({
    initial,
    schema: documentRegister.createSchema,
    toBody: (v) => {
      const body: Record<string, unknown> = { type: v.type || undefined };
      if (v.type === 'policy' && v.isSecurityPolicy) body.isSecurityPolicy = true;
      for (const name of FIELDS) if (v[name] !== '') body[name] = v[name];
      return body;
    },
    submit: (body) => create.mutateAsync(body),
    onSuccess: (record) =>
      navigate({ to: '/o/$org/documents/$id', params: { org, id: record.id }, search: { edit: '1', created: '1' } }),
  });
  const { values, errors } = form;
  const type = values.type;
  useDocumentTitle(t('documents.new'), useOrg(org).data?.name);
  const isPolicy = type !== '' && POLICY_TYPES.includes(type);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <DocumentsBreadcrumb org={org} />
      <h1 id="page-title">{t('documents.new')}</h1>
      <p className="page__lead">{t('documents.newLead')}</p>
      <Form form={form} className="form doc-new" aria-describedby="form-required-note">
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
                  onChange={() => form.set('type', option)}
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
          <Checkbox
            label={t('documents.field.isSecurityPolicy')}
            help={t('documents.help.isSecurityPolicy')}
            error={errors.isSecurityPolicy}
            name="isSecurityPolicy"
            checked={values.isSecurityPolicy}
            onChange={(e) => form.set('isSecurityPolicy', e.target.checked)}
          />
        ) : null}
        {isPolicy ? (
          <p className="alert alert--info">
            {values.isSecurityPolicy && type === 'policy'
              ? t('documents.new.ispTemplate')
              : t('documents.new.policyTemplate')}
          </p>
        ) : null}
        <div className="form__grid">
          {FIELDS.map((name) => (
            <RegisterFieldInput
              key={name}
              collection={documentRegister.collection}
              name={name}
              def={documentRegister.fields[name]}
              value={values[name]}
              error={errors[name]}
              members={members}
              org={org}
              onChange={(v) => form.set(name, String(v))}
            />
          ))}
        </div>
        <p className="muted">{t('documents.new.moreLater')}</p>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={form.submitting}>
            {form.submitting ? t('form.saving') : t('documents.new.submit')}
          </Button>
          <Button onClick={() => void navigate({ to: '/o/$org/documents', params: { org } })}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
