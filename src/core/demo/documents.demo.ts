import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import {
  acknowledgeDocument,
  publishDocument,
  remindReaders,
  withdrawDocument,
} from '../documents/document-publication.service.js';
import { setPeople } from '../documents/document-people.service.js';
import { recordReview } from '../documents/document-retention.service.js';
import { documentsModule, documentVersionedModule } from '../documents/documents.module.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { createLink } from '../links/links.service.js';
import { createRecord } from '../register/register.service.js';
import { EVIDENCE_LINK_KIND } from '../../schema/evidence/evidence.register.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';

type Ids = Record<Role, string>;
type Content = Record<string, string>;

/** Example Ltd's information security policy (27001 5.2), laid out as 27003 Annex A suggests. */
const SECURITY_POLICY: Content = {
  summary:
    'Example Ltd protects the information its customers entrust to PayFlow, and its own, so that payroll runs correctly, on time and in confidence.',
  introduction:
    'Payroll data is among the most sensitive personal data an employer holds. Our customers choose PayFlow because they trust us with it. This policy sets the direction top management gives for information security and the rules every other security policy builds on.',
  scope:
    'The whole ISMS as the approved scope statement describes it: the PayFlow service, the people, offices and systems that deliver it.\n\nThe topic-specific policies listed under *Related policies* support this policy.',
  objectives:
    "Top management sets measurable information security objectives every year in the management review, within this framework:\n\n1. No customer payroll data disclosed to anyone not entitled to it.\n2. Payroll runs complete on the customer's schedule (availability of 99.9% in payroll windows).\n3. Every change to payroll calculation is traceable to an approved request.",
  commitments:
    'Top management commits to satisfy the requirements related to information security that apply to Example Ltd: legal and regulatory (data protection, employment and tax law) and contractual (our customer agreements).\n\nTop management commits to continually improve the ISMS, and reviews it at least once a year.',
  principles:
    '- **Need to know.** Access to payroll data is granted for a task and removed when the task ends.\n- **Risk-based.** Controls are chosen by assessing risks with the approved methodology.\n- **Security by design.** New features and suppliers are assessed before they go live.\n- **Report early.** Anyone who notices a security event reports it at once; nobody is blamed for reporting.',
  responsibilities:
    '| Role | Responsibility |\n|---|---|\n| Board | Approves this policy, sets objectives, provides resources |\n| ISMS manager | Runs the ISMS, reports on its performance |\n| Managers | Make sure their teams know and follow the policies |\n| Everyone | Follows the policies and reports security events |',
  keyOutcomes:
    'Customers keep trusting us with their payroll; we pass customer and certification audits; incidents are rare, found early and handled well.',
  relatedPolicies:
    'Access control policy; Acceptable use policy; Information classification and handling policy; Mobile device policy.',
  requirements:
    'Each topic-specific policy sets its detailed requirements. Breaches of the policies are handled through the disciplinary process.\n\n::: confidential\nThe board has approved a budget of £180,000 for security improvements this year.\n:::',
};

const ACCESS_CONTROL: Content = {
  summary:
    'Access to PayFlow and to payroll data is granted on need to know, approved by the system owner and reviewed every quarter.',
  introduction:
    'Most payroll data breaches start with an account that should not exist or has more rights than needed.',
  scope: "All user and administrator accounts on systems in the ISMS scope, including suppliers' accounts.",
  objectives: 'Only people who need access for their work have it, and only as long as they need it.',
  principles:
    '- Every account belongs to one named person.\n- Access is requested through a ticket and approved by the system owner.\n- Administrator rights are separate accounts, used only for administration.\n- Multi-factor authentication is required for every account that reaches customer data.',
  responsibilities:
    'System owners approve and review access. IT provisions and removes accounts. HR informs IT of leavers on or before their last day.',
  keyOutcomes: 'No orphaned accounts; quarterly reviews completed on time.',
  relatedPolicies: 'Information security policy (parent); User access provisioning procedure.',
  requirements:
    "1. Leavers' accounts are disabled within 24 hours.\n2. Access reviews are recorded and kept for three years.\n3. Shared accounts are not allowed except break-glass accounts kept in the vault.",
};

const ACCEPTABLE_USE: Content = {
  summary:
    'Company devices, accounts and data are for work; a reasonable personal use is allowed where it puts no information at risk.',
  introduction: 'Everyone handles information. These rules say what is expected of each of us.',
  scope: 'All staff and contractors, on any device used for Example Ltd work.',
  objectives: 'Make safe use the normal way of working.',
  principles:
    '- Lock your screen when you leave your desk.\n- Never share your password or MFA codes, not even with IT.\n- Store work files only in the approved cloud storage.\n- Report lost devices and suspicious e-mails at once to security@example.com.',
  responsibilities:
    'Everyone follows these rules; managers make sure new joiners read and acknowledge them in their first week.',
  keyOutcomes: 'Fewer incidents caused by everyday mistakes.',
  relatedPolicies: 'Information security policy (parent); Mobile device policy.',
  requirements: 'Acknowledge this policy when you join and whenever a new version is published.',
};

