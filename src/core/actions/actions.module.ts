import { actionRegister, CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { ValidationError } from '../errors.js';
import { nowIso, todayIso } from '../util/ids.js';
import { actionWritten } from '../management-review/decision-status.service.js';

/**
 * The action tracker's own behaviour on top of the shared register: a source record that must exist in the
 * organization, and the completion time kept by the server.
 */
export const actionsModule: RegisterModule<typeof actionRegister.fields> = {
  def: actionRegister,

  async beforeWrite(ctx, trx, changes, existing, tools) {
    const extra: Values = {};
    const sourceType = 'sourceType' in changes ? changes.sourceType : existing?.sourceType;
    const sourceId = 'sourceId' in changes ? changes.sourceId : existing?.sourceId;
    const status = changes.status ?? existing?.status;
    if ('sourceType' in changes || 'sourceId' in changes) {
      if (!!sourceType !== !!sourceId) {
        const missing = sourceType ? 'sourceId' : 'sourceType';
        throw new ValidationError([
          { field: `body.${missing}`, message: 'Give both the source type and the source id, or neither' },
        ]);
      }
      if (sourceType && sourceId) await tools.assertRecordExists(String(sourceType), String(sourceId), 'body.sourceId');
      // The source's register may react (an ISMS risk moves to "action planned") in this same transaction.
      const moved = sourceType !== existing?.sourceType || sourceId !== existing?.sourceId;
      if (sourceType && sourceId && moved && status !== 'cancelled') {
        await tools.actionPlanned(String(sourceType), String(sourceId), { ...existing, ...changes });
      }
    }
    if (status === 'done' && existing?.status !== 'done') extra.completedAt = nowIso();
    if (status !== 'done' && existing?.completedAt) extra.completedAt = null;
    // a management review decision's status follows the actions carrying it out (same transaction)
    await actionWritten(ctx, trx, existing, { sourceType, sourceId, status: status ?? 'open' });
    return extra;
  },

  async beforeArchive(ctx, trx, existing) {
    await actionWritten(ctx, trx, existing, null);
  },

  applyFilters(_ctx, qb, query) {
    if (typeof query.sourceType === 'string') qb = qb.where('sourceType', '=', query.sourceType);
    if (typeof query.sourceId === 'string') qb = qb.where('sourceId', '=', query.sourceId);
    if (query.overdue === true) {
      return qb.where('dueDate', '<', todayIso()).where('status', 'not in', [...CLOSED_ACTION_STATUSES]);
    }
    if (query.overdue === false) {
      return qb.where((eb) =>
        eb.or([
          eb('dueDate', 'is', null),
          eb('dueDate', '>=', todayIso()),
          eb('status', 'in', [...CLOSED_ACTION_STATUSES]),
        ]),
      );
    }
    return qb;
  },
};
