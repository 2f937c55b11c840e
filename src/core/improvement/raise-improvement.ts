import type { Db } from '../../db/connect.js';
import type { IMPROVEMENT_SOURCES } from '../../schema/improvement/improvement.register.js';
import type { OrgContext } from '../context.js';
import { insertLink } from '../links/links.service.js';
import { insertRecord } from '../register/register.service.js';
import { improvementsModule } from './improvements.module.js';
import { CONCERNS, RAISED_FROM } from './raise-nonconformity.js';

export interface RaiseImprovementInput {
  source: (typeof IMPROVEMENT_SOURCES)[number];
  sourceType: string;
  sourceId: string;
  title: string;
  description?: string | null;
  ownerId?: string | null;
  /** the records it concerns (a control, a process, evidence seen…), linked to it */
  links: { type: string; id: string }[];
}

/**
 * Raises an improvement from another record (an audit's observation or opportunity for improvement; later a
 * management review output), suggested by the caller, with its links, in the caller's transaction. Callers check
 * their records exist; the links are checked here (a foreign id names `body.toId`).
 */
export async function raiseImprovement(ctx: OrgContext, trx: Db, input: RaiseImprovementInput) {
  const imp = await insertRecord(ctx, trx, improvementsModule, {
    title: input.title,
    description: input.description ?? null,
    source: input.source,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    ownerId: input.ownerId ?? null,
  });
  const seen = new Set<string>();
  for (const [i, link] of [{ type: input.sourceType, id: input.sourceId }, ...input.links].entries()) {
    const key = `${link.type}:${link.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await insertLink(ctx, trx, {
      fromType: 'improvement',
      fromId: imp.id,
      toType: link.type,
      toId: link.id,
      kind: i === 0 ? RAISED_FROM : CONCERNS,
    });
  }
  return imp;
}
