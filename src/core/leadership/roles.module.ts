import { ismsActivityRegister } from '../../schema/leadership/isms-activity.register.js';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import { normalizeClauses } from './processes.module.js';

/** Longest reporting chain walked when checking for a loop; real organizations are far shallower. */
const MAX_CHAIN = 50;

/** A role may not report to itself, directly or through others. */
async function assertNoReportingLoop(ctx: OrgContext, trx: Db, roleId: string, reportsToId: string): Promise<void> {
  let current: string | null = reportsToId;
  for (let i = 0; current && i < MAX_CHAIN; i++) {
    if (current === roleId)
      throw new ValidationError([{ field: 'body.reportsToId', message: 'This would make the role report to itself' }]);
    const row: { reportsToId: string | null } | undefined = await trx
      .selectFrom('ismsRoles')
      .select('reportsToId')
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.reportsToId ?? null;
  }
}

/** ISMS roles (27001 5.3): reporting lines without loops. */
export const ismsRolesModule: RegisterModule<typeof ismsRoleRegister.fields> = {
  def: ismsRoleRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    if (existing && typeof changes.reportsToId === 'string')
      await assertNoReportingLoop(ctx, trx, existing.id as string, changes.reportsToId);
    return {};
  },
};

/** The activities of the RACI matrix; clause lists checked like those of processes. */
export const ismsActivitiesModule: RegisterModule<typeof ismsActivityRegister.fields> = {
  def: ismsActivityRegister,
  async beforeWrite(_ctx, _trx, changes) {
    return normalizeClauses(changes);
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Assignments of people to roles: exactly one of a member or a named person without an account; an e-mail only
 * for a named person; the end not before the start; an approval names both who and when; the role current.
 * The server keeps `personLabel` (the person's name) for lists, links and exports.
 */
export const roleAssignmentsModule: RegisterModule<typeof roleAssignmentRegister.fields> = {
  def: roleAssignmentRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    const next: Values = { ...existing, ...changes };
    const name = typeof next.personName === 'string' ? next.personName.trim() : '';
    const hasMember = typeof next.personId === 'string';
    if (hasMember === !!name) {
      const message = hasMember
        ? 'Give a member or a named person, not both'
        : 'Give a member, or the name of a person without an account';
      throw new ValidationError([
        { field: 'body.personId', message },
        { field: 'body.personName', message },
      ]);
    }
    const errors: { field: string; message: string }[] = [];
    if (hasMember && next.personEmail)
      errors.push({
        field: 'body.personEmail',
        message: 'Only for a named person: a member’s e-mail comes from their account',
      });
    if (typeof next.personEmail === 'string' && next.personEmail && !EMAIL.test(next.personEmail))
      errors.push({ field: 'body.personEmail', message: 'Enter a valid e-mail address' });
    if (typeof next.startDate === 'string' && typeof next.endDate === 'string' && next.endDate < next.startDate)
      errors.push({ field: 'body.endDate', message: 'The end is before the start' });
    if (!!next.approvedById !== !!next.approvedOn) {
      errors.push(
        next.approvedById
          ? { field: 'body.approvedOn', message: 'Say when it was approved' }
          : { field: 'body.approvedById', message: 'Say who approved it' },
      );
    }
    if (typeof next.approvedOn === 'string' && next.approvedOn > todayIso())
      errors.push({ field: 'body.approvedOn', message: 'An approval cannot be in the future' });
    if (typeof changes.roleId === 'string') {
      const role = await trx
        .selectFrom('ismsRoles')
        .select(['ref', 'archivedAt'])
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', changes.roleId)
        .executeTakeFirst();
      if (role?.archivedAt)
        errors.push({ field: 'body.roleId', message: `${role.ref} is archived; choose a current role` });
    }
    if (errors.length) throw new ValidationError(errors);

    let personLabel = name;
    if (hasMember) {
      const user = await trx
        .selectFrom('users')
        .select('name')
        .where('id', '=', next.personId as string)
        .executeTakeFirst();
      personLabel = user?.name ?? 'Member';
    }
    return existing?.personLabel === personLabel ? {} : { personLabel };
  },
  applyFilters(_ctx, qb, query) {
    if (query.current === undefined) return qb;
    const today = todayIso();
    const current = (eb: any) =>
      eb.and([
        eb.or([eb('startDate', 'is', null), eb('startDate', '<=', today)]),
        eb.or([eb('endDate', 'is', null), eb('endDate', '>=', today)]),
      ]);
    return query.current === true ? qb.where(current) : qb.where((eb) => eb.not(current(eb)));
  },
};

/** Top management's commitments (27001 5.1): plain register, no behaviour of its own yet. */
export const leadershipCommitmentsModule: RegisterModule = { def: leadershipCommitmentRegister };
