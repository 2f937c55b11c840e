import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { RegisterForm, type FormValues } from '../register/register-form.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { checkFormula } from './formula-check.js';
import './measurement.css';

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** Under the formula: whether its keys are declared, as it is typed (the same parser as the server's). */
function useFormulaParts() {
  const { t } = useT();
  const messageOf = (values: FormValues) => {
    const result = checkFormula(str(values.baseMeasures), str(values.formula));
    if (result.state !== 'error') return { result, message: null };
    const message = result.unknown
      ? t('measurement.formula.unknown', { keys: result.unknown.join(', ') })
      : t('measurement.formula.invalid', { reason: result.message });
    return { result, message };
  };
  return {
    check: (values: FormValues): Record<string, string> => {
      const { result, message } = messageOf(values);
      return result.state === 'error' && message ? { [result.field]: message } : {};
    },
    fieldNote: (name: string, values: FormValues) => {
      if (name !== 'formula') return null;
      const { result, message } = messageOf(values);
      if (result.state === 'none') return null;
      return (
        <p className={`field--wide formula-check formula-check--${result.state}`} role="status">
          {result.state === 'ok'
            ? `✓ ${t('measurement.formula.ok', { keys: result.keys.join(', ') })}${
                result.unused.length ? ` ${t('measurement.formula.unused', { keys: result.unused.join(', ') })}` : ''
              }`
            : `✗ ${message ?? ''}`}
        </p>
      );
    },
  };
}

function MeasuresBreadcrumb({ org, current }: { org: string; current?: string }) {
  const { t } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/measures" params={{ org }}>
          {t('measures.title')}
        </Link>
      }
      current={current}
    />
  );
}

/** A new measure (9.1 a–f): the register's form with a live check of the formula over its base measures. */
export function MeasureNewPage() {
  const { t } = useT();
  const { org } = useParams({ from: '/o/$org/measures/new' });
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, measureRegister);
  const formula = useFormulaParts();
  useDocumentTitle(t('measurement.new'), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<MeasuresBreadcrumb org={org} />}
        title={t('measurement.new')}
        description={t('measurement.formLead')}
      />
      <RegisterForm
        org={org}
        register={measureRegister}
        check={formula.check}
        fieldNote={formula.fieldNote}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: '/o/$org/measures/$id', params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: '/o/$org/measures', params: { org } })}
      />
    </section>
  );
}

export function MeasureEditPage() {
  const { t } = useT();
  const { org, id } = useParams({ from: '/o/$org/measures/$id/edit' });
  const navigate = useNavigate();
  const record = useRegisterRecord(org, measureRegister, id);
  const { update } = useRegisterMutations(org, measureRegister);
  const formula = useFormulaParts();
  const back = () => void navigate({ to: '/o/$org/measures/$id', params: { org, id } });
  useDocumentTitle(
    record.data ? t('measurement.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(data) => (
          <>
            <PageHeader
              breadcrumb={<MeasuresBreadcrumb org={org} current={data.ref} />}
              title={t('measurement.editTitle', { ref: data.ref })}
            />
            <RegisterForm
              key={data.version}
              org={org}
              register={measureRegister}
              record={data}
              check={formula.check}
              fieldNote={formula.fieldNote}
              onSubmit={async (body) => {
                await update.mutateAsync({ id, body });
                back();
              }}
              onCancel={back}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
