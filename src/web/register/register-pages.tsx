import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { FieldMap, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { QueryState } from '../ui/query-state.js';
import type { HistoryLabels } from '../versioning/history-labels.js';
import { RecordHistory } from './record-history.js';
import { recordPath } from './record-targets.js';
import { RegisterDetail } from './register-detail.js';
import { RegisterForm } from './register-form.js';
import { RegisterList, type QuickFilter } from './register-list.js';
import { useRegisterMutations, useRegisterRecord, type RecordRead } from './register-api.js';
import type { RegisterSearch } from './register-search.js';
import type { RecordLinkComponent } from './register-table.js';
import { PageHeader } from '../ui/page-header.js';

/**
 * List, new, detail and edit pages of a register, driven by its definition. Pages live at `/o/$org/<collection>`;
 * texts come from `<collection>.title|eyebrow|lead|new|formLead|editTitle|created` in the message catalog.
 * `ContextPath` is any register's address segment (`risks`, `issues`) whose route file declares the four pages.
 */
export type ContextPath = string;

// The register is chosen at run time, so addresses are built as text; the route tree declares each of them.
const listTo = (path: ContextPath) => `/o/$org/${path}` as '/o/$org/issues';
const newTo = (path: ContextPath) => `/o/$org/${path}/new` as '/o/$org/issues/new';
const detailTo = (path: ContextPath) => `/o/$org/${path}/$id` as '/o/$org/issues/$id';
const editTo = (path: ContextPath) => `/o/$org/${path}/$id/edit` as '/o/$org/issues/$id/edit';

// Every route of these pages sits under /o/$org, and the record pages under …/$id: the params are always there.
const useOrgParam = () => useParams({ strict: false }).org ?? '';
const useIdParam = () => useParams({ strict: false }).id ?? '';

export function recordLinkFor(path: ContextPath): RecordLinkComponent {
  return function ContextRecordLink({ record, children }) {
    const org = useOrgParam();
    return (
      <Link to={detailTo(path)} params={{ org, id: record.id }}>
        {children}
      </Link>
    );
  };
}

interface ListProps {
  register: RegisterDef;
  path: ContextPath;
  quickFilters?: QuickFilter[];
  emptyState: (ctx: { org: string; canCreate: boolean }) => ReactNode;
  /** shown between the header and the list (e.g. the climate decision) */
  before?: (org: string) => ReactNode;
}

export function RegisterListPage({ register, path, quickFilters, emptyState, before }: ListProps) {
  const { td } = useT();
  const org = useOrgParam();
  const search: RegisterSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const can = useCan(org);
  const RecordLink = useMemo(() => recordLinkFor(path), [path]);
  const c = register.collection;
  useDocumentTitle(td(register.title), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={td(`${c}.eyebrow`)}
        title={td(register.title)}
        description={td(`${c}.lead`)}
        actions={
          can(`${register.entity}.create`) ? (
            <Link to={newTo(path)} params={{ org }} className="button button--primary">
              {td(`${c}.new`)}
            </Link>
          ) : null
        }
      />
      {before?.(org)}
      <RegisterList
        org={org}
        register={register}
        search={search}
        onSearch={(next) => void navigate({ to: listTo(path), params: { org }, search: next as never })}
        RecordLink={RecordLink}
        canExport={can(`${register.entity}.export`)}
        canImport={can(`${register.entity}.import`)}
        quickFilters={quickFilters}
        emptyState={emptyState({ org, canCreate: can(`${register.entity}.create`) })}
      />
    </section>
  );
}

/** The trail above a record's pages: the register, then the record when it has a reference. */
function RegisterBreadcrumb({
  register,
  path,
  org,
  current,
}: {
  register: RegisterDef;
  path: ContextPath;
  org: string;
  current?: string | undefined;
}) {
  const { td } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to={listTo(path)} params={{ org }}>
          {td(register.title)}
        </Link>
      }
      current={current}
    />
  );
}

export function RegisterNewPage({
  register,
  path,
  defaults,
}: {
  register: RegisterDef;
  path: ContextPath;
  defaults?: Record<string, string>;
}) {
  const { td } = useT();
  const org = useOrgParam();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, register);
  const c = register.collection;
  useDocumentTitle(td(`${c}.new`), useOrg(org).data?.name);
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<RegisterBreadcrumb register={register} path={path} org={org} />}
        title={td(`${c}.new`)}
        description={td(`${c}.formLead`)}
      />
      <RegisterForm
        key={JSON.stringify(defaults ?? {})}
        org={org}
        register={register}
        defaults={defaults}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: detailTo(path), params: { org, id: record.id }, search: { created: '1' } as never });
        }}
        onCancel={() => void navigate({ to: listTo(path), params: { org } })}
      />
    </section>
  );
}

