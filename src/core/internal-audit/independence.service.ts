import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { untypedDb } from '../register/untyped-db.js';
import { newId, nowIso } from '../util/ids.js';

/** Something an auditor may not audit without a justification: they own it or are assigned to it. */
export interface Conflict {
  auditorId: string;
  objectType: string;
  objectId: string;
  objectRef: string;
  reason: string;
}

export interface AuditedObject {
  type: string;
  id: string;
}

/**
 * Who of `auditorIds` may not audit which of `objects` (27001 9.2.2 b: objectivity and impartiality): a record whose
 * `ownerId` is the auditor (a process, a control, a risk, any register with an owner), and a process the auditor
 * is assigned to through a current assignment of an ISMS role linked to it. Bounded: one query per object type and
 * one for the role assignments, whatever the numbers.
 */
export async function findConflicts(
  ctx: OrgContext,
  trx: Db,
  auditorIds: readonly string[],
  objects: readonly AuditedObject[],
): Promise<Conflict[]> {
  if (!auditorIds.length || !objects.length) return [];
  const out: Conflict[] = [];
  const byType = new Map<string, string[]>();
  for (const o of objects) byType.set(o.type, [...(byType.get(o.type) ?? []), o.id]);
  const refs = new Map<string, string>();
  for (const [type, ids] of byType) {
    const mod = ctx.registers.byEntity(type);
    if (!mod) continue;
    const hasOwner = 'ownerId' in mod.def.fields;
    const rows: { id: string; ref: string; ownerId?: string | null }[] = await untypedDb(trx)
      .selectFrom(mod.def.table)
      .select(hasOwner ? ['id', 'ref', 'ownerId'] : ['id', 'ref'])
      .where('orgId', '=', ctx.org.id)
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) {
      refs.set(r.id, r.ref);
      if (r.ownerId && auditorIds.includes(r.ownerId))
        out.push({ auditorId: r.ownerId, objectType: type, objectId: r.id, objectRef: r.ref, reason: 'owner' });
    }
  }
  const processIds = byType.get('isms_process') ?? [];
  if (processIds.length) {
    // roles linked to the process (either direction), their current assignments to one of the auditors
    const assigned = await trx
      .selectFrom('links')
      .innerJoin('roleAssignments as ra', (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([eb('links.fromType', '=', 'isms_role'), eb('ra.roleId', '=', eb.ref('links.fromId'))]),
            eb.and([eb('links.toType', '=', 'isms_role'), eb('ra.roleId', '=', eb.ref('links.toId'))]),
          ]),
        ),
      )
      .innerJoin('ismsRoles as role', 'role.id', 'ra.roleId')
      .select(['links.fromType', 'links.fromId', 'links.toId', 'ra.personId', 'role.ref as roleRef'])
      .where('links.orgId', '=', ctx.org.id)
      .where('ra.orgId', '=', ctx.org.id)
      .where('ra.archivedAt', 'is', null)
      .where('ra.personId', 'in', [...auditorIds])
      .where((eb) =>
        eb.or([
          eb.and([eb('links.fromType', '=', 'isms_process'), eb('links.fromId', 'in', processIds)]),
          eb.and([eb('links.toType', '=', 'isms_process'), eb('links.toId', 'in', processIds)]),
        ]),
      )
      .execute();
    for (const a of assigned) {
      const processId = a.fromType === 'isms_process' ? a.fromId : a.toId;
      if (!a.personId) continue;
      out.push({
        auditorId: a.personId,
        objectType: 'isms_process',
        objectId: processId,
        objectRef: refs.get(processId) ?? processId,
        reason: `assigned to ${a.roleRef}`,
      });
    }
  }
  return out;
}

/**
 * Refuses the change (409 naming `field` and the object) when there are conflicts and no justification; with one,
 * records each conflict as an exception of the audit (shown in its report) and its audit event.
 */
export async function settleConflicts(
  ctx: OrgContext,
  trx: Db,
  audit: { id: string; ref: string },
  field: string,
  conflicts: Conflict[],
  exception: { justification: string } | undefined,
): Promise<void> {
  // a conflict already justified on this audit (same auditor, same object) is not asked again
  const justified = conflicts.length
    ? await trx
        .selectFrom('auditIndependenceExceptions')
        .select(['auditorId', 'objectId'])
        .where('orgId', '=', ctx.org.id)
        .where('auditId', '=', audit.id)
        .execute()
    : [];
  conflicts = conflicts.filter((c) => !justified.some((j) => j.auditorId === c.auditorId && j.objectId === c.objectId));
  if (!conflicts.length) return;
  if (!exception) {
    const c = conflicts[0]!;
    throw new ConflictError(
      `An auditor may not audit what they own or are assigned to: ${c.objectRef} (${c.reason}); give an independenceException with a justification to proceed`,
      conflicts.map((x) => ({ field, message: `${x.objectRef}: ${x.reason} (auditor ${x.auditorId})` })),
    );
  }
  const now = nowIso();
  const rows = conflicts.map((c) => ({
    id: newId(),
    orgId: ctx.org.id,
    auditId: audit.id,
    ...c,
    field,
    justification: exception.justification,
    createdAt: now,
    createdBy: ctx.actor.userId,
  }));
  await trx.insertInto('auditIndependenceExceptions').values(rows).execute();
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'internal_audit',
    entityId: audit.id,
    event: {
      type: 'internal_audit.independence_excepted',
      payload: {
        ref: audit.ref,
        field,
        objects: conflicts.map((c) => c.objectRef),
        justification: exception.justification,
      },
    },
  });
}

/** The exceptions recorded on an audit, with the auditor's name. */
export async function listExceptions(ctx: OrgContext, db: Db, auditId: string) {
  return db
    .selectFrom('auditIndependenceExceptions as e')
    .innerJoin('users', 'users.id', 'e.auditorId')
    .select([
      'e.id',
      'e.auditorId',
      'users.name as auditorName',
      'e.field',
      'e.objectType',
      'e.objectId',
      'e.objectRef',
      'e.reason',
      'e.justification',
      'e.createdAt',
    ])
    .where('e.orgId', '=', ctx.org.id)
    .where('e.auditId', '=', auditId)
    .orderBy('e.createdAt')
    .orderBy('e.id')
    .execute();
}
