import type { Role } from '../../schema/auth/roles.js';
import { STARTING_METHODOLOGIES } from '../../schema/risks/starting-methodologies.js';
import type { OrgContext } from '../context.js';
import { createLink } from '../links/links.service.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, updateRecord } from '../register/register.service.js';
import { reassessmentTriggersModule, riskAssessmentsModule } from '../risks/assessments.service.js';
import { closeAssessment } from '../risks/assessment-close.service.js';
import { riskMethodologyVersionedModule } from '../risks/methodology.module.js';
import { riskMethodologyModule } from '../risks/methodology.service.js';
import { replaceSet, RISK_ASSETS, TRIGGER_RISKS } from '../risks/risk-sets.service.js';
import { risksModule } from '../risks/risks.module.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';
import { untypedDb } from '../register/untyped-db.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const SUMMARY = `Risks are assessed once a year for the whole ISMS scope, and again for the affected risks whenever a significant change, an incident or an audit finding calls for it. Each risk owner analyses their risks with the ISMS manager; the rationale records the evidence behind each level so that the next assessment can be compared with this one.

Likelihood takes the existing controls into account. Consequence is assessed for confidentiality, integrity and availability separately where they are affected; the highest of the three is the consequence of the risk.`;

interface DemoRisk {
  key: string;
  values: Record<string, unknown>;
  assets?: RegExp[];
  issues?: RegExp[];
}

/**
 * Example Ltd's risk assessment: the approved 5 × 5 methodology, a register of event-based and asset-based risks
 * (including 27003's worked example, the theft or loss of a mobile phone), last year's closed assessment for
 * comparison, this year's open one, and a trigger that calls two risks to be reassessed.
 */
export async function seedRisks(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const db = untypedDb(ctx.db);
  // Through each register's create schema, as the API would: defaults (status, flags) are applied.
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const m = ids.isms_manager;
  const c = ids.contributor;

  const record = await create(riskMethodologyModule, {
    title: 'Information security risk assessment methodology',
    ownerId: m,
    nextReviewDate: inDays(330),
  });
  const methodologyId = String(record.id);
  const draft = await saveDraft(ctx, riskMethodologyVersionedModule, methodologyId, {
    content: { summary: SUMMARY, methodology: STARTING_METHODOLOGIES[0]!.methodology },
    changeNote: 'Adopted the 5 × 5 starting methodology.',
  });
  const approver: OrgContext = {
    ...ctx,
    role: 'approver',
    actor: { kind: 'user', userId: ids.approver, label: 'approver' },
  };
  await approveVersion(approver, riskMethodologyVersionedModule, methodologyId, 1, {
    contentHash: String(draft.contentHash),
    comment: 'Approved with the risk acceptance criteria.',
  });

  const assetIds = async (patterns: RegExp[] = []) => {
    if (!patterns.length) return [];
    const assets = (await db
      .selectFrom('assets')
      .select(['id', 'name'])
      .where('orgId', '=', ctx.org.id)
      .where('archivedAt', 'is', null)
      .execute()) as { id: string; name: string }[];
    return assets.filter((a) => patterns.some((p) => p.test(a.name))).map((a) => a.id);
  };
  const threat = async (pattern: RegExp, table: 'threats' | 'vulnerabilities') => {
    const rows = (await db.selectFrom(table).select(['id', 'name']).where('orgId', '=', ctx.org.id).execute()) as {
      id: string;
      name: string;
    }[];
    return rows.find((r) => pattern.test(r.name))?.id ?? null;
  };

  const risks: DemoRisk[] = [
    {
      key: 'phone',
      values: {
        title: 'Theft or loss of a mobile phone with company e-mail',
        approach: 'asset',
        ownerId: m,
        affectsConfidentiality: true,
        affectsAvailability: true,
        threatId: await threat(/theft|loss/i, 'threats'),
        vulnerabilityId: await threat(/unattended|portable|mobile|encrypt/i, 'vulnerabilities'),
        description: 'A phone carrying company e-mail and the authenticator app is lost or stolen while travelling.',
        existingControls: 'Screen lock required by policy; no remote wipe; e-mail cached on the device.',
        likelihood: 4,
        consequenceC: 4,
        consequenceA: 2,
        rationale:
          'Staff lose or report stolen about one phone a quarter. Cached e-mail holds customer payroll queries (disclosure: major); the user loses access to e-mail and MFA until replaced (availability: minor).',
      },
      assets: [/phone/i, /e-?mail/i],
    },
    {
      key: 'ransomware',
      values: {
        title: 'Ransomware encrypts the payroll platform before payday',
        ownerId: c,
        affectsAvailability: true,
        affectsIntegrity: true,
        riskSource: 'Criminal ransomware groups',
        event: 'Production systems and backups are encrypted',
        cause: 'Phishing of an engineer with production access; backups reachable from production',
        consequenceDescription:
          'Customers cannot pay salaries; contractual penalties; regulator notification if data is taken',
        existingControls: 'MFA everywhere, EDR on laptops, daily backups (not yet immutable).',
        likelihood: 3,
        consequenceI: 4,
        consequenceA: 5,
        rationale:
          'Sector attacks rose sharply; backups are in the same account as production, so recovery could fail.',
      },
      issues: [/ransomware/i],
    },
    {
      key: 'region',
      values: {
        title: 'Extended outage of the primary hosting region',
        ownerId: c,
        affectsAvailability: true,
        riskSource: 'Extreme weather and power failures at the provider',
        event: 'The primary region is unavailable for more than a day',
        cause: 'Failover to the second region has never been tested end to end',
        consequenceDescription: 'SLA breach for every customer; payroll runs delayed',
        existingControls: 'Data replicated to a second region; runbook written.',
        likelihood: 2,
        consequenceA: 5,
        rationale:
          'Provider history shows one multi-hour regional outage in five years; climate trends make longer ones more likely.',
      },
      issues: [/heatwave|flood/i],
    },
    {
      key: 'insider',
      values: {
        title: 'Support agent exports payroll data without need',
        ownerId: m,
        affectsConfidentiality: true,
        riskSource: 'Curious or disgruntled staff',
        event: 'Bulk export of employee salaries from the support console',
        cause: 'Support role can export any customer’s data',
        consequenceDescription: 'Disclosure of personal data; loss of customer trust',
        existingControls: 'Access logged but not reviewed.',
        likelihood: 2,
        consequenceC: 4,
        rationale: 'No incidents so far; the capability exists and nobody watches the logs.',
      },
    },
    {
      key: 'gateway',
      values: {
        title: 'Tampered payment file sent to the payment gateway',
        ownerId: c,
        affectsIntegrity: true,
        riskSource: 'Attacker with access to the file transfer',
        event: 'Bank details in a payment file are changed in transit',
        cause: 'Payment files are not signed end to end',
        consequenceDescription: 'Salaries paid to the wrong accounts; liability and remediation',
        existingControls: 'TLS to the gateway; four-eyes approval of payment runs.',
        likelihood: 1,
        consequenceI: 5,
        rationale: 'Transport is encrypted and runs are approved; signing would remove the remaining gap.',
      },
      issues: [/payment gateway/i],
    },
    {
      key: 'laptop',
      values: {
        title: 'Unencrypted laptop of a contractor',
        ownerId: m,
        affectsConfidentiality: true,
        approach: 'asset',
        existingControls: 'Company laptops are encrypted; contractors bring their own.',
        likelihood: 3,
        consequenceC: 3,
        rationale: 'Contractors occasionally download reports to their own laptops.',
      },
      assets: [/laptop/i],
    },
    {
      key: 'patching',
      values: {
        title: 'Known vulnerability left unpatched on a public service',
        ownerId: c,
        affectsConfidentiality: true,
        affectsIntegrity: true,
        riskSource: 'Opportunistic attackers scanning the internet',
        event: 'Exploitation of a published vulnerability',
        cause: 'Two-person IT team; no patch deadline',
        consequenceDescription: 'Intrusion into the platform',
        existingControls: 'Managed services patched by the provider; container images rebuilt weekly.',
        likelihood: 2,
        consequenceC: 3,
        consequenceI: 3,
        rationale: 'Most of the stack is managed; the remaining self-run services lag by weeks.',
      },
      issues: [/small it operations/i],
    },
    {
      key: 'printer',
      values: {
        title: 'Printouts left on the shared office printer',
        ownerId: ids.contributor,
        affectsConfidentiality: true,
        event: 'Printed payroll reports picked up by someone else',
        cause: 'Printer in the corridor shared with another tenant',
        existingControls: 'Clean-desk rule.',
        likelihood: 2,
        consequenceC: 2,
        rationale: 'Little printing; reports are summaries without bank details.',
      },
    },
    {
      key: 'supplier',
      values: {
        title: 'Critical supplier goes out of business',
        ownerId: ids.admin,
        affectsAvailability: true,
        event: 'The payroll tax-table supplier stops delivering updates',
        existingControls: 'Contract with notice period.',
        likelihood: 1,
        consequenceA: 3,
        rationale: 'Supplier is small but profitable; alternatives exist with two months’ work.',
      },
    },
    {
      key: 'awareness',
      values: {
        title: 'Staff approve a fraudulent payment request by e-mail',
        ownerId: m,
        affectsIntegrity: true,
        riskSource: 'Business e-mail compromise fraudsters',
        event: 'Finance pays a fake invoice',
        likelihood: 3,
        consequenceI: 3,
        rationale: 'Attempts arrive monthly; finance staff had no training yet.',
      },
    },
    {
      key: 'new',
      values: {
        title: 'Data leakage through an AI chat assistant',
        ownerId: m,
        affectsConfidentiality: true,
        description: 'Identified; not yet analysed.',
      },
    },
  ];

  const made = new Map<string, { id: string; version: number }>();
  for (const r of risks) {
    const created = await create(risksModule, r.values);
    made.set(r.key, { id: String(created.id), version: Number(created.version) });
    const assets = await assetIds(r.assets);
    if (assets.length) await replaceSet(ctx, RISK_ASSETS, String(created.id), assets);
    for (const pattern of r.issues ?? []) {
      const issue = (
        await db.selectFrom('issues').select(['id', 'title']).where('orgId', '=', ctx.org.id).execute()
      ).find((i: { title: string }) => pattern.test(i.title));
      if (issue)
        await createLink(ctx, {
          fromType: 'risk',
          fromId: String(created.id),
          toType: 'issue',
          toId: issue.id,
          kind: 'related',
        });
    }
  }

  // Last year's assessment, closed; since then two risks were reassessed, so the comparison shows movement.
  const last = await create(riskAssessmentsModule, {
    title: 'Annual risk assessment (last year)',
    startedOn: inDays(-380),
    plannedEnd: inDays(-350),
    ownerId: m,
    scopeDescription: 'The whole ISMS scope (SCOPE-001).',
  });
  await closeAssessment(ctx, String(last.id));
  const phone = made.get('phone')!;
  await updateRecord(ctx, risksModule, phone.id, {
    consequenceC: 5,
    rationale: 'Re-assessed: phones now also hold the authenticator for production access (disclosure: severe).',
  });
  const printer = made.get('printer')!;
  await updateRecord(ctx, risksModule, printer.id, {
    likelihood: 1,
    rationale: 'The printer was moved inside our office; pull printing with badges.',
  });
  await create(riskAssessmentsModule, {
    title: 'Annual risk assessment (this year)',
    startedOn: inDays(-10),
    plannedEnd: inDays(20),
    ownerId: m,
    scopeDescription: 'The whole ISMS scope, including the new Manchester office.',
  });

  const trigger = await create(reassessmentTriggersModule, {
    title: 'Move of payment files to the new gateway API',
    kind: 'significant_change',
    occurredOn: inDays(-3),
    description: 'The payment gateway replaces file transfer with a signed API next month.',
  });
  await replaceSet(ctx, TRIGGER_RISKS, String(trigger.id), [made.get('gateway')!.id, made.get('ransomware')!.id]);
}
