import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { FieldMap } from '../../schema/register/fields.js';
import type { RecordOf } from '../../schema/register/define-register.js';
import type { OrgContext } from '../context.js';
import type { DerivedOf, RegisterModule } from './register-module.js';

/** A register module that derives values for the records it answers (`def.derived`, `derive`). */
export type DerivingModule<F extends FieldMap, D extends z.ZodRawShape> = RegisterModule<F, D> &
  Required<Pick<RegisterModule<F, D>, 'derive'>>;

function derives<F extends FieldMap, D extends z.ZodRawShape>(mod: RegisterModule<F, D>): mod is DerivingModule<F, D> {
  return typeof mod.derive === 'function';
}

/**
 * Records with the values their register derives, computed for the whole batch at once (one `derive` call, so a
 * list page costs the same number of queries whatever its size).
 */
export async function withDerived<F extends FieldMap, D extends z.ZodRawShape, R extends RecordOf<F>>(
  ctx: OrgContext,
  db: Db,
  mod: DerivingModule<F, D>,
  records: R[],
): Promise<(R & DerivedOf<D>)[]> {
  if (!records.length) return [];
  const derived = await mod.derive(ctx, db, records);
  return records.map((r, i) => {
    const extra = derived[i];
    if (!extra) throw new Error(`${mod.def.entity}: derive answered ${derived.length} of ${records.length} records`);
    return { ...r, ...extra };
  });
}

/** One record with the values its register derives (see `withDerived`). */
export async function oneWithDerived<F extends FieldMap, D extends z.ZodRawShape, R extends RecordOf<F>>(
  ctx: OrgContext,
  db: Db,
  mod: DerivingModule<F, D>,
  record: R,
): Promise<R & DerivedOf<D>> {
  const [answered] = await withDerived(ctx, db, mod, [record]);
  if (!answered) throw new Error(`${mod.def.entity}: derive answered no record`);
  return answered;
}

/** Any register's records as the API answers them: with derived values where the register has some. */
export async function answerRecords<F extends FieldMap, R extends RecordOf<F>>(
  ctx: OrgContext,
  db: Db,
  mod: RegisterModule<F>,
  records: R[],
): Promise<R[]> {
  return derives(mod) ? withDerived(ctx, db, mod, records) : records;
}

/** One record as the API answers it (see `answerRecords`). */
export async function answerRecord<F extends FieldMap, R extends RecordOf<F>>(
  ctx: OrgContext,
  db: Db,
  mod: RegisterModule<F>,
  record: R,
): Promise<R> {
  const [answered] = await answerRecords(ctx, db, mod, [record]);
  return answered ?? record;
}
