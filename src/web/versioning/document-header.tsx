import type { RegisterDef } from '../../schema/register/define-register.js';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { fieldText } from '../register/field-value.js';
import { StageStepper, stageLabel } from './stage-stepper.js';
import { recordPath, type VersionSummary } from './versioned-api.js';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';

interface Props {
  org: string;
  register: RegisterDef;
  def: VersionedDef;
  record: RegisterRecord;
  latest: VersionSummary | undefined;
  /** the version displayed */
  shown: VersionSummary | undefined;
  /** the version the export buttons give: the one asked for, else the approved version in force, else the one shown */
  exported: VersionSummary | undefined;
  can: { update: boolean; approve: boolean; export: boolean };
  editing: boolean;
  onEdit: () => void;
  onApprove: () => void;
  /** the register fields listed under the title (default: every field a person writes) */
  fields?: readonly string[] | undefined;
}

/** Ref, title, owner, review date, state badge, stage stepper and the document's actions. */
export function DocumentHeader({
  org,
  register,
  def,
  record,
  latest,
  shown,
  exported,
  can,
  editing,
  onEdit,
  onApprove,
  fields,
}: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const names = useMemberNames(org);
  const meta = fields
    ? fields.flatMap((name) => (register.fields[name] ? [[name, register.fields[name]] as const] : []))
    : Object.entries(register.fields).filter(([name, f]) => !f.readOnly && name !== register.titleField);
  const canApprove = can.approve && latest?.state === 'draft' && shown?.versionNo === latest.versionNo;
  const editLabel = !latest
    ? t('versions.startDraft')
    : latest.state === 'draft'
      ? t('versions.editDraft')
      : t('versions.startNext', { no: latest.versionNo + 1 });

  return (
    <div className="doc-header">
      <PageHeader
        reference={record.ref}
        title={String(record[register.titleField] ?? record.ref)}
        focusableTitle
        badges={
          <dl className="doc-header__meta">
            {meta.map(([name, f]) => (
              <div key={name}>
                <dt>{td(f.label)}</dt>
                <dd>{fieldText(i18n, register.collection, name, f, record[name], names) || t('common.empty')}</dd>
              </div>
            ))}
            <div>
              <dt>{t('versions.field.latestVersion')}</dt>
              <dd>
                {latest ? (
                  <>
                    {latest.versionNo}{' '}
                    <span className={`badge badge--state-${latest.state}`}>{td(`versions.state.${latest.state}`)}</span>
                    {latest.stage && latest.state === 'draft' ? (
                      <span className="muted"> · {stageLabel(td, def, latest.stage)}</span>
                    ) : null}
                  </>
                ) : (
                  t('common.empty')
                )}
              </dd>
            </div>
            {typeof record.approvedVersion === 'number' ? (
              <div>
                <dt>{t('versions.field.approvedVersion')}</dt>
                <dd>{record.approvedVersion}</dd>
              </div>
            ) : null}
          </dl>
        }
        actions={
          <>
            {can.update && !editing && !record.archivedAt ? (
              <Button variant="primary" onClick={onEdit}>
                {editLabel}
              </Button>
            ) : null}
            {canApprove && !editing ? (
              <Button variant="primary" onClick={onApprove}>
                {t('versions.approve')}
              </Button>
            ) : null}
            {can.export && exported ? (
              <div className="button-group" role="group" aria-label={t('versions.export', { no: exported.versionNo })}>
                <span className="button-group__label" aria-hidden="true">
                  {t('versions.exportOf', { no: exported.versionNo, state: td(`versions.state.${exported.state}`) })}
                </span>
                {(['docx', 'pdf'] as const).map((format) => (
                  <a
                    key={format}
                    className="button button--secondary button--small"
                    href={recordPath(org, register, record.id, `/versions/${exported.versionNo}/export.${format}`)}
                    download
                    aria-label={t('versions.export.as', {
                      no: exported.versionNo,
                      format: t(`versions.export.${format}`),
                    })}
                  >
                    {t(`versions.export.${format}`)}
                  </a>
                ))}
              </div>
            ) : null}
          </>
        }
      />
      {def.stages ? <StageStepper def={def} version={latest} /> : null}
    </div>
  );
}
