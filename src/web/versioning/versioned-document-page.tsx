import { useState, type ReactNode } from 'react';
import { EvidenceCard } from '../evidence/evidence-card.js';
import './text-sections.css';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldMap, RegisterDef } from '../../schema/register/define-register.js';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { TabPanel, Tabs } from '../components/tabs.js';
import { useRegisterRecord, type RecordRead } from '../register/register-api.js';
import { RecordHistory } from '../register/record-history.js';
import { ApproveDialog } from './approve-dialog.js';
import { DocumentHeader } from './document-header.js';
import { exportedVersion } from './exported-version.js';
import { DocumentTab } from './document-tab.js';
import type { DocumentPresentation } from './presentation.js';
import { stageLabel } from './stage-stepper.js';
import { useHistoryLabels } from './history-labels.js';
import { useVersion, useVersionMutations, useVersions, type Version } from './versioned-api.js';
import { VersionsTab } from './versions-tab.js';

/** The document page's state in the URL: tab, version shown, edit mode, versions compared. */
export interface DocumentSearch {
  tab?: string;
  v?: string;
  edit?: string;
  from?: string;
  to?: string;
  created?: string;
}

export function parseDocumentSearch(s: Record<string, unknown>): DocumentSearch {
  const out: DocumentSearch = {};
  for (const k of ['tab', 'v', 'edit', 'from', 'to', 'created'] as const)
    if (s[k] !== undefined && s[k] !== '') out[k] = String(s[k]);
  return out;
}

