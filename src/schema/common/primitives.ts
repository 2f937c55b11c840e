import { z } from 'zod';

export const idSchema = z.uuid();
export const slugSchema = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens');
export const emailSchema = z.email().max(254).transform((s) => s.toLowerCase());
export const personNameSchema = z.string().trim().min(1).max(120);
export const passwordSchema = z.string().min(12, 'Use at least 12 characters').max(256);
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime();

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
