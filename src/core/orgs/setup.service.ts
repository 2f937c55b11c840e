import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import { ConflictError } from '../errors.js';
import { insertUser } from '../users/users.service.js';
import { insertOrg } from './orgs.service.js';
import { inInstanceTransaction } from '../transaction.js';

export async function setupNeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * First run: the first account (an instance superadmin) and the first organization. Closes for good once any user
 * exists; the check runs inside the transaction, under the installation's lock, so racing setups cannot both succeed.
 */
export async function completeSetup(
  db: Db,
  input: { email: string; name: string; password: string; organizationName: string; organizationSlug?: string },
  ip?: string | null,
) {
  // The installation's lock first: twenty setups at once queue, and every one after the first finds a user.
  return inInstanceTransaction(db, async (trx) => {
    if (!(await setupNeeded(trx))) throw new ConflictError('Rampart is already set up: sign in instead');
    const actor = { kind: 'anonymous' as const, userId: null, label: input.email };
    const user = await insertUser(trx, { ...input, isSuperadmin: true }, actor, null, ip);
    const userActor = { kind: 'user' as const, userId: user.id, label: user.email };
    const org = await insertOrg(
      trx,
      { name: input.organizationName, slug: input.organizationSlug },
      user.id,
      userActor,
      ip,
    );
    await recordAudit(trx, {
      orgId: org.id,
      actor: userActor,
      ip,
      event: { type: 'setup.completed', payload: { email: user.email, orgSlug: org.slug } },
    });
    return { user, org };
  });
}