const MOBILE_DEVICES: Content = {
  summary:
    'Phones and tablets that reach company e-mail or PayFlow are enrolled in device management, protected by a PIN and can be wiped remotely.',
  introduction:
    'Support staff answer customers from their phones. A lost phone must not become a data breach (the example in ISO/IEC 27003 8.2).',
  scope: 'Every mobile device, company-owned or personal, that accesses company e-mail, chat or PayFlow.',
  objectives: 'A lost or stolen device discloses nothing.',
  principles:
    '- Devices are enrolled in MDM before they reach company data.\n- A six-digit PIN or biometric lock is required.\n- Lost devices are reported within one hour and wiped.',
  responsibilities: 'IT runs the MDM. Device users report losses at once.',
  keyOutcomes: 'Every lost device wiped before any data is read from it.',
  relatedPolicies: 'Acceptable use policy (parent).',
  requirements: 'Non-compliant devices are blocked automatically by the MDM.',
};

const CLASSIFICATION: Content = {
  summary:
    'Information is classified as public, internal, confidential or restricted and handled by the rules of its class.',
  introduction: 'Protection should match what the information is worth and what harm its disclosure would cause.',
  scope: 'All information created or received by Example Ltd.',
  objectives: 'Everyone can tell how to handle a document by its label.',
  principles:
    '- The owner of information classifies it.\n- Customer payroll data is always restricted.\n- Unlabelled information is treated as internal.',
  responsibilities: 'Information owners classify; everyone handles information by its label.',
  keyOutcomes: 'No restricted information sent to the wrong recipient.',
  relatedPolicies: 'Information security policy (parent).',
  requirements: 'A handling table (storage, transmission, disposal) per class is an annex to this policy.',
};

const CODE_OF_CONDUCT: Content = {
  summary:
    'How we work together and with our customers: honestly, lawfully and with respect for the people whose data we hold.',
  introduction: "This is Example Ltd's general policy, at the top of our policy framework.",
  scope: 'Everyone who works for or on behalf of Example Ltd.',
  objectives: 'Act with integrity in every decision.',
  principles:
    '- Obey the law and our contracts.\n- Protect the confidentiality of customers and colleagues.\n- Speak up when something looks wrong.',
  responsibilities: 'The board sets the example; managers make it part of daily work.',
  keyOutcomes: 'Trust from customers, staff and regulators.',
  relatedPolicies: 'Information security policy and the other policies of the framework.',
  requirements: 'Breaches are handled through the disciplinary process.',
};

const PROVISIONING: Content = {
  body: '## Purpose\n\nHow accounts are created, changed and removed for systems in scope.\n\n## Steps\n\n1. The manager raises an access request ticket naming the system and the role.\n2. The system owner approves or rejects it in the ticket.\n3. IT creates the account with the approved role and records the account name in the ticket.\n4. For leavers, HR raises the ticket; IT disables all accounts within 24 hours.\n\n## Records\n\nThe tickets are the records of access granted and removed; they are kept for three years.',
};

const INCIDENT: Content = {
  body: '## Purpose\n\nHow a security incident is reported, assessed, contained and learnt from.\n\n## Steps\n\n1. Report to security@example.com or the on-call number.\n2. The on-call engineer assesses and classifies the event within 30 minutes.\n3. Confirmed incidents get an incident lead and a ticket.\n4. After closure, a review records causes and actions in the action tracker.\n\n::: confidential\nOn-call escalation: +44 113 496 0000 (24/7). Forensics retainer: contract FR-2291.\n:::',
};

const LEGACY_VPN: Content = {
  body: 'Connect to the office VPN with the hardware token before opening PayFlow administration.',
};

/**
 * Documented information of the demo: the policy framework (code of conduct → information security policy → topic
 * policies, one still in review), procedures (one confidential), an external document, and a withdrawn procedure
 * whose retention has ended (proposed for disposal). The security policy is published to everyone and partly
 * acknowledged, with a reminder sent, so the acknowledgement list shows both states.
 */
