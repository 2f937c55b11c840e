import type { PackIndex } from '../schema/certification/certification-pack.schema.js';
import { translate as t } from '../schema/i18n/translate.js';
import type { DocumentModel } from './document-model.js';
import { renderPdf } from './document-pdf.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');

/** The certification pack's index as a document model: one wide table, clause by clause. */
export function packIndexModel(index: PackIndex): DocumentModel {
  const rows = index.items.map((i) => [
    i.clause,
    i.requirement,
    t(`certification.status.${i.status}`),
    i.record ? `${i.record.ref} — ${i.record.title}${i.version ? `\nv${i.version.versionNo}` : ''}` : '',
    i.version
      ? i.version.approvals.map((a) => `${a.signer}, ${t(`role.${a.role}`)}, ${when(a.signedAt)}`).join('\n') ||
        when(i.version.approvedAt)
      : '',
    i.version?.contentHash ?? '',
    [i.files.join('\n'), i.note ?? ''].filter(Boolean).join('\n'),
  ]);
  return {
    title: t('certification.indexPdf.title'),
    subtitle: t('certification.indexPdf.subtitle', { org: index.organization.name, date: index.asOf }),
    footer: `${index.organization.slug} · ${index.asOf}`,
    control: [
      [t('certification.indexPdf.organization'), index.organization.name],
      [t('certification.indexPdf.asOf'), index.asOf],
      [t('certification.indexPdf.generated'), when(index.generatedAt)],
    ],
    approvalHeading: t('certification.indexPdf.signature'),
    approvalColumns: [],
    approvals: [],
    approvalNote: t('certification.indexPdf.signatureNote'),
    sections: [
      {
        kind: 'table',
        heading: t('certification.indexPdf.items'),
        columns: [
          t('certification.indexPdf.clause'),
          t('certification.indexPdf.requirement'),
          t('certification.indexPdf.status'),
          t('certification.indexPdf.record'),
          t('certification.indexPdf.approval'),
          t('certification.indexPdf.hash'),
          t('certification.indexPdf.notes'),
        ],
        rows,
        widths: [1, 3, 1.3, 2.2, 2.4, 2.6, 3],
        wide: true,
      },
      {
        kind: 'text',
        heading: t('certification.indexPdf.verify'),
        paragraphs: [t('certification.indexPdf.verifyText')],
      },
    ],
    emptyText: '',
    filenameBase: `${index.organization.slug}-certification-pack-index-${index.asOf}`,
  };
}

export const renderPackIndexPdf = (index: PackIndex) => renderPdf(packIndexModel(index));