export function RegisterEditPage({ register, path }: { register: RegisterDef; path: ContextPath }) {
  const { t, td } = useT();
  const org = useOrgParam();
  const id = useIdParam();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, register, id);
  const { update } = useRegisterMutations(org, register);
  const c = register.collection;
  useDocumentTitle(
    record.data ? td(`${c}.editTitle`, { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <QueryState query={record}>
        {(data) => (
          <>
            <PageHeader
              breadcrumb={<RegisterBreadcrumb register={register} path={path} org={org} current={data.ref} />}
              title={td(`${c}.editTitle`, { ref: data.ref })}
            />
            <RegisterForm
              key={data.version}
              org={org}
              register={register}
              record={data}
              onSubmit={async (body) => {
                await update.mutateAsync({ id, body });
                await navigate({ to: detailTo(path), params: { org, id } });
              }}
              onCancel={() => void navigate({ to: detailTo(path), params: { org, id } })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

interface DetailPageProps<F extends FieldMap> {
  register: RegisterDef<F>;
  path: ContextPath;
  /** what the register shows of its own below the record */
  below?: (org: string, id: string) => ReactNode;
  /** what it shows between the header and the record (a state note, a dialog) */
  above?: (org: string, record: RecordRead<F>) => ReactNode;
  /** buttons of its own, before Edit and Archive */
  actions?: (org: string, record: RecordRead<F>) => ReactNode;
  /** whether the record can still be edited (e.g. not once closed); default: yes */
  canEdit?: (record: RecordRead<F>) => boolean;
  /** entities whose records may be linked to this one from its page (see RecordLinks), given the record */
  linkFrom?: (record: RecordRead<F>) => string[] | undefined;
  /** whether the record may be archived at all (e.g. not an Annex A control); default: yes */
  canArchive?: (record: RecordRead<F>) => boolean;
  /** whether a field is worth showing for this record (see RegisterDetail); default: all */
  showField?: (name: string, record: RecordRead<F>) => boolean;
  /** for a record with versions: how its history names their sections and stages */
  historyLabels?: HistoryLabels;
}

/**
 * A record with its fields, links and full change history; the register adds its own parts through the props, which
 * get the register's typed record (generic over its fields).
 */
export function RegisterDetailPage<F extends FieldMap>({
  register,
  path,
  below,
  above,
  actions,
  canEdit,
  linkFrom,
  canArchive,
  showField,
  historyLabels,
}: DetailPageProps<F>) {
  const { t, td } = useT();
  const org = useOrgParam();
  const id = useIdParam();
  const { created } = useSearch({ strict: false });
  const navigate = useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, register, id);
  const { archive } = useRegisterMutations(org, register);
  const data = record.data;
  const c = register.collection;
  const title = data ? String(data[register.titleField] ?? data.ref) : '';
  useDocumentTitle(data ? `${data.ref} ${title}` : td(register.title), useOrg(org).data?.name);

  if (record.isPending || record.isError || !data) {
    return (
      <section className="page">
        <RegisterBreadcrumb register={register} path={path} org={org} />
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }
  return (
    <section className="page" aria-labelledby="page-title">
      <LiveMessage>{created ? td(`${c}.created`, { ref: data.ref }) : null}</LiveMessage>
      <PageHeader
        breadcrumb={<RegisterBreadcrumb register={register} path={path} org={org} current={data.ref} />}
        reference={data.ref}
        title={title}
        badges={<>{data.archivedAt ? <p className="badge badge--muted">{t('register.archivedBadge')}</p> : null}</>}
        actions={
          <>
            {actions?.(org, data)}
            {can(`${register.entity}.update`) && !data.archivedAt && (canEdit?.(data) ?? true) ? (
              <Link to={editTo(path)} params={{ org, id }} className="button button--primary">
                {t('common.edit')}
              </Link>
            ) : null}
            {can(`${register.entity}.delete`) && !data.archivedAt && (canArchive?.(data) ?? true) ? (
              <ConfirmButton
                label={t('register.archive')}
                question={t('register.archiveQuestion', { ref: data.ref })}
                confirmLabel={t('register.archiveConfirm')}
                busy={archive.isPending}
                onConfirm={async () => {
                  await archive.mutateAsync(id);
                  await navigate({ to: listTo(path), params: { org } });
                }}
              />
            ) : null}
          </>
        }
      />
      {archive.isError ? <ErrorMessage error={archive.error} /> : null}
      {above?.(org, data)}
      <RegisterDetail
        org={org}
        register={register}
        record={data}
        linkFrom={linkFrom?.(data)}
        showField={showField && ((name) => showField(name, data))}
        renderLinkTarget={(type, targetId, ref) => {
          const to = recordPath(org, type, targetId);
          return to ? <Link to={to as '/'}>{ref}</Link> : <span className="ref">{ref}</span>;
        }}
      />
      {below?.(org, id)}
      <section className="card" aria-labelledby="record-history">
        <h2 id="record-history" className="card__title">
          {t('context.history')}
        </h2>
        <RecordHistory org={org} register={register} id={id} {...historyLabels} />
      </section>
    </section>
  );
}
