import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { controlRegister } from '../../schema/controls/control.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterDetailPage } from '../register/register-pages.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { ControlDriversCard } from './control-drivers-card.js';
import { useControlPage } from './control-page-api.js';
import { Loading } from '../components/status.js';
import { detailShows } from './control-fields.js';
import { ControlForm } from './control-form.js';
import { controlPath } from './control-paths.js';
import './controls.css';
import { QueryState } from '../ui/query-state.js';

const useParamsOf = () => useParams({ strict: false }) as { org: string; id?: string };
const listTo = '/o/$org/controls';
const detailTo = '/o/$org/controls/$id';

function ControlsBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { t, td } = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to={listTo} params={{ org }}>
        {td(controlRegister.title)}
      </Link>
      {current ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      ) : null}
    </nav>
  );
}

/**
 * A control: what needs it (risks, requirements, a stated reason) above its SoA line; requirements can be linked.
 * Its first view is read in one request (the page summary); the cards then find their parts already read.
 */
export function ControlDetailPage() {
  const { org, id = '' } = useParamsOf();
  const page = useControlPage(org, id);
  // when the summary fails, the cards ask on their own and show what went wrong as they always did
  // read afresh on every visit before the cards mount (cards mounting on older cached parts would each ask again)
  return page.isFetchedAfterMount ? <ControlDetail /> : <Loading />;
}

function ControlDetail() {
  const { org } = useParamsOf();
  const can = useCan(org);
  return (
    <RegisterDetailPage
      register={controlRegister}
      path={controlPath}
      above={(o, record) => <ControlDriversCard org={o} control={record} />}
      // Annex A controls stay in the SoA (excluded if need be); only custom controls are archived
      canArchive={(record) => record.source === 'custom'}
      showField={detailShows}
      linkFrom={(record) => (can('control.update') && !record.archivedAt ? ['requirement'] : undefined)}
    />
  );
}

/** A custom control (27003's example: mobile device management). */
export function ControlNewPage() {
  const { t } = useT();
  const { org } = useParamsOf();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, controlRegister);
  useDocumentTitle(t('controls.new'), useOrg(org).data?.name);
  return (
    <section className="page page--form" aria-labelledby="page-title">
      <ControlsBreadcrumb org={org} />
      <h1 id="page-title">{t('controls.new')}</h1>
      <p className="page__lead">{t('controls.formLead')}</p>
      <ControlForm
        org={org}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: detailTo, params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: listTo, params: { org } })}
      />
    </section>
  );
}

export function ControlEditPage() {
  const { t } = useT();
  const { org, id = '' } = useParamsOf();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, controlRegister, id);
  const { update } = useRegisterMutations(org, controlRegister);
  const ref = record.data?.ref;
  useDocumentTitle(ref ? t('controls.editTitle', { ref }) : t('common.loading'), useOrg(org).data?.name);
  return (
    <section className="page page--form" aria-labelledby="page-title">
      <ControlsBreadcrumb org={org} current={ref} />
      <QueryState query={record}>
        {(data) => (
          <>
            <h1 id="page-title">{t('controls.editTitle', { ref: data.ref })}</h1>
            <p className="page__lead">{data.title ?? ''}</p>
            <ControlForm
              key={data.version}
              org={org}
              record={data}
              onSubmit={async (body) => {
                await update.mutateAsync({ id, body });
                await navigate({ to: detailTo, params: { org, id } });
              }}
              onCancel={() => void navigate({ to: detailTo, params: { org, id } })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
