import { z } from 'zod';

export const idSchema = z.uuid();
export const slugSchema = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens');
export const emailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
export const personNameSchema = z.string().trim().min(1).max(120);
export const passwordSchema = z.string().min(12, 'Use at least 12 characters').max(256);
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime();

/**
 * Integer columns are 32-bit (PostgreSQL `integer`; SQLite takes more, so an unbounded value would be stored on one
 * database and fail with a 500 on the other). Every integer a request carries is bounded by its column through these.
 */
export const INT_COLUMN_MIN = -2_147_483_648;
export const INT_COLUMN_MAX = 2_147_483_647;
/** An integer in a JSON body, within [min, max] and the column's range. */
export const intInput = (min = INT_COLUMN_MIN, max = INT_COLUMN_MAX) =>
  z.number().int().min(Math.max(min, INT_COLUMN_MIN)).max(Math.min(max, INT_COLUMN_MAX));
/**
 * A decimal in a JSON body (a target of 99.5 %, a measured value): finite, within [min, max], and at most 15
 * significant digits so a value stored in a double on either database reads back as written.
 */
export const decimalInput = (min = -1e15, max = 1e15) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((n) => Number(n.toPrecision(15)) === n, 'At most 15 significant digits');
/** An integer in a path or query string (text converted to a number), bounded the same way. */
export const intParam = (min = INT_COLUMN_MIN, max = INT_COLUMN_MAX) =>
  z.coerce.number().int().min(Math.max(min, INT_COLUMN_MIN)).max(Math.min(max, INT_COLUMN_MAX));
/** A version number (1, 2, …) in a body, and in a path or query. */
export const versionNoInput = () => intInput(1);
export const versionNoParam = () => intParam(1);

/**
 * `?page=&pageSize=` of a list outside the registers (members, tokens, a risk's assets). The page size defaults to
 * its bound, so a client written before these lists paged still gets everything up to the bound, and `total` tells
 * it when there is more.
 */
export const pageQuerySchema = (maxPageSize = 200) =>
  z.strictObject({ page: intParam(1, 1_000_000).default(1), pageSize: intParam(1, maxPageSize).default(maxPageSize) });
export type PageQuery = { page: number; pageSize: number };

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
