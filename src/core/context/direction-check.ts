import type { Direction } from '../../schema/context/context-options.js';
import { ValidationError } from '../errors.js';
import type { Values } from '../register/register-module.js';

/**
 * A category (issues) or type (interested parties) belongs to one side, internal or external. Checked on the
 * values the record will have after the write, so changing only the direction of a record is caught too.
 */
export function assertFitsDirection(
  byDirection: Record<Direction, readonly string[]>,
  field: string,
  changes: Values,
  existing: Values | undefined,
): void {
  if (!(field in changes) && !('direction' in changes)) return;
  const direction = ('direction' in changes ? changes.direction : existing?.direction) as Direction | undefined;
  const value = field in changes ? changes[field] : existing?.[field];
  if (!direction || typeof value !== 'string') return;
  const allowed = byDirection[direction];
  if (!allowed.includes(value)) {
    throw new ValidationError([
      {
        field: `body.${field}`,
        message: `${value} does not fit a ${direction} record; use one of: ${allowed.join(', ')}`,
      },
    ]);
  }
}
