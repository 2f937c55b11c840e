import { controlRegister } from '../../schema/controls/control.register.js';
import type { FieldDef } from '../../schema/register/define-register.js';

/** The catalog's wording of an Annex A control: shown, never sent. */
export const CATALOG_FIELDS = ['title', 'theme', 'description'] as const;
const EXCLUSION_FIELDS = ['exclusionReason', 'replacedById', 'exclusionExplanation'];

/**
 * The fields the control form shows for these values: not the catalog's wording of an Annex A control, the exclusion
 * fields only when the control is excluded (the replacement only when excluded as replaced), the planned date only
 * when the control is planned. Hidden fields are never sent: the server clears what no longer applies.
 */
export function shownFields(values: Record<string, unknown>, annex: boolean): Set<string> {
  const shown = new Set(
    Object.entries<FieldDef>(controlRegister.fields)
      .filter(([, d]) => !d.readOnly)
      .map(([name]) => name),
  );
  if (annex) for (const name of CATALOG_FIELDS) shown.delete(name);
  if (values.applicability !== 'excluded') for (const name of EXCLUSION_FIELDS) shown.delete(name);
  else if (values.exclusionReason !== 'replaced') shown.delete('replacedById');
  if (values.implementationStatus !== 'planned') shown.delete('plannedDate');
  return shown;
}

/** Whether a control's page shows a field: what its decision and its edition make relevant, never the sort key. */
export function detailShows(name: string, record: Record<string, unknown>): boolean {
  if (name === 'sortKey') return false;
  if (name === 'objective' || name === 'theme') return record[name] !== null && record[name] !== undefined;
  if (EXCLUSION_FIELDS.includes(name) || name === 'plannedDate') return shownFields(record, false).has(name);
  return true;
}