const positive = (v: string | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

interface Props<F extends FieldMap> {
  org: string;
  id: string;
  register: RegisterDef<F>;
  def: VersionedDef;
  search: DocumentSearch;
  onSearch: (next: DocumentSearch) => void;
  breadcrumb: (ref?: string) => ReactNode;
  /** shown once after the record was created */
  createdMessage?: (ref: string) => string;
  /** a module's panel in the approval dialog: what approving this version would do (rendered only while open) */
  approvalPanel?: (version: Version) => ReactNode;
  /** a module's panel between the header and the tabs (e.g. what the last approval changed) */
  banner?: ReactNode;
  /** false when the module shows the record's evidence itself (in `below`); by default a card under the tabs */
  evidence?: boolean;
  /** which sections this record uses and how its text is shown (presentation.ts) */
  presentation?: (record: RecordRead<F>) => DocumentPresentation;
  /** the register fields listed under the title (default: every field a person writes) */
  headerFields?: readonly string[];
  /** the module's cards below the tabs (people, publication…), given the record */
  below?: (record: RecordRead<F>) => ReactNode;
}

/**
 * A versioned record as a controlled document (generic: scope, policies, methodology, SoA…): read any version,
 * edit the draft, approve it, compare versions, export, and its history.
 */
/** Generic over the register's fields: `presentation` and `below` get the module's typed record. */
export function VersionedDocumentPage<F extends FieldMap>({
  org,
  id,
  register,
  def,
  search,
  onSearch,
  breadcrumb,
  createdMessage,
  approvalPanel,
  banner,
  presentation,
  headerFields,
  below,
  evidence = true,
}: Props<F>) {
  const { t, td } = useT();
  const historyLabels = useHistoryLabels(def);
  const queryClient = useQueryClient();
  const can = useCan(org);
  const record = useRegisterRecord(org, register, id);
  const versions = useVersions(org, register, id);
  const items = versions.data?.items ?? [];
  const latestSummary = items[0];
  const shownNo = positive(search.v) ?? latestSummary?.versionNo;
  const shown = useVersion(org, register, id, shownNo);
  const latest = useVersion(org, register, id, latestSummary?.versionNo);
  const { save, approve } = useVersionMutations(org, register, id);
  const [message, setMessage] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const data = record.data;
  useDocumentTitle(
    data ? `${data.ref} ${String(data[register.titleField] ?? '')}` : td(register.title),
    useOrg(org).data?.name,
  );

  if (record.isPending || versions.isPending) return <Loading />;
  if (record.isError || versions.isError || !data) {
    return (
      <section className="page">
        {breadcrumb()}
        <ErrorMessage
          error={record.error ?? versions.error}
          onRetry={() => void (record.refetch(), versions.refetch())}
        />
      </section>
    );
  }

  const perms = {
    update: can(`${def.entity}.update`),
    approve: can(`${def.entity}.approve`) && presentation?.(data).approvable !== false,
    export: can(`${def.entity}.export`),
  };
  const editing = search.edit === '1' && perms.update && !data.archivedAt;
  const tab = search.tab === 'versions' || search.tab === 'history' ? search.tab : 'document';
  const shownSummary = items.find((v) => v.versionNo === shownNo);
  const exportedSummary = items.find((v) => v.versionNo === exportedVersion(search.v, data, shownNo));
  const focusTitle = () => requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  const go = (next: DocumentSearch) => onSearch(next);
  const compare =
    positive(search.from) && positive(search.to) ? { from: Number(search.from), to: Number(search.to) } : undefined;

  const onSaved = (v: Version) => {
    setMessage(
      v.stage
        ? t('versions.editor.saved', { no: v.versionNo, stage: stageLabel(td, def, v.stage) })
        : t('versions.editor.savedNoStage', { no: v.versionNo }),
    );
    go({});
    focusTitle();
  };
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['org', org, register.collection, 'record', id] });
    setEditorKey((k) => k + 1);
  };

  return (
    <section className="page doc-page" aria-labelledby="page-title">
      {breadcrumb(data.ref)}
      <LiveMessage>{message ?? (search.created && createdMessage ? createdMessage(data.ref) : null)}</LiveMessage>
      <DocumentHeader
        org={org}
        register={register}
        def={def}
        record={data}
        latest={latestSummary}
        shown={shownSummary}
        exported={exportedSummary}
        can={perms}
        editing={editing}
        fields={headerFields}
        onEdit={() => {
          setMessage(null);
          go({ edit: '1' });
        }}
        onApprove={() => {
          setMessage(null);
          setApproving(true);
        }}
      />
      {banner}
      <Tabs
        label={t('versions.tabs')}
        idPrefix="doc"
        selected={tab}
        onSelect={(next) =>
          go({ ...search, edit: undefined, created: undefined, tab: next === 'document' ? undefined : next })
        }
        tabs={[
          { id: 'document', label: t('versions.tab.document') },
          { id: 'versions', label: `${t('versions.tab.versions')} (${items.length})` },
          { id: 'history', label: t('versions.tab.history') },
        ]}
      />
      <TabPanel idPrefix="doc" id={tab}>
        {tab === 'document' ? (
          <DocumentTab
            org={org}
            def={def}
            items={items}
            shown={shown}
            latest={latest}
            editing={editing}
            editorKey={editorKey}
            canUpdate={perms.update && !data.archivedAt}
            save={(body) => save.mutateAsync(body)}
            onSaved={onSaved}
            onStart={() => go({ edit: '1' })}
            onCancel={() => {
              go({});
              focusTitle();
            }}
            onReload={() => void reload()}
            onShowLatest={() => go({})}
            presentation={presentation?.(data)}
          />
        ) : tab === 'versions' ? (
          <VersionsTab
            org={org}
            register={register}
            def={def}
            id={id}
            versions={items}
            shownNo={shownNo}
            compare={compare}
            onOpen={(no) => go({ v: no === latestSummary?.versionNo ? undefined : String(no) })}
            onCompare={(from, to) => go({ tab: 'versions', from: String(from), to: String(to) })}
          />
        ) : (
          <RecordHistory org={org} register={register} id={id} {...historyLabels} />
        )}
      </TabPanel>
      {below?.(data)}
      {evidence ? (
        <div className="document-evidence">
          <EvidenceCard org={org} type={register.entity} id={data.id} ref={data.ref} archived={!!data.archivedAt} />
        </div>
      ) : null}
      {shown.data && shown.data.versionNo === latestSummary?.versionNo ? (
        <ApproveDialog
          def={def}
          version={shown.data}
          open={approving}
          onClose={() => setApproving(false)}
          extra={approvalPanel?.(shown.data)}
          approve={(input) => approve.mutateAsync(input)}
          onStale={() => {
            setApproving(false);
            void queryClient.invalidateQueries({ queryKey: ['org', org, register.collection, 'record', id] });
          }}
          onApproved={(no) => {
            setApproving(false);
            setMessage(t('versions.approve.done', { no }));
            focusTitle();
          }}
        />
      ) : null}
    </section>
  );
}
