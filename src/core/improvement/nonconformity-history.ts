import type { ExportTable } from '../register/register-export.js';
import type { DocumentBlock, DocumentModel } from '../versioning/versioned-module.js';
import { clauseLabel, ismsRequirement } from '../../schema/internal-audit/isms-requirements.js';
import type { OrgContext } from '../context.js';
import { getRecord } from '../register/register.service.js';
import { stringArray } from '../util/string-array.js';
import { nonconformitiesModule } from './nonconformities.module.js';

/** The trail of one nonconformity is bounded: beyond this many events the export says so rather than growing. */
const MAX_EVENTS = 2000;
type Row = [string, string, string, string];

/**
 * The documented information of 10.2 (nature of the nonconformity, actions taken, results of corrective action)
 * for one nonconformity: its steps, its corrective actions, its effectiveness reviews and its audit events, as one
 * table (XLSX) and as a document (PDF). Four queries whatever its length.
 */
export async function nonconformityHistory(ctx: OrgContext, id: string) {
  const nc = await getRecord(ctx, nonconformitiesModule, id);
  const db = ctx.db;
  const lists = await db
    .selectFrom('nonconformities')
    .select(['whys', 'similarConfirmed'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const actions = await db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.ownerId')
    .select([
      'actions.ref',
      'actions.title',
      'actions.status',
      'actions.priority',
      'actions.dueDate',
      'users.name as owner',
    ])
    .where('actions.orgId', '=', ctx.org.id)
    .where('actions.sourceType', '=', 'nonconformity')
    .where('actions.sourceId', '=', id)
    .orderBy('actions.ref')
    .limit(500)
    .execute();
  const reviews = await db
    .selectFrom('nonconformityReviews')
    .leftJoin('users', 'users.id', 'nonconformityReviews.reviewedBy')
    .select(['reviewedOn', 'effective', 'note', 'users.name as reviewer'])
    .where('nonconformityReviews.orgId', '=', ctx.org.id)
    .where('nonconformityId', '=', id)
    .orderBy('nonconformityReviews.createdAt')
    .execute();
  const events = await db
    .selectFrom('auditEvents')
    .select(['createdAt', 'type', 'actorLabel', 'payload'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'nonconformity')
    .where('entityId', '=', id)
    .orderBy('seq')
    .limit(MAX_EVENTS)
    .execute();

  const req = nc.requirementKey ? ismsRequirement(nc.requirementKey) : undefined;
  const requirement = req ? `${clauseLabel(req.key)} ${req.text}` : '';
  const whys = stringArray(lists.whys);
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const found: [string, string][] = [
    ['Reference', nc.ref],
    ['Title', s(nc.title)],
    ['Status', s(nc.status)],
    ['Source', s(nc.source)],
    ['Requirement not fulfilled', requirement],
    ['Grade', s(nc.grade)],
    ['Found on', s(nc.foundOn)],
  ];
  const steps: Row[] = [
    [s(nc.foundOn), 'Found', s(nc.description), ''],
    [
      s(nc.correctionDoneOn),
      'Correction (10.2 a)',
      [nc.correctionText, nc.consequencesText].filter(Boolean).join(' — '),
      '',
    ],
    [
      s(nc.decidedOn),
      'Decision (10.2 b)',
      nc.correctiveActionNeeded === null
        ? ''
        : `${nc.correctiveActionNeeded ? 'Corrective action needed' : 'No corrective action needed'}: ${s(nc.decisionCriterion)}`,
      '',
    ],
    [
      s(nc.analysedOn),
      'Cause analysis (10.2 b)',
      [
        s(nc.whatWentWrong),
        whys.map((w, i) => `Why ${i + 1}: ${w}`).join('; '),
        `Root cause: ${s(nc.rootCause)}`,
        s(nc.patterns),
      ]
        .filter((x) => x && x !== 'Root cause: ')
        .join(' | '),
      s(nc.causeCategory),
    ],
    ...actions.map((a): Row => [
      s(a.dueDate),
      `Corrective action ${a.ref} (10.2 c)`,
      a.title,
      [a.status, a.priority, a.owner].filter(Boolean).join(', '),
    ]),
    ...reviews.map((r): Row => [
      r.reviewedOn,
      'Effectiveness review (10.2 d)',
      `${r.effective === 1 ? 'Effective' : 'Not effective'}${r.note ? `: ${r.note}` : ''}`,
      s(r.reviewer),
    ]),
    [s(nc.closedOn), 'Closed', '', ''],
  ].filter((r): r is Row => r[0] !== '' || r[2] !== '');
  const trail: Row[] = events.map((e) => [e.createdAt, e.type, e.actorLabel, e.payload.slice(0, 2000)]);

  const table: ExportTable = {
    title: `${nc.ref} history`,
    filenameBase: `${nc.ref}-history`,
    columns: [
      { key: 'when', header: 'When', kind: 'text' },
      { key: 'what', header: 'What', kind: 'text' },
      { key: 'detail', header: 'Detail', kind: 'text' },
      { key: 'who', header: 'Who / more', kind: 'text' },
    ],
    rows: [...steps, ...trail.map(([when, type, who, payload]): Row => [when, `Audit event ${type}`, payload, who])],
  };
  const sections: DocumentBlock[] = [
    {
      kind: 'table',
      heading: 'Steps',
      columns: ['Date', 'Step', 'Record', 'Category / by'],
      rows: steps,
      widths: [2, 3, 8, 3],
    },
    {
      kind: 'table',
      heading: 'Audit trail',
      columns: ['When', 'Event', 'By', 'Details'],
      rows: trail,
      widths: [3, 3, 2, 8],
    },
  ];
  const document: DocumentModel = {
    title: `${nc.ref} ${s(nc.title)}`,
    subtitle: 'Nonconformity and corrective action (ISO/IEC 27001:2022 10.2)',
    footer: `${ctx.org.name} · ${nc.ref}`,
    control: found,
    approvalHeading: '',
    approvalColumns: [],
    approvals: [],
    approvalNote: null,
    sections,
    emptyText: 'Nothing recorded yet.',
    filenameBase: `${nc.ref}-history`,
    notice: events.length === MAX_EVENTS ? `Only the first ${MAX_EVENTS} audit events are listed.` : undefined,
  };
  return { table, document };
}
