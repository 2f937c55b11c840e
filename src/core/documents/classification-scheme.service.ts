import type { Db } from '../../db/connect.js';
import { CLASSIFICATIONS, type Classification } from '../../schema/documents/document.register.js';
import { translate as t } from '../../schema/i18n/translate.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';

/** The organization's names for the four levels, defaults where it has named none (lowest level first). */
export async function getClassificationScheme(ctx: OrgContext, db: Db = ctx.db) {
  const rows = await db
    .selectFrom('classificationLevels')
    .select(['level', 'label', 'description'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const own = new Map(rows.map((r) => [r.level, r]));
  return {
    levels: CLASSIFICATIONS.map((level) => {
      const row = own.get(level);
      return {
        level,
        label: row?.label ?? t(`documents.classification.${level}`),
        description: row?.description ?? null,
        isDefault: !row,
      };
    }),
  };
}

/** level → the organization's name for it (for exports and messages). */
export async function classificationLabels(ctx: OrgContext): Promise<Record<Classification, string>> {
  const { levels } = await getClassificationScheme(ctx);
  return Object.fromEntries(levels.map((l) => [l.level, l.label])) as Record<Classification, string>;
}

/** Replaces the names and handling rules of all four levels at once (audited with the new names). */
export async function setClassificationScheme(
  ctx: OrgContext,
  input: { levels: { level: Classification; label: string; description?: string }[] },
) {
  return inOrgTransaction(ctx, async (trx) => {
    await trx.deleteFrom('classificationLevels').where('orgId', '=', ctx.org.id).execute();
    const now = nowIso();
    await trx
      .insertInto('classificationLevels')
      .values(
        input.levels.map((l) => ({
          orgId: ctx.org.id,
          level: l.level,
          label: l.label,
          description: l.description || null,
          updatedAt: now,
          updatedBy: ctx.actor.userId,
        })),
      )
      .execute();
    const ordered = CLASSIFICATIONS.map((level) => input.levels.find((l) => l.level === level)!);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'document',
      event: {
        type: 'document.classification_scheme_set',
        payload: { levels: ordered.map((l) => ({ level: l.level, label: l.label })) },
      },
    });
    return getClassificationScheme(ctx, trx);
  });
}
