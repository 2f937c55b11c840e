import type { UseQueryResult } from '@tanstack/react-query';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { ApprovalBlock } from './approval-block.js';
import { VersionEditor } from './version-editor.js';
import { VersionView } from './version-view.js';
import type { DocumentPresentation } from './presentation.js';
import type { DraftBody, Version, VersionSummary } from './versioned-api.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

interface Props {
  org: string;
  def: VersionedDef;
  items: VersionSummary[];
  shown: UseQueryResult<Version>;
  latest: UseQueryResult<Version>;
  editing: boolean;
  editorKey: number;
  canUpdate: boolean;
  save: (body: DraftBody) => Promise<Version>;
  onSaved: (v: Version) => void;
  onStart: () => void;
  onCancel: () => void;
  onReload: () => void;
  onShowLatest: () => void;
  presentation?: DocumentPresentation | undefined;
}

/** The Document tab: the editor when editing, else the displayed version with its approval block. */
export function DocumentTab(props: Props) {
  const { t, td } = useT();
  const { def, items, shown, latest, editing } = props;
  const latestNo = items[0]?.versionNo;

  if (editing) {
    if (latestNo !== undefined && latest.isPending) return <Loading />;
    if (latest.isError) return <ErrorMessage error={latest.error} onRetry={() => void latest.refetch()} />;
    const base = latestNo === undefined ? undefined : latest.data;
    return (
      <VersionEditor
        org={props.org}
        key={`${base?.versionNo ?? 0}-${base?.contentHash ?? ''}-${props.editorKey}`}
        def={def}
        latest={base}
        save={props.save}
        onSaved={props.onSaved}
        onCancel={props.onCancel}
        onReload={props.onReload}
        presentation={props.presentation}
      />
    );
  }

  if (latestNo === undefined) {
    return (
      <div className="empty-state">
        <h2>{t('versions.noVersions.title')}</h2>
        <p>{props.canUpdate ? t('versions.noVersions.body') : t('versions.noVersions.readOnly')}</p>
        {props.canUpdate ? (
          <Button variant="primary" onClick={props.onStart}>
            {t('versions.startDraft')}
          </Button>
        ) : null}
      </div>
    );
  }

  if (shown.isPending || shown.isError) return <QueryState query={shown}>{() => null}</QueryState>;
  const v = shown.data;
  return (
    <>
      {v.versionNo !== latestNo ? (
        <div className="alert alert--info">
          <p>{t('versions.viewingOld', { no: v.versionNo, state: td(`versions.state.${v.state}`) })}</p>
          <Button size="small" onClick={props.onShowLatest}>
            {t('versions.viewLatest')}
          </Button>
        </div>
      ) : null}
      <div className="doc-layout">
        <ApprovalBlock version={v} />
        <div className="card doc-card">
          <h2 className="card__title">
            {t('versions.version', { no: v.versionNo })}{' '}
            <span className={`badge badge--state-${v.state}`}>{td(`versions.state.${v.state}`)}</span>
          </h2>
          {v.changeNote ? (
            <p className="muted">
              {t('versions.changeNote')}: {v.changeNote}
            </p>
          ) : null}
          <VersionView org={props.org} def={def} content={v.content} presentation={props.presentation} />
        </div>
      </div>
    </>
  );
}
