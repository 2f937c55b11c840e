import { EVIDENCE_LINK_KIND, evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import { readableEvidence, readableRecord } from './evidence-access.js';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * The evidence register on top of the shared machinery: made only by upload (the file fields are the server's),
 * dates that make sense together, and the filters an auditor asks for (expired, current, attached to a record).
 */
export const evidenceModule: RegisterModule<typeof evidenceRegister.fields> = {
  def: evidenceRegister,
  omitRoutes: ['create', 'import'],
  readScope: (ctx, qb) => readableEvidence(ctx, qb, evidenceRegister.table),

  async beforeWrite(_ctx, _trx, changes, existing) {
    if (!existing && !str(changes.sha256)) {
      throw new ValidationError([
        { field: 'body.file', message: 'Evidence is made by uploading its file (POST /evidence/upload)' },
      ]);
    }
    const extra: Values = {};
    if (!existing && !str(changes.collectedOn)) extra.collectedOn = todayIso();
    const pick = (name: keyof typeof changes) => (name in changes ? str(changes[name]) : str(existing?.[name]));
    const validFrom = pick('validFrom');
    const validUntil = pick('validUntil');
    const collectedOn = str(extra.collectedOn) ?? pick('collectedOn');
    const errors: { field: string; message: string }[] = [];
    if (validFrom && validUntil && validUntil < validFrom) {
      errors.push({
        field: `body.${'validUntil' in changes ? 'validUntil' : 'validFrom'}`,
        message: 'The end of validity is before its start',
      });
    }
    if ('collectedOn' in changes && collectedOn && collectedOn > todayIso()) {
      errors.push({ field: 'body.collectedOn', message: 'Evidence cannot be collected in the future' });
    }
    if (errors.length) throw new ValidationError(errors);
    return extra;
  },

  applyFilters(ctx, qb, query) {
    const today = todayIso();
    if (query.expired === true) qb = qb.where('validUntil', '<', today);
    if (query.expired === false)
      qb = qb.where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', today)]));
    if (query.superseded === true) qb = qb.where('supersededById', 'is not', null);
    if (query.superseded === false) qb = qb.where('supersededById', 'is', null);
    const type = str(query.attachedType);
    const id = str(query.attachedId);
    if (type && id) {
      // a record the caller may not read answers like one that does not exist: nothing is attached to it
      qb = qb.where((eb) => readableRecord(ctx, eb, type, id));
      // attached = a link of kind `evidence` between the evidence and the record, in either direction
      qb = qb.where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('links')
              .select('fromId')
              .where('orgId', '=', ctx.org.id)
              .where('kind', '=', EVIDENCE_LINK_KIND)
              .where('fromType', '=', 'evidence')
              .where('toType', '=', type)
              .where('toId', '=', id),
          ),
          eb(
            'id',
            'in',
            eb
              .selectFrom('links')
              .select('toId')
              .where('orgId', '=', ctx.org.id)
              .where('kind', '=', EVIDENCE_LINK_KIND)
              .where('toType', '=', 'evidence')
              .where('fromType', '=', type)
              .where('fromId', '=', id),
          ),
        ]),
      );
    } else if (type || id) {
      throw new ValidationError([
        {
          field: type ? 'query.attachedId' : 'query.attachedType',
          message: 'Give attachedType and attachedId together',
        },
      ]);
    }
    return qb;
  },
};
