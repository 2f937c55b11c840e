import { planContentSchema, type PlanRow } from '../../schema/controls/treatment-plan.schema.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

export const OPTION_WORDS: Record<string, string> = {
  avoid: 'Avoid',
  pursue: 'Take or increase (opportunity)',
  modify: 'Modify',
  share: 'Share',
  retain: 'Retain',
};
/** statuses in the words of the screens (the message catalog), never their keys */
const controlStatus = (key: string) => t(`controls.implementationStatus.${key}`);
const actionStatus = (key: string) => t(`actions.status.${key}`);
const ACCEPTANCE_WORDS = {
  valid: 'Accepted',
  outdated: 'Outdated (the treatment or the risk owner changed since)',
  expired: 'Acceptance expired',
} as const;

const levelLabel = (row: PlanRow, which: 'levelLabel' | 'residualLevelLabel') => row[which] ?? '';
const acceptanceText = (row: PlanRow) =>
  row.acceptance
    ? `${ACCEPTANCE_WORDS[row.acceptance.state]}${row.acceptance.kind === 'concession' ? ' (concession)' : ''} by ${row.acceptance.by}, ${row.acceptance.at.slice(0, 10)}${row.acceptance.expiresOn ? `; review by ${row.acceptance.expiresOn}` : ''}`
    : 'Not yet accepted';

export function planBlocks(value: unknown): DocumentBlock[] {
  const { rows } = planContentSchema.parse(value);
  return [
    {
      kind: 'table',
      heading: 'Treated risks',
      subheading: true,
      columns: ['Risk', 'Owner', 'Level', 'Options', 'Controls', 'Actions', 'Residual', 'Owner acceptance'],
      // landscape, sized for what each column holds: the owner's acceptance (6.1.3 f) is read whole
      wide: true,
      widths: [16, 9, 7, 9, 15, 17, 11, 16],
      rows: rows.map((r) => [
        `${r.ref} ${r.title}`,
        r.owner ?? '',
        levelLabel(r, 'levelLabel'),
        r.options.map((o) => OPTION_WORDS[o.option] ?? o.option).join(', '),
        r.controls.map((c) => `${c.ref} (${controlStatus(c.implementationStatus)})`).join(', '),
        r.actions
          .map(
            (x) =>
              `${x.ref} ${x.title} — ${x.owner ?? 'no owner'}, ${x.dueDate ?? 'no date'}, ${actionStatus(x.status)}`,
          )
          .join('; '),
        `${levelLabel(r, 'residualLevelLabel')}${r.residualAcceptable === false ? ' (beyond acceptance)' : ''}`,
        acceptanceText(r),
      ]),
    },
  ];
}

export function planExportTable(
  ctx: OrgContext,
  content: Record<string, unknown>,
  v: { versionNo: number; state: string },
): ExportTable {
  const { rows } = planContentSchema.parse(content.plan);
  return {
    title: `Risk treatment plan v${v.versionNo}`,
    filenameBase: `${ctx.org.slug}-risk-treatment-plan-v${v.versionNo}-${v.state}`,
    columns: [
      { key: 'ref', header: 'Risk', kind: 'text' },
      { key: 'title', header: 'Title', kind: 'text' },
      { key: 'owner', header: 'Risk owner', kind: 'text' },
      { key: 'level', header: 'Level', kind: 'text' },
      { key: 'options', header: 'Treatment options', kind: 'text' },
      { key: 'rationale', header: 'Rationale', kind: 'text' },
      { key: 'controls', header: 'Controls', kind: 'text' },
      { key: 'actions', header: 'Actions', kind: 'text' },
      { key: 'progress', header: 'Actions done', kind: 'text' },
      { key: 'residual', header: 'Expected residual level', kind: 'text' },
      { key: 'residualAcceptable', header: 'Residual acceptable', kind: 'boolean' },
      { key: 'acceptance', header: 'Owner acceptance', kind: 'text' },
      { key: 'revisit', header: 'Revisit (reassessed since)', kind: 'boolean' },
    ],
    rows: rows.map((r) => [
      r.ref,
      r.title,
      r.owner,
      r.levelLabel,
      r.options.map((o) => OPTION_WORDS[o.option] ?? o.option).join(', '),
      r.options.map((o) => o.rationale).join(' / '),
      r.controls.map((c) => `${c.ref} ${c.title} (${controlStatus(c.implementationStatus)})`).join('; '),
      r.actions
        .map(
          (x) => `${x.ref} ${x.title} (${x.owner ?? 'no owner'}, ${x.dueDate ?? 'no date'}, ${actionStatus(x.status)})`,
        )
        .join('; '),
      `${r.progress.actionsDone}/${r.progress.actions}`,
      r.residualLevelLabel,
      r.residualAcceptable,
      acceptanceText(r),
      r.needsRevisit,
    ]),
  };
}
