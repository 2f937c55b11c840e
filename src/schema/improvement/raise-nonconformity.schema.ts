import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';
import { ISMS_REQUIREMENT_KEYS } from '../internal-audit/isms-requirements.js';
import { NC_GRADES, NC_SOURCES } from './nonconformity.register.js';

/** What a module gives to raise a nonconformity from one of its records (`raiseNonconformity`). */
export const raiseNonconformityInputSchema = z.strictObject({
  source: z.enum(NC_SOURCES),
  sourceType: z.string().min(1).max(40),
  sourceId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(8000).optional(),
  requirementKey: z.enum(ISMS_REQUIREMENT_KEYS).optional(),
  grade: z.enum(NC_GRADES).optional(),
  foundBy: z.uuid().optional(),
  foundOn: isoDateSchema.optional(),
  ownerId: z.uuid().optional(),
  /** when its handling is to be complete (an audit finding: the follow-up plan's date) */
  dueDate: isoDateSchema.optional(),
  /** the records it concerns (a control, a process, a document…), linked to it */
  links: z
    .array(z.object({ type: z.string().min(1).max(40), id: z.uuid() }))
    .max(100)
    .default([]),
});
export type RaiseNonconformityInput = z.input<typeof raiseNonconformityInputSchema>;
