import { interestedPartyRegister } from '../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';

/**
 * Requirements of interested parties (27001 4.2). The shared machinery checks that `partyId` names a party of
 * this organization; this module also refuses a party that has been archived, so new requirements never hang
 * off a party that is no longer in the register.
 */
export const requirementsModule: RegisterModule<typeof requirementRegister.fields> = {
  def: requirementRegister,
  async beforeWrite(ctx, trx, changes) {
    if (typeof changes.partyId !== 'string') return {};
    const party = await trx
      .selectFrom('interestedParties')
      .select(['ref', 'archivedAt'])
      .where('id', '=', changes.partyId)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (party?.archivedAt) {
      throw new ValidationError([
        {
          field: 'body.partyId',
          message: `${party.ref} is archived; choose a current ${interestedPartyRegister.entity.replace('_', ' ')}`,
        },
      ]);
    }
    return {};
  },
};
