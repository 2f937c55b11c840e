/** Messages of the certification pack page (27001 7.5: every mandatory documented information item, in one ZIP). */
export const certificationPageMessages = {
  'nav.certificationPack': 'Certification pack',
  'certification.eyebrow': '7.5 Documented information',
  'certification.title': 'Certification pack',
  'certification.lead':
    'Every documented information item ISO/IEC 27001:2022 requires, with the version that was in force on the day you choose: what you hand the certification auditor, in one signed ZIP they can check offline.',
  'certification.date': 'As it stood on',
  'certification.dateHelp':
    'The versions in force at the end of that day (UTC). Choose the date of the audit, or an earlier day to see the pack as it stood then.',
  'certification.index': 'Items of the pack as of {date}',
  'certification.legend': 'What each status means',
  'certification.summary': '{included} of {total} items hold an approved version; {attention} need attention.',
  // the statuses' names are the server's (certification.messages.ts: the index PDF says the same)
  'certification.statusHelp.included': 'An approved version in force on the date is in the pack, with its approvals.',
  'certification.statusHelp.generated':
    'Produced from the records for the pack (a register or a periodic report as of the date), not an approved document.',
  'certification.statusHelp.not_approved':
    'The record exists, but no version of it was approved on the date: approve it, or expect the auditor to ask.',
  'certification.statusHelp.missing': 'The organization holds no such record yet: create it and approve it.',
  'certification.statusHelp.not_built':
    'Rampart has no module for this requirement yet: keep the evidence elsewhere and hand it over with the pack.',
  'certification.col.clause': 'Clause',
  'certification.col.requirement': 'Requirement',
  'certification.col.status': 'Status',
  'certification.col.record': 'Record',
  'certification.col.version': 'Version',
  'certification.col.approval': 'Approved by, when',
  'certification.col.hash': 'Content hash',
  'certification.version': 'v{no}',
  'certification.approvedOn': 'approved {when}',
  'certification.approver': '{signer} ({role}), {when}',
  'certification.hashTitle': 'SHA-256 {hash}',
  'certification.noItems':
    'The index lists no items. This is not expected: reload the page, and tell your administrator if it stays empty.',
  'certification.download.title': 'Download the pack',
  'certification.download.lead':
    'The ZIP holds each item as PDF with its content and approvals, the index (PDF and JSON), and a manifest of SHA-256 hashes signed by this installation.',
  'certification.download.button': 'Download the pack as of {date}',
  'certification.download.building':
    'Building the pack: each document is rendered as PDF and the manifest signed. This can take a minute for a large ISMS.',
  'certification.download.receiving': 'Downloading: {received} received.',
  'certification.download.receivingOf': 'Downloading: {received} of {total}.',
  'certification.download.progress': 'Progress of the pack download',
  'certification.download.done': 'Downloaded {file} ({size}).',
  'certification.download.sha': 'SHA-256 of the file: {hash}',
  'certification.download.failed': 'The pack could not be built.',
  'certification.download.readOnly':
    'Your role cannot download the certification pack: ask the ISMS manager or an auditor of the organization.',
  'certification.verify.title': 'How to verify the pack',
  'certification.verify.step1':
    'Download the pack above and give it to the auditor with the fingerprint of this installation’s signing key:',
  'certification.verify.fingerprint': 'Signing key fingerprint',
  'certification.verify.where':
    'Administrators also find it under Administration › Audit trail (signing key). The auditor should get it from you by another channel than the pack itself.',
  'certification.verify.step2': 'The auditor runs, on any machine with Rampart’s command line:',
  'certification.verify.step3':
    'It checks every file against the signed manifest, each item’s content against its hash and approvals, and the signature against the key; a single changed byte makes it fail.',
  'certification.verify.commandLabel': 'Command to verify the pack',
} as const;
