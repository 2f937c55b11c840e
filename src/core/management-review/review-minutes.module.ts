import type { Db } from '../../db/connect.js';
import {
  reviewAttendanceViewSchema,
  reviewDecisionsSnapshotSchema,
  reviewMeetingSchema,
  reviewMinutesVersioned,
  type ReviewMeeting,
} from '../../schema/management-review/management-review.register.js';
import {
  REVIEW_INPUT_KEYS,
  REVIEW_INPUT_LETTERS,
  reviewInputsSchema,
} from '../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import type { DocumentBlock, DocumentModel, VersionedModule } from '../versioning/versioned-module.js';
import { managementReviewsModule } from './management-reviews.module.js';
import { readAttendance } from './review-attendance.service.js';
import { decisionSnapshots, decisionsQuery } from './review-decisions-read.js';
import { letterOf } from './review-previous-actions.js';
import { compileReviewInputs } from './review-inputs-compile.service.js';
import { reviewInputsBlocks } from './review-inputs-blocks.js';

/** The decisions of one review as the minutes freeze them. */
async function decisionsOf(ctx: OrgContext, db: Db, reviewId: string) {
  const rows = await decisionsQuery(ctx, db).where('d.reviewId', '=', reviewId).orderBy('d.ref').execute();
  return (await decisionSnapshots(ctx, db, rows)).map((d) => d.snapshot);
}