export async function seedDocuments(ctx: OrgContext, ids: Ids): Promise<void> {
  // through the create schema, so the register's defaults apply as they do to an API request
  const create = (fields: Record<string, unknown>) =>
    createRecord(ctx, documentsModule, documentRegister.createSchema.parse(fields));
  const as = (role: Role): OrgContext => ({ ...ctx, role, actor: { kind: 'user', userId: ids[role], label: role } });
  const approver = as('approver');

  async function doc(
    fields: Record<string, unknown>,
    content: Content,
    opts: { publish?: boolean; review?: boolean; changeNote?: string } = {},
  ) {
    const record = await create({ ownerId: ids.isms_manager, authorId: ids.isms_manager, ...fields });
    const id = String(record.id);
    const draft = await saveDraft(ctx, documentVersionedModule, id, {
      content,
      stage: opts.review === false ? 'draft' : 'in_review',
      changeNote: opts.changeNote ?? 'First issue.',
    });
    if (opts.review === false) return id;
    await approveVersion(approver, documentVersionedModule, id, 1, {
      contentHash: String(draft.contentHash),
      comment: 'Approved at the management meeting.',
    });
    if (opts.publish !== false) await publishDocument(ctx, id, { versionNo: 1 });
    return id;
  }

  const conduct = await doc(
    {
      title: 'Code of conduct',
      type: 'policy',
      classification: 'public',
      purpose: 'The general policy of Example Ltd, at the top of the policy framework.',
      shareableExternally: true,
    },
    CODE_OF_CONDUCT,
  );
  const security = await doc(
    {
      title: 'Information security policy',
      type: 'policy',
      isSecurityPolicy: true,
      parentId: conduct,
      classification: 'internal',
      shareableExternally: true,
      purpose: "Top management's direction for information security (ISO/IEC 27001 5.2).",
    },
    SECURITY_POLICY,
  );
  const access = await doc(
    { title: 'Access control policy', type: 'topic_policy', parentId: security, ownerId: ids.contributor },
    ACCESS_CONTROL,
  );
  const aup = await doc({ title: 'Acceptable use policy', type: 'topic_policy', parentId: security }, ACCEPTABLE_USE);
  await doc(
    { title: 'Mobile device policy', type: 'topic_policy', parentId: aup, reviewIntervalMonths: 6 },
    MOBILE_DEVICES,
  );
  await doc(
    { title: 'Information classification and handling policy', type: 'topic_policy', parentId: security },
    CLASSIFICATION,
    { publish: false },
  );
  const supplierPolicy = await create({
    title: 'Supplier security policy',
    type: 'topic_policy',
    parentId: security,
    ownerId: ids.contributor,
  });
  await saveDraft(ctx, documentVersionedModule, String(supplierPolicy.id), {
    content: { summary: 'Suppliers who handle our data meet our security requirements by contract.' },
    stage: 'draft',
  });
  await doc(
    { title: 'User access provisioning procedure', type: 'procedure', parentId: access, ownerId: ids.contributor },
    PROVISIONING,
  );
  const incident = await create({
    title: 'Incident response procedure',
    type: 'procedure',
    parentId: security,
    classification: 'confidential',
    audience: 'roles',
    ownerId: ids.isms_manager,
  });
  await setPeople(ctx, String(incident.id), {
    approverIds: [ids.approver, ids.admin],
    audienceUserIds: [],
    audienceRoles: ['isms_manager', 'contributor'],
  });
  const incidentDraft = await saveDraft(ctx, documentVersionedModule, String(incident.id), {
    content: INCIDENT,
    stage: 'in_review',
    changeNote: 'First issue.',
  });
  await approveVersion(approver, documentVersionedModule, String(incident.id), 1, {
    contentHash: String(incidentDraft.contentHash),
  });
  await approveVersion(as('admin'), documentVersionedModule, String(incident.id), 1, {
    contentHash: String(incidentDraft.contentHash),
  });
  await publishDocument(ctx, String(incident.id), { versionNo: 1 });
  const external = await create({
    title: 'Cloud provider SOC 2 report and ISO/IEC 27001 certificate',
    type: 'external',
    origin: 'external',
    source: 'Cloud provider',
    classification: 'confidential',
    purpose: 'Assurance that the hosting provider operates its controls (supplier relationships).',
    reviewIntervalMonths: 12,
    retentionMonths: 72,
  });
  // the external document is the provider's files: the current certificate filed as evidence is attached to it
  const certificate = await ctx.db
    .selectFrom('evidence')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('title', 'like', 'Cloud provider%')
    .where('supersededById', 'is', null)
    .executeTakeFirst();
  if (certificate)
    await createLink(ctx, {
      fromType: 'evidence',
      fromId: certificate.id,
      toType: 'document',
      toId: String(external.id),
      kind: EVIDENCE_LINK_KIND,
    });

  // The policy is partly acknowledged; those still to read were reminded once.
  const published = await ctx.db
    .selectFrom('recordVersions')
    .select('contentHash')
    .where('recordId', '=', security)
    .where('versionNo', '=', 1)
    .executeTakeFirstOrThrow();
  for (const role of ['contributor', 'viewer', 'auditor'] as const)
    await acknowledgeDocument(as(role), security, { versionNo: 1, contentHash: published.contentHash });
  await remindReaders(ctx, security, {});
  await recordReview(as('contributor'), access, {
    outcome: 'no_change',
    note: 'Checked against the new HR leaver process; still accurate.',
  });

  // A withdrawn procedure whose retention has ended: withdrawn three years ago (dated back for the demo).
  const legacy = await doc(
    { title: 'Legacy VPN access procedure', type: 'procedure', retentionMonths: 24 },
    LEGACY_VPN,
  );
  await withdrawDocument(ctx, legacy, { reason: 'The VPN was replaced by zero-trust access.' });
  await ctx.db
    .updateTable('documents')
    .set({ withdrawnOn: '2023-10-31', retentionEndsOn: '2025-10-31' })
    .where('id', '=', legacy)
    .execute();
}
