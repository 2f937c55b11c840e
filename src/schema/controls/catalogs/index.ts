import { z } from 'zod';
import { ISO27001_2013_CLAUSES, ISO27001_2013_CONTROLS, ISO27001_2013_OBJECTIVES } from './iso27001-2013.js';
import { ISO27001_2022_CONTROLS, ISO27001_2022_THEMES } from './iso27001-2022.js';
import { MAPPING_2013_TO_2022, NEW_IN_2022 } from './mapping-2013-2022.js';

export * from './iso27001-2013.js';
export * from './iso27001-2022.js';
export * from './mapping-2013-2022.js';

/**
 * The Annex A control catalogs Rampart ships, in one shape: facts only (identifiers, short titles, grouping and
 * the 2013 → 2022 correspondence), never the standards' control text.
 */
export const CATALOG_IDS = ['iso27001-2022', 'iso27001-2013'] as const;
export type CatalogId = (typeof CATALOG_IDS)[number];
export const catalogIdSchema = z.enum(CATALOG_IDS);

/** A theme (2022: '5' … '8'), or a clause ('A.5') or control objective ('A.5.1', `parent` = its clause) (2013). */
export interface CatalogGroup {
  id: string;
  title: string;
  parent?: string;
}

export interface CatalogControl {
  /** identifier as published: '5.1', 'A.5.1.1' */
  code: string;
  /** short title (the control's name as published) */
  title: string;
  /** theme id (2022) or control objective id (2013) */
  group: string;
  /** naturalSortKey(code): sorting by it gives the published order */
  sortKey: string;
}

export interface ControlCatalog {
  id: CatalogId;
  /** 'ISO/IEC 27001:2022 Annex A' */
  name: string;
  /** '2022' */
  edition: string;
  /** 2022: the four themes; 2013: the 14 clauses, then the 35 control objectives */
  groups: readonly CatalogGroup[];
  /** in published order */
  controls: readonly CatalogControl[];
}

/** Numbers are zero-padded to this many digits (longer numbers are kept whole). */
const SORT_KEY_DIGITS = 6;

/**
 * A text key whose plain (byte-wise) order is the natural order of identifiers: each run of digits is zero-padded
 * to 6 digits (leading zeros dropped first), so '5.9' < '5.10' and 'A.9.4.5' < 'A.18.1.1'. Letters are lower-cased
 * and surrounding blanks dropped, so custom codes sort the same whatever their case: 'MDM-2' and 'mdm-02' give
 * 'mdm-000002', which sorts before 'mdm-000010' (MDM-10) and after 'c-000012' (C-12). Usable as an SQL text sort key.
 */
export function naturalSortKey(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(SORT_KEY_DIGITS, '0'));
}

export const CONTROL_CATALOGS: Record<CatalogId, ControlCatalog> = {
  'iso27001-2022': {
    id: 'iso27001-2022',
    name: 'ISO/IEC 27001:2022 Annex A',
    edition: '2022',
    groups: ISO27001_2022_THEMES.map((t) => ({ id: t.id, title: t.title })),
    controls: ISO27001_2022_CONTROLS.map((c) => ({
      code: c.code,
      title: c.title,
      group: c.theme,
      sortKey: naturalSortKey(c.code),
    })),
  },
  'iso27001-2013': {
    id: 'iso27001-2013',
    name: 'ISO/IEC 27001:2013 Annex A',
    edition: '2013',
    groups: [
      ...ISO27001_2013_CLAUSES.map((c) => ({ id: c.id, title: c.title })),
      ...ISO27001_2013_OBJECTIVES.map((o) => ({ id: o.id, title: o.title, parent: o.clause })),
    ],
    controls: ISO27001_2013_CONTROLS.map((c) => ({
      code: c.code,
      title: c.title,
      group: c.objective,
      sortKey: naturalSortKey(c.code),
    })),
  },
};

const BY_CODE = new Map(
  CATALOG_IDS.map((id) => [id, new Map(CONTROL_CATALOGS[id].controls.map((c) => [c.code, c]))] as const),
);

/** A control of a catalog by its identifier (undefined if the catalog has no such control). */
export function catalogControl(catalog: CatalogId, code: string): CatalogControl | undefined {
  return BY_CODE.get(catalog)?.get(code);
}

const FORWARD = new Map<string, readonly string[]>(Object.entries(MAPPING_2013_TO_2022));
const REVERSE = new Map<string, string[]>();
// in 2013 catalog order, so each reverse list is in published order
for (const c of ISO27001_2013_CONTROLS) {
  for (const to of MAPPING_2013_TO_2022[c.code]) REVERSE.set(to, [...(REVERSE.get(to) ?? []), c.code]);
}

const NONE: readonly string[] = Object.freeze([]);

/** The 2022 controls a 2013 control corresponds to (ISO/IEC 27002:2022 Table B.2); empty for an unknown code. */
export function mapping2013To2022(code2013: string): readonly string[] {
  return FORWARD.get(code2013) ?? NONE;
}

/** The reverse: the 2013 controls that correspond to a 2022 control; empty for the NEW_IN_2022 ones (and unknown codes). */
export function mapping2022From2013(code2022: string): readonly string[] {
  return REVERSE.get(code2022) ?? NONE;
}

/** Whether a 2022 control has no 2013 predecessor. */
export function isNewIn2022(code2022: string): boolean {
  return (NEW_IN_2022 as readonly string[]).includes(code2022);
}
