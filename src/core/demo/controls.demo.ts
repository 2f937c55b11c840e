import type { Role } from '../../schema/auth/roles.js';
import { controlsModule } from '../controls/controls.module.js';
import { chooseEdition } from '../controls/controls.service.js';
import { soaModule, soaVersionedModule } from '../controls/soa.module.js';
import { acceptRisk, setTreatment } from '../controls/treatment.service.js';
import { treatmentPlanModule, treatmentPlanVersionedModule } from '../controls/treatment-plan.service.js';
import { actionsModule } from '../actions/actions.module.js';
import type { OrgContext } from '../context.js';
import { createLink } from '../links/links.service.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, updateRecord } from '../register/register.service.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const INTRODUCTION = `This Statement of Applicability covers the ISMS scope of the payroll platform (SCOPE-001). It lists every control of ISO/IEC 27001:2022 Annex A and our own controls, whether each is applicable and why: the risks it treats (from the risk treatment), the legal and contractual requirements that call for it, or the good practice we chose to follow.

The ISMS manager keeps it up to date after each risk assessment and treatment review; top management approves each version.`;

const PLAN_SUMMARY = `The risk treatment plan lists every risk we decided to treat after this year’s assessment: the options chosen, the controls that implement them, the actions with their owners and dates, and the residual risk we expect. Each risk owner accepts the residual risk of their risks; management approves the plan and the resources it needs.

Progress is reviewed monthly at the ISMS meeting; the result of each action is evaluated as its record says.`;

/** Controls excluded, with the reason an auditor would expect to read. */
const EXCLUDED: Record<string, { exclusionReason: string; exclusionExplanation: string }> = {
  '8.30': {
    exclusionReason: 'not_needed',
    exclusionExplanation:
      'No software development is outsourced; all development is done by our own staff under 8.25–8.29.',
  },
  '7.5': {
    exclusionReason: 'out_of_scope',
    exclusionExplanation:
      'Servers run in the hosting provider’s data centre, outside the scope; the provider’s ISO/IEC 27001 certificate is checked under 5.22.',
  },
};
/** Controls not yet in place, with where they stand. */
const STATUS: Record<string, { implementationStatus: string; plannedDate?: string }> = {
  '5.7': { implementationStatus: 'planned', plannedDate: inDays(60) },
  '8.12': { implementationStatus: 'planned', plannedDate: inDays(120) },
  '5.30': { implementationStatus: 'in_progress' },
  '6.3': { implementationStatus: 'in_progress' },
  '8.16': { implementationStatus: 'in_progress' },
  '5.23': { implementationStatus: 'not_started' },
};

/**
 * Risk treatment and the SoA of the demo organization: 27003's worked example end to end (the mobile phone risk
 * treated by modifying likelihood and consequence: a mobile device policy, a custom mobile device management
 * control, incident reporting, backup and PINs; residual risk within acceptance), treatments of other risks, two
 * requirements tied to the controls they call for, every control decided, and the SoA approved (version 1) with a
 * draft of version 2 in progress.
 */
