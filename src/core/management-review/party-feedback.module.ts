import { partyFeedbackRegister } from '../../schema/management-review/party-feedback.register.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';

/**
 * Feedback from interested parties (9.3.2 e): a register whose answer cannot be dated before the feedback came in.
 * Checked on the values the record will have after the write, so moving only the received date is caught too.
 */
export const partyFeedbackModule: RegisterModule<typeof partyFeedbackRegister.fields> = {
  def: partyFeedbackRegister,
  async beforeWrite(_ctx, _trx, changes, existing) {
    const received = changes.receivedOn ?? existing?.receivedOn;
    const responded = changes.respondedOn === undefined ? existing?.respondedOn : changes.respondedOn;
    if (received && responded && responded < received) {
      const field = changes.respondedOn === undefined ? 'receivedOn' : 'respondedOn';
      throw new ValidationError([
        { field: `body.${field}`, message: `answered on ${responded}, before it was received on ${received}` },
      ]);
    }
    return {};
  },
};
