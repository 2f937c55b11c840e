import { ISSUE_CATEGORIES_BY_DIRECTION, issueRegister } from '../../schema/context/issue.register.js';
import type { RegisterModule } from '../register/register-module.js';
import { assertFitsDirection } from './direction-check.js';

/** External and internal issues (27001 4.1): a register whose category must fit its direction. */
export const issuesModule: RegisterModule<typeof issueRegister.fields> = {
  def: issueRegister,
  async beforeWrite(_ctx, _trx, changes, existing) {
    assertFitsDirection(ISSUE_CATEGORIES_BY_DIRECTION, 'category', changes, existing);
    return {};
  },
};
