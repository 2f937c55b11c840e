import type { Role } from '../../schema/auth/roles.js';
import type { ChecklistItem, Conclusion } from '../../schema/internal-audit/internal-audit.register.js';
import type { FollowUpInput } from '../../schema/internal-audit/audit-follow-up.schema.js';
import type { OrgContext } from '../context.js';
import { addChecklistLink } from '../internal-audit/audit-checklist-links.service.js';
import { listChecklist } from '../internal-audit/audit-checklist-read.service.js';
import { addChecklistItem, generateChecklist, updateChecklistItem } from '../internal-audit/audit-checklist.service.js';
import { transitionAudit } from '../internal-audit/audit-team.service.js';
import { raiseFinding } from '../internal-audit/audit-raise.service.js';

interface ItemPlan {
  conclusion: Conclusion;
  notes: string;
  links?: { kind: 'evidence' | 'sample' | 'object'; targetType: string; title: string }[];
}

/** The items the auditor wrote more than "conforms" about: keyed by requirement key or control reference. */
const NOTABLE: Record<string, ItemPlan> = {
  '4.2.b': {
    conclusion: 'observation',
    notes:
      'The requirements register is complete, but it is reviewed only once a year: two customer contract changes of March reached it in September. Not yet a nonconformity, but the register can fall behind what customers require.',
  },
  '4.3': {
    conclusion: 'conforms',
    notes: 'Scope statement approved (version 2 adds the Manchester office); minutes of the scope workshop seen.',
    links: [{ kind: 'evidence', targetType: 'evidence', title: 'Scope workshop minutes' }],
  },
  '5.2.e': {
    conclusion: 'conforms',
    notes: 'The information security policy is published in Rampart and acknowledged by most staff.',
    links: [{ kind: 'sample', targetType: 'document', title: 'Information security policy' }],
  },
  '6.2.d': {
    conclusion: 'minor_nc',
    notes:
      'Two of the five objectives of this year (payroll availability in payday windows; access reviews on time) have no measurement recorded since the first quarter. The board approved the objectives, but nobody was named to measure them. An isolated lapse in monitoring: minor.',
    links: [
      { kind: 'object', targetType: 'isms_process', title: 'Monitoring and measurement' },
      { kind: 'sample', targetType: 'document', title: 'Information security policy' },
    ],
  },
  '5.7': {
    conclusion: 'observation',
    notes:
      'Threat intelligence sources are chosen (national CERT, two vendor feeds) and the control is in progress, but no one is yet named to read the feeds and pass on what matters.',
  },
  '5.18': {
    conclusion: 'conforms',
    notes: 'Finance system access review sampled: signed by the system owner, three stale accounts removed.',
    links: [{ kind: 'evidence', targetType: 'evidence', title: 'Access review of the finance system — signed record' }],
  },
};

/** The improvements the observations become, named for what to improve. */
const OBSERVATION_TITLES: [string, string][] = [
  ['4.2.b', 'Keep the requirements register up to date between annual reviews'],
  ['5.7', 'Name someone to read the threat intelligence feeds and pass on what matters'],
];

export interface FirstAuditResult {
  auditId: string;
  /** the nonconformity raised from the minor finding */
  nonconformityId: string;
  /** the improvements raised from the two observations (4.2 b, then 5.7) */
  improvementIds: string[];
}

/** Finds a record to link by its title (the demo's records have unique titles). */
async function recordByTitle(ctx: OrgContext, type: string, title: string): Promise<string> {
  const table = type === 'evidence' ? 'evidence' : type === 'document' ? 'documents' : 'ismsProcesses';
  const column = type === 'isms_process' ? 'name' : 'title';
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where(column, '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The first audit conducted: the checklist generated from the criteria (clauses 4–6 and the key controls) with the
 * planned organizational controls added, every item concluded with evidence and sampled records on the notable
 * ones, and the findings raised (the minor nonconformity by the lead auditor with the follow-up agreed; the two
 * observations as improvements).
 */
export async function conductFirstAudit(
  ctx: OrgContext,
  ids: Record<Role, string>,
  auditId: string,
  plannedControlIds: string[],
): Promise<FirstAuditResult> {
  const auditor: OrgContext = {
    ...ctx,
    role: 'auditor',
    actor: { kind: 'user', userId: ids.auditor, label: 'auditor' },
  };
  await generateChecklist(auditor, auditId, undefined);
  for (const controlId of plannedControlIds) {
    const control = await ctx.db
      .selectFrom('controls')
      .select(['ref', 'title'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', controlId)
      .executeTakeFirstOrThrow();
    await addChecklistItem(auditor, auditId, { title: `${control.ref} ${control.title}`, controlId });
  }
  const started = await ctx.db
    .selectFrom('internalAudits')
    .select('version')
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', auditId)
    .executeTakeFirstOrThrow();
  await transitionAudit(auditor, auditId, 'in_progress', started.version);

  const findings = new Map<string, ChecklistItem>();
  for (const item of await listChecklist(auditor, auditId)) {
    const key = item.requirementKey ?? item.controlRef ?? '';
    const plan = NOTABLE[key];
    for (const link of plan?.links ?? [])
      await addChecklistLink(auditor, auditId, item.id, {
        kind: link.kind,
        targetType: link.targetType,
        targetId: await recordByTitle(ctx, link.targetType, link.title),
      });
    const concluded = await updateChecklistItem(auditor, auditId, item.id, {
      conclusion: plan?.conclusion ?? 'conforms',
      notes: plan?.notes ?? null,
      expectedVersion: item.version,
    });
    if (plan && plan.conclusion !== 'conforms') findings.set(key, concluded);
  }

  // the lead auditor raises each finding in one step: the nonconformity with the follow-up plan she agreed
  const raise = (key: string, body: { title: string; followUp?: FollowUpInput }) => {
    const item = findings.get(key)!;
    return raiseFinding(auditor, auditId, item.id, {
      expectedVersion: item.version,
      ownerId: ids.isms_manager,
      ...body,
    });
  };
  const nc = await raise('6.2.d', {
    title: 'Two information security objectives not monitored',
    followUp: {
      correction: 'Record the missing measurements of both objectives for the second and third quarters.',
      correctiveAction:
        'Name an owner and a measurement method for every objective; report them to the board quarterly.',
      dueOn: inDaysFrom(30),
      verification: 'The lead auditor checks the quarterly report of every objective in the next audit (Y1-OPS).',
    },
  });
  const improvements = [];
  for (const [key, title] of OBSERVATION_TITLES) improvements.push(await raise(key, { title }));
  return { auditId, nonconformityId: nc.id, improvementIds: improvements.map((i) => i.id) };
}

const inDaysFrom = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
