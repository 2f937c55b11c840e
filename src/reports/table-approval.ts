import type { TableApproval } from '../core/register/register-export.js';
import { translate as t } from '../schema/i18n/translate.js';

interface VersionForApproval {
  versionNo: number;
  state: string;
  contentHash: string;
  approvals: {
    signerName: string;
    signerEmail: string;
    signerRole: string;
    meaning: string;
    comment: string | null;
    signedAt: string;
  }[];
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The approval record of one version for a table export (XLSX, CSV): the same facts as the DOCX/PDF approval block
 * (signer, role, meaning, date, content hash), so every export of an approved version carries its approval.
 */
export function tableApproval(ref: string, v: VersionForApproval): TableApproval {
  const state = t(`versions.state.${v.state}`);
  return {
    heading: t('versions.approvalBlock'),
    facts: [
      [t('versions.reference'), ref],
      [t('versions.versionLabel'), String(v.versionNo)],
      [t('versions.field.latestState'), state],
      [t('versions.contentHash'), v.contentHash],
    ],
    columns: [t('versions.approvedBy'), t('versions.role'), t('versions.meaning'), t('versions.signedAt')],
    rows: v.approvals.map((a) => [
      `${a.signerName} <${a.signerEmail}>`,
      t(`role.${a.signerRole}`),
      a.comment ? `${a.meaning}\n${t('versions.comment')}: ${a.comment}` : a.meaning,
      when(a.signedAt),
    ]),
    note: v.state === 'draft' ? t('versions.notApproved') : null,
    columnsForEachRow: [
      { header: t('versions.versionLabel'), value: String(v.versionNo) },
      { header: t('versions.field.latestState'), value: state },
      { header: t('versions.contentHash'), value: v.contentHash },
      {
        header: t('versions.approvedBy'),
        value: v.approvals
          .map((a) => `${a.signerName} <${a.signerEmail}>, ${t(`role.${a.signerRole}`)}, ${when(a.signedAt)}`)
          .join('; '),
      },
    ],
  };
}
