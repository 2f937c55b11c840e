import { z } from 'zod';
import { decimalInput, intInput } from '../common/primitives.js';

/**
 * Field kinds a register can hold. Each kind knows its zod validation, its storage (see db/migrations) and how the
 * UI shows and edits it, so a module declares fields once and gets API, storage, table, form and CSV from them.
 */
export type FieldKind = 'text' | 'longtext' | 'enum' | 'date' | 'member' | 'record' | 'integer' | 'number' | 'boolean';

export interface FieldDef {
  kind: FieldKind;
  /** message-catalog key for the label, e.g. `actions.field.title` */
  label: string;
  required?: boolean;
  /** for enum */
  options?: readonly string[];
  /** for enum: the options form a scale, listed lowest first; lists sort by that order rather than alphabetically */
  ordered?: boolean;
  /** for record: the entity of the register it points at (`interested_party`); the value is that record's id */
  target?: string;
  /** for text/longtext */
  maxLength?: number;
  /** for integer and number */
  min?: number;
  max?: number;
  /** shown as a column in the default table */
  inList?: boolean;
  /** offered as a list filter (enum: any of; member: id or `me`; date: from/to) */
  filterable?: boolean;
  sortable?: boolean;
  /** searched by `q` */
  searchable?: boolean;
  /** set by the server only; not accepted in create or update bodies */
  readOnly?: boolean;
  /** message-catalog key of a help text shown under the form field */
  help?: string;
  /** value used on create when the field is not given */
  default?: string | number | boolean;
}

export type FieldMap = Record<string, FieldDef>;

export const TEXT_MAX = 200;
export const LONGTEXT_MAX = 20_000;

export function fieldValueSchema(def: FieldDef): z.ZodType {
  switch (def.kind) {
    case 'text': {
      const s = z
        .string()
        .trim()
        .max(def.maxLength ?? TEXT_MAX);
      return def.required ? s.min(1, 'Required') : s;
    }
    case 'longtext': {
      const s = z.string().max(def.maxLength ?? LONGTEXT_MAX);
      return def.required ? s.trim().min(1, 'Required') : s;
    }
    case 'enum':
      return z.enum(def.options as [string, ...string[]]);
    case 'date':
      return z.iso.date();
    case 'member':
    case 'record':
      return z.uuid();
    case 'integer': {
      return intInput(def.min, def.max);
    }
    case 'number':
      return decimalInput(def.min, def.max);
    case 'boolean':
      return z.boolean();
  }
}
