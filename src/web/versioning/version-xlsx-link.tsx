import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { exportedVersion } from './exported-version.js';
import { recordPath, useVersions } from './versioned-api.js';

/**
 * The XLSX of a version, beside the header's DOCX/PDF, for documents whose module has a table export (results,
 * plans): the version asked for, else the approved one in force, else the latest. The file carries its approval.
 */
export function VersionXlsxLink({
  org,
  register,
  record,
  asked,
}: {
  org: string;
  register: RegisterDef;
  record: { id: string } & Record<string, unknown>;
  asked: string | undefined;
}) {
  const { t } = useT();
  const versions = useVersions(org, register, record.id);
  const no = exportedVersion(asked, record, versions.data?.items[0]?.versionNo);
  if (no === undefined) return null;
  return (
    <a
      className="button button--secondary button--small"
      href={recordPath(org, register, record.id, `/versions/${no}/export.xlsx`)}
      download
      aria-label={t('versions.export.xlsxOf', { no })}
    >
      {t('versions.export.xlsx')}
    </a>
  );
}
