/** Messages of the certification pack's server side: its audit event, its index PDF (merged in i18n/messages/en.ts). */
export const certificationMessages = {
  'audit.event.certification.pack_built': 'Certification pack exported',
  'certification.indexPdf.title': 'Certification pack — index',
  'certification.indexPdf.subtitle': '{org} · as of {date} (versions in force at the end of that day, UTC)',
  'certification.indexPdf.items': 'Mandatory documented information (ISO/IEC 27001:2022)',
  'certification.indexPdf.clause': 'Clause',
  'certification.indexPdf.requirement': 'Requirement',
  'certification.indexPdf.status': 'Status',
  'certification.indexPdf.record': 'Record and version',
  'certification.indexPdf.approval': 'Approved by, when',
  'certification.indexPdf.hash': 'Content hash (SHA-256)',
  'certification.indexPdf.notes': 'Notes',
  'certification.indexPdf.organization': 'Organization',
  'certification.indexPdf.asOf': 'As of',
  'certification.indexPdf.generated': 'Generated',
  'certification.indexPdf.signature': 'Signature',
  'certification.indexPdf.signatureNote':
    'This index and every file of the pack are listed with their SHA-256 in manifest.json, signed by the Rampart installation (manifest.sig).',
  'certification.indexPdf.verify': 'How to verify',
  'certification.indexPdf.verifyText':
    'Run `rampart verify-package <this file>.zip --key <the fingerprint the installation shows>`: it checks the signature of manifest.json, every file against its SHA-256, and that each content.json hashes to the content hash the approvers signed. README.txt in the ZIP says more.',
  'certification.status.included': 'Included',
  'certification.status.generated': 'Generated',
  'certification.status.not_approved': 'Not approved',
  'certification.status.missing': 'Missing',
  'certification.status.not_built': 'Not built in Rampart',
} as const;