export async function seedControls(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const m = ids.isms_manager;
  const c = ids.contributor;
  await chooseEdition(ctx, 'iso27001-2022');
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const mdm = await create(controlsModule, {
    title: 'Mobile device management',
    theme: 'technological',
    description:
      'Every phone and tablet with company e-mail is enrolled in the MDM service: encryption and screen lock enforced, remote locate and wipe.',
    ownerId: c,
    applicability: 'applicable',
    implementationStatus: 'implemented',
    implementation:
      'MDM service enrolled at hand-out by IT; non-enrolled devices cannot reach company e-mail (conditional access).',
  });

  const controls = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .execute();
  const idOf = (ref: string) => controls.find((x) => x.ref === ref)!.id;
  const risks = await ctx.db.selectFrom('risks').select(['id', 'title']).where('orgId', '=', ctx.org.id).execute();
  const risk = (pattern: RegExp) => risks.find((r) => pattern.test(r.title))!.id;

  await setTreatment(ctx, risk(/mobile phone/), {
    options: [
      {
        option: 'modify',
        rationale:
          'Loss of phones cannot be prevented, but both the likelihood that a lost phone exposes data and the consequence of a loss can be reduced cheaply.',
      },
    ],
    controls: [
      {
        controlId: idOf('8.1'),
        effect: 'both',
        note: 'Mobile device policy: what may be kept on a phone, reporting a loss at once.',
      },
      {
        controlId: String(mdm.id),
        effect: 'consequence',
        note: 'Remote wipe limits the disclosure; encryption enforced.',
      },
      {
        controlId: idOf('8.5'),
        effect: 'likelihood',
        note: 'A PIN or biometric unlock is required on every enrolled device.',
      },
      {
        controlId: idOf('6.8'),
        effect: 'consequence',
        note: 'Losses are reported through the incident reporting process within the hour.',
      },
      {
        controlId: idOf('8.13'),
        effect: 'consequence',
        note: 'Mail and documents are in the cloud backup: nothing is lost with the device.',
      },
    ],
    residual: {
      likelihood: 2,
      consequenceC: 2,
      consequenceA: 1,
      rationale:
        'With PIN, encryption and remote wipe, a lost phone rarely exposes anything; backup restores what was on it.',
    },
  });
  // the plan's actions, in the tracker, and the owner's acceptance of the residual risk (the ISMS manager owns it)
  const phone = risk(/mobile phone/);
  const phoneActions = [
    {
      title: 'Enrol every company phone in mobile device management',
      ownerId: c,
      dueDate: inDays(-20),
      status: 'done',
      resources: 'IT, half a day per 20 phones',
      evaluation: 'MDM report shows every phone enrolled',
      outcome: '42 of 42 phones enrolled.',
    },
    {
      title: 'Publish the mobile device policy and brief all staff',
      ownerId: m,
      dueDate: inDays(10),
      status: 'in_progress',
      resources: 'ISMS manager, one briefing per team',
      evaluation: 'Acknowledged by every member of staff',
    },
    {
      title: 'Rehearse reporting a lost phone through the incident process',
      ownerId: c,
      dueDate: inDays(-2),
      status: 'open',
      resources: 'Service desk, one hour',
      evaluation: 'Wipe started within one hour of the report',
    },
  ];
  for (const a of phoneActions)
    await create(actionsModule, { ...a, priority: 'high', sourceType: 'risk', sourceId: phone });
  const phoneTreatment = await ctx.db
    .selectFrom('riskTreatments')
    .select('version')
    .where('riskId', '=', phone)
    .executeTakeFirstOrThrow();
  await acceptRisk(ctx, phone, {
    kind: 'within_criteria',
    treatmentVersion: phoneTreatment.version,
    expiresOn: inDays(365),
  });

  await setTreatment(ctx, risk(/Ransomware/), {
    options: [
      {
        option: 'modify',
        rationale: 'Payroll must run on payday: reduce both the chance of infection and the time to recover.',
      },
    ],
    controls: [
      {
        controlId: idOf('8.7'),
        effect: 'likelihood',
        note: 'Endpoint protection with behaviour detection on every server.',
      },
      { controlId: idOf('8.8'), effect: 'likelihood' },
      { controlId: idOf('8.13'), effect: 'consequence', note: 'Immutable off-site backups, restore tested monthly.' },
      { controlId: idOf('5.29'), effect: 'consequence', note: 'Payday continuity runbook.' },
    ],
    residual: {
      likelihood: 2,
      consequenceA: 3,
      consequenceI: 2,
      rationale: 'Recovery within one working day from immutable backups.',
    },
  });
  await setTreatment(ctx, risk(/fraudulent payment/), {
    options: [
      { option: 'modify', rationale: 'Training and a call-back rule make a fake request far less likely to be paid.' },
      { option: 'share', rationale: 'Crime insurance covers a residual loss up to the policy limit.' },
    ],
    controls: [
      { controlId: idOf('6.3'), effect: 'likelihood', note: 'Finance team trained on payment fraud.' },
      { controlId: idOf('5.15'), effect: 'likelihood', note: 'Two people approve any change of bank details.' },
    ],
    residual: { likelihood: 2, consequenceI: 3 },
  });

  const requirements = await ctx.db
    .selectFrom('requirements')
    .select(['id', 'title'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const requirement = (pattern: RegExp) => requirements.find((r) => pattern.test(r.title))?.id;
  const ties: [RegExp, string[]][] = [
    [/72 hours/, ['5.24', '5.26']],
    [/record of processing/, ['5.34']],
  ];
  for (const [pattern, refs] of ties) {
    const req = requirement(pattern);
    if (!req) continue;
    for (const ref of refs)
      await createLink(ctx, {
        fromType: 'control',
        fromId: idOf(ref),
        toType: 'requirement',
        toId: req,
        kind: 'related',
      });
  }

  // Every other control decided: excluded with its reason, or applicable as part of the baseline.
  const decided = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref', 'applicability', 'source'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const owners = [m, c, ids.admin];
  let i = 0;
  for (const control of decided) {
    if (control.source === 'custom') continue;
    const change: Record<string, unknown> = { ownerId: owners[i++ % owners.length] };
    if (EXCLUDED[control.ref]) Object.assign(change, { applicability: 'excluded', ...EXCLUDED[control.ref] });
    else {
      if (control.applicability === 'undecided')
        Object.assign(change, {
          applicability: 'applicable',
          statedReason: 'Part of the baseline the ISMS adopted for a payroll service provider.',
        });
      Object.assign(change, STATUS[control.ref] ?? { implementationStatus: 'implemented' });
    }
    await updateRecord(
      ctx,
      controlsModule,
      control.id,
      controlsModule.def.updateSchema.parse(change) as Record<string, unknown>,
    );
  }

  const plan = await create(treatmentPlanModule, {
    title: 'Risk treatment plan',
    ownerId: m,
    nextReviewDate: inDays(90),
  });
  const planDraft = await saveDraft(ctx, treatmentPlanVersionedModule, String(plan.id), {
    content: { summary: PLAN_SUMMARY, plan: { rows: [] } },
    changeNote: 'Plan after this year’s assessment.',
  });
  await approveVersion(
    { ...ctx, role: 'approver', actor: { kind: 'user', userId: ids.approver, label: 'approver' } },
    treatmentPlanVersionedModule,
    String(plan.id),
    1,
    { contentHash: String(planDraft.contentHash), comment: 'Resources approved.' },
  );

  const soa = await create(soaModule, { title: 'Statement of Applicability', ownerId: m, nextReviewDate: inDays(180) });
  const soaId = String(soa.id);
  const v1 = await saveDraft(ctx, soaVersionedModule, soaId, {
    content: { introduction: INTRODUCTION, statement: { edition: null, rows: [] } },
    changeNote: 'First SoA on the 2022 edition.',
  });
  const approver: OrgContext = {
    ...ctx,
    role: 'approver',
    actor: { kind: 'user', userId: ids.approver, label: 'approver' },
  };
  await approveVersion(approver, soaVersionedModule, soaId, 1, {
    contentHash: String(v1.contentHash),
    comment: 'Approved after the risk treatment review.',
  });
  // since then: threat intelligence started early; version 2 is a draft that shows it
  await updateRecord(ctx, controlsModule, idOf('5.7'), { implementationStatus: 'in_progress', plannedDate: null });
  await saveDraft(ctx, soaVersionedModule, soaId, {
    content: { introduction: INTRODUCTION, statement: { edition: null, rows: [] } },
    changeNote: 'Threat intelligence in progress.',
  });
}
