import type { Db } from '../../db/connect.js';
import { methodologySchema, type Methodology } from '../../schema/risks/methodology.schema.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';
import { riskMethodologyRegister } from '../../schema/risks/risk-methodology.register.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';

export type { MethodologyInForce };

/** The organization's methodology record (there is at most one current), or undefined. */
export async function methodologyRecord(ctx: OrgContext, db: Db) {
  return db
    .selectFrom('riskMethodologies')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
}

/** One version's methodology (the structured section), parsed. */
export async function methodologyOfVersion(
  ctx: OrgContext,
  db: Db,
  recordId: string,
  versionNo: number,
): Promise<{ methodology: Methodology; state: string; approvedAt: string | null } | undefined> {
  const row = await db
    .selectFrom('recordVersions')
    .select(['content', 'state', 'approvedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'risk_methodology')
    .where('recordId', '=', recordId)
    .where('versionNo', '=', versionNo)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = JSON.parse(row.content) as { methodology: unknown };
  return { methodology: methodologySchema.parse(content.methodology), state: row.state, approvedAt: row.approvedAt };
}

/** Several versions' methodologies in one query, by version number (versions not found are left out). */
export async function methodologiesOfVersions(
  ctx: OrgContext,
  db: Db,
  recordId: string,
  versionNos: readonly number[],
): Promise<Map<number, Methodology>> {
  const out = new Map<number, Methodology>();
  if (!versionNos.length) return out;
  const rows = await db
    .selectFrom('recordVersions')
    .select(['versionNo', 'content'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'risk_methodology')
    .where('recordId', '=', recordId)
    .where('versionNo', 'in', [...versionNos])
    .execute();
  for (const row of rows) {
    const content = JSON.parse(row.content) as { methodology: unknown };
    out.set(row.versionNo, methodologySchema.parse(content.methodology));
  }
  return out;
}

/** The approved methodology every risk is evaluated with, or null while none is approved. */
export async function methodologyInForce(ctx: OrgContext, db: Db = ctx.db): Promise<MethodologyInForce | null> {
  const record = await methodologyRecord(ctx, db);
  if (!record?.approvedVersion) return null;
  const v = await methodologyOfVersion(ctx, db, record.id, record.approvedVersion);
  if (!v) return null;
  return {
    recordId: record.id,
    ref: record.ref,
    versionNo: record.approvedVersion,
    approvedAt: v.approvedAt,
    methodology: v.methodology,
  };
}

/** One methodology per organization: its versions are its history, and the approved one is in force. */
export const riskMethodologyModule: RegisterModule<typeof riskMethodologyRegister.fields> = {
  def: riskMethodologyRegister,
  async beforeWrite(ctx, trx, _changes, existing) {
    if (existing) return {};
    const other = await methodologyRecord(ctx, trx);
    if (other)
      throw new ConflictError(
        `This organization already has its risk methodology (${other.ref}); revise it with a new version instead`,
        [{ field: 'body.title', message: `${other.ref} exists` }],
      );
    return {};
  },
};
