import { interestedPartyRegister, PARTY_TYPES_BY_DIRECTION } from '../../schema/context/interested-party.register.js';
import type { RegisterModule } from '../register/register-module.js';
import { assertFitsDirection } from './direction-check.js';

/** Interested parties (27001 4.2): a register whose type must fit its direction. */
export const interestedPartiesModule: RegisterModule<typeof interestedPartyRegister.fields> = {
  def: interestedPartyRegister,
  async beforeWrite(_ctx, _trx, changes, existing) {
    assertFitsDirection(PARTY_TYPES_BY_DIRECTION, 'type', changes, existing);
    return {};
  },
};
