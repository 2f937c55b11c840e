import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertStrongPassword } from '../auth/password-strength.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { revokeUserSessions } from '../auth/sessions.js';
import type { Actor } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { inInstanceTransaction } from '../transaction.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isSuperadmin?: boolean;
}

/** Creates a user inside the caller's transaction; the event goes to the organization it was created for, if any. */
export async function insertUser(trx: Db, input: NewUser, actor: Actor, orgId: string | null, ip?: string | null) {
  const email = input.email.trim().toLowerCase();
  await assertStrongPassword(input.password, { email, name: input.name }, 'body.password');
  const exists = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (exists)
    throw new ConflictError('A user with this email already exists', [
      { field: 'body.email', message: 'Already in use' },
    ]);
  const now = nowIso();
  const user = {
    id: newId(),
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    isSuperadmin: input.isSuperadmin ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  };
  await trx.insertInto('users').values(user).execute();
  await recordAudit(trx, {
    orgId,
    actor,
    ip,
    entityType: 'user',
    entityId: user.id,
    event: { type: 'user.created', payload: { email, name: user.name } },
  });
  return { id: user.id, email: user.email, name: user.name, isSuperadmin: user.isSuperadmin === 1 };
}

export async function createUser(db: Db, input: NewUser, actor: Actor) {
  return inInstanceTransaction(db, (trx) => insertUser(trx, input, actor, null));
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'isSuperadmin'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Sets a new password and signs the user out everywhere. */
export async function changePassword(
  db: Db,
  email: string,
  password: string,
  actor: Actor,
  opts: { keepSessionId?: string; field?: string } = {},
): Promise<void> {
  const found = await db
    .selectFrom('users')
    .select(['name'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!found) throw new NotFoundError(`The user ${email}`);
  await assertStrongPassword(password, { email, name: found.name }, opts.field ?? 'body.password');
  const passwordHash = await hashPassword(password);
  await inInstanceTransaction(db, async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user) throw new NotFoundError(`The user ${email}`);
    await trx.updateTable('users').set({ passwordHash, updatedAt: nowIso() }).where('id', '=', user.id).execute();
    await revokeUserSessions(trx, user.id, opts.keepSessionId);
    await recordAudit(trx, {
      orgId: null,
      actor,
      entityType: 'user',
      entityId: user.id,
      event: { type: 'user.password_changed', payload: { email: user.email } },
    });
  });
}

/** A signed-in person changes their own password: the current one must be right; other sessions are signed out. */
export async function changeOwnPassword(
  db: Db,
  user: { id: string; email: string },
  input: { currentPassword: string; newPassword: string },
  sessionId: string,
): Promise<void> {
  const row = await db.selectFrom('users').select('passwordHash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationError([{ field: 'body.currentPassword', message: 'Not your current password' }]);
  }
  if (input.currentPassword === input.newPassword)
    throw new ValidationError([
      { field: 'body.newPassword', message: 'Choose a password different from the current one' },
    ]);
  await changePassword(
    db,
    user.email,
    input.newPassword,
    { kind: 'user', userId: user.id, label: user.email },
    { keepSessionId: sessionId, field: 'body.newPassword' },
  );
}