/** Who may sign the minutes: the review's chair, and only them (27001 9.3: top management reviews the ISMS). */
async function chairRule(ctx: OrgContext, trx: Db, reviewId: string) {
  const r = await trx
    .selectFrom('managementReviews')
    .select(['ref', 'chairId'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', reviewId)
    .executeTakeFirst();
  // without a chair no one may sign (no signer named would let anyone with the permission sign)
  if (r && !r.chairId)
    return { signers: [], roles: [], rolesReason: `Name the chair of ${r.ref}: they approve its minutes` };
  return { signers: r?.chairId ? [r.chairId] : [] };
}

/**
 * Approving needs every input a–g answered by at least one decision ("no action needed" counts: 27003 9.3 asks for
 * it to be recorded), and the minutes to hold every decision taken (a decision recorded after the draft was saved
 * would be missing from what is approved: save the draft again).
 */
async function checkDecisionsComplete(ctx: OrgContext, trx: Db, reviewId: string, content: Record<string, unknown>) {
  const frozen = reviewDecisionsSnapshotSchema.parse(content.decisions).decisions;
  const live = await decisionsQuery(ctx, trx).where('d.reviewId', '=', reviewId).select('d.ref').execute();
  const inMinutes = new Set(frozen.map((d) => d.ref));
  const missing = live.filter((d) => !inMinutes.has(d.ref)).map((d) => d.ref);
  if (missing.length || live.length !== frozen.length)
    throw new ConflictError(
      `The draft does not hold the decisions as they stand (${missing.join(', ') || 'a decision was removed'}); save the draft again before approving`,
      [{ field: 'decisions', message: 'Stale: save the draft again' }],
    );
  const unanswered = REVIEW_INPUT_KEYS.filter((k) => !frozen.some((d) => d.input === k));
  if (unanswered.length)
    throw new ConflictError(
      `Record a decision for every input before approving (a "no action needed" decision counts): ${unanswered
        .map((k) => `${REVIEW_INPUT_LETTERS[k]}) ${k}`)
        .join(', ')}`,
      unanswered.map((k) => ({ field: `decisions.${k}`, message: 'No decision recorded for this input' })),
    );
}

/** The review's date, place and chair as they stand now (frozen into each draft of the minutes). */
async function meetingOf(ctx: OrgContext, db: Db, reviewId: string): Promise<ReviewMeeting> {
  const r = await db
    .selectFrom('managementReviews as r')
    .leftJoin('users as u', 'u.id', 'r.chairId')
    .select(['r.plannedDate', 'r.heldOn', 'r.location', 'u.name as chair'])
    .where('r.orgId', '=', ctx.org.id)
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
  return {
    plannedDate: r?.plannedDate ?? null,
    heldOn: r?.heldOn ?? null,
    location: r?.location || null,
    chair: r?.chair ?? null,
  };
}

const attendanceBlocks = (value: unknown): DocumentBlock[] => {
  const a = reviewAttendanceViewSchema.parse(value);
  const rows = [
    ...a.members.map((m) => [m.name, m.capacity, m.present ? 'Present' : 'Apologies']),
    ...a.others.map((o) => [o.name, o.capacity, o.present ? 'Present' : 'Apologies']),
  ];
  return [{ kind: 'table', heading: 'Attendance', subheading: true, columns: ['Name', 'Capacity', 'Attended'], rows }];
};

const decisionBlocks = (value: unknown): DocumentBlock[] => {
  const { decisions } = reviewDecisionsSnapshotSchema.parse(value);
  return [
    {
      kind: 'table',
      heading: 'Decisions',
      subheading: true,
      columns: ['Ref', 'Input', 'Kind', 'Decision', 'Owner', 'Due', 'Status', 'Actions / draft'],
      widths: [9, 7, 12, 30, 12, 10, 8, 12],
      wide: true,
      rows: decisions.map((d) => [
        d.ref,
        letterOf(d.input),
        t(`management-review-decisions.kind.${d.kind}`),
        d.statement,
        d.owner ?? '',
        d.dueDate ?? '',
        t(`management-review-decisions.status.${d.status}`),
        [
          ...d.actions.map((x) => `${x.ref} ${t(`actions.status.${x.status}`).toLowerCase()}`),
          ...(d.draft ? [`${d.draft.ref} v${d.draft.versionNo}`] : []),
        ].join(', '),
      ]),
    },
  ];
};

/**
 * The minutes read input by input: the commentary written on an input stands under its heading, before the figures
 * Rampart compiled for it (top management reads the summary first), rather than in a section of its own further on.
 */
function commentaryUnderInputs(model: DocumentModel): DocumentModel {
  const sections = [...model.sections];
  for (const key of REVIEW_INPUT_KEYS) {
    const comment = sections.findIndex(
      (b) => b.kind === 'text' && !b.subheading && b.heading === t(`management-reviews.section.comment.${key}`),
    );
    if (comment < 0) continue;
    const [block] = sections.splice(comment, 1);
    const heading = sections.findIndex(
      (b) => b.kind === 'text' && !b.subheading && b.heading === t(`review-inputs.heading.${key}`),
    );
    const target = sections[heading];
    if (block?.kind === 'text' && target?.kind === 'text' && block.paragraphs.length)
      sections[heading] = { ...target, paragraphs: [...block.paragraphs, ...target.paragraphs] };
  }
  return { ...model, sections };
}

/** The minutes (9.3.3): versions of the review record, approved by the chair; inputs, attendance, decisions frozen. */
export const reviewMinutesVersionedModule: VersionedModule = {
  register: managementReviewsModule,
  versioned: reviewMinutesVersioned,
  approvalRule: chairRule,
  async documentModel(ctx, record, version, model) {
    // when and where the review was held, and who chaired it, belong to the minutes' control block: as the version
    // froze them (versions saved before the minutes froze them read the record)
    const frozen = reviewMeetingSchema.safeParse(version.content.meeting);
    const meeting = frozen.success ? frozen.data : await meetingOf(ctx, ctx.db, String(record.id));
    const facts: [string, string | null][] = [
      [t('management-reviews.field.plannedDate'), meeting.plannedDate],
      [t('management-reviews.field.heldOn'), meeting.heldOn],
      [t('management-reviews.field.location'), meeting.location],
      [t('management-reviews.field.chair'), meeting.chair],
    ];
    const control = [
      ...model.control,
      ...facts.flatMap(([label, value]): [string, string][] => (value ? [[label, value]] : [])),
    ];
    return commentaryUnderInputs({ ...model, control });
  },
  renderData: (key, value) => {
    // the meeting's facts stand in the control block (documentModel), not as a section
    if (key === 'meeting') return [];
    if (key === 'inputs') return reviewInputsBlocks(reviewInputsSchema.parse(value));
    if (key === 'attendance') return attendanceBlocks(value);
    if (key === 'decisions') return decisionBlocks(value);
    return [];
  },
  async prepareDraft(ctx, trx, recordId, content) {
    return {
      ...content,
      meeting: await meetingOf(ctx, trx, recordId),
      attendance: await readAttendance(ctx, trx, recordId),
      inputs: await compileReviewInputs(ctx, trx, recordId),
      decisions: { decisions: await decisionsOf(ctx, trx, recordId) },
    };
  },
  async onApproved(ctx, trx, recordId, _versionNo, content) {
    await checkDecisionsComplete(ctx, trx, recordId, content);
  },
  /** the review's status follows its minutes: approved once a version is */
  async onVersionsChanged(ctx, trx, recordId) {
    const r = await trx
      .selectFrom('managementReviews')
      .select(['status', 'heldOn', 'approvedVersion'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', recordId)
      .executeTakeFirst();
    if (!r) return;
    const status = r.approvedVersion !== null ? 'approved' : r.heldOn ? 'held' : 'planned';
    if (status !== r.status)
      await trx
        .updateTable('managementReviews')
        .set({ status })
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', recordId)
        .execute();
  },
};
