import {
  PACK_ITEM_STATUSES,
  type PackItem,
  type PackItemStatus,
} from '../../schema/certification/certification-pack.schema.js';
import { recordPath } from '../register/record-targets.js';

/**
 * Each status has a symbol as well as a colour and words, so the index reads in grey, printed, or to a screen
 * reader: ✓ an approved version is in the pack, ⚙ generated from the records, ▲ exists but nothing approved then,
 * ✗ the organization holds none, ○ Rampart has no module for it yet.
 */
export const PACK_STATUS_SYMBOL: Record<PackItemStatus, string> = {
  included: '✓',
  generated: '⚙',
  not_approved: '▲',
  missing: '✗',
  not_built: '○',
};

/** How many items of the index have each status, in the legend's order (every status, zero included). */
export function countByStatus(items: readonly Pick<PackItem, 'status'>[]): { status: PackItemStatus; count: number }[] {
  return PACK_ITEM_STATUSES.map((status) => ({ status, count: items.filter((i) => i.status === status).length }));
}

/** The items an auditor will ask about: the organization holds none, or none approved on the date. */
export function needsAttention(items: readonly Pick<PackItem, 'status'>[]): number {
  return items.filter((i) => i.status === 'missing' || i.status === 'not_approved').length;
}

/**
 * Where an item's record is read in the app. One-per-organization documents have their own page (no id in the
 * address); a risk assessment's item is its results (8.2), an audit's its report (9.2); others are register records.
 */
const DOCUMENT_PAGES: Readonly<Record<string, string>> = {
  soa: 'soa',
  risk_treatment_plan: 'risk-treatment-plan',
  risk_methodology: 'risk-methodology',
  objectives_document: 'objectives-document',
  audit_programme: 'audit-programme',
};
const RECORD_SUBPAGES: Readonly<Record<string, { collection: string; rest: string }>> = {
  risk_assessment: { collection: 'risk-assessments', rest: '/results' },
  internal_audit: { collection: 'internal-audits', rest: '/report' },
  treatment_result: { collection: 'treatment-results', rest: '' },
  management_review: { collection: 'management-reviews', rest: '' },
};

export function packRecordHref(org: string, record: { entity: string; id: string }): string | undefined {
  const o = `/o/${encodeURIComponent(org)}`;
  if (Object.hasOwn(DOCUMENT_PAGES, record.entity)) return `${o}/${DOCUMENT_PAGES[record.entity]}`;
  const sub = Object.hasOwn(RECORD_SUBPAGES, record.entity) ? RECORD_SUBPAGES[record.entity] : undefined;
  if (sub) return `${o}/${sub.collection}/${encodeURIComponent(record.id)}${sub.rest}`;
  return recordPath(org, record.entity, record.id);
}

/** The first 12 hex digits: enough to compare by eye with the index.pdf and the manifest (the full one on hover). */
export const shortHash = (hash: string): string => hash.slice(0, 12);

/** Today as the server's dates count it (UTC): the pack's default "as it stood" day. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** A `date` from the address: a real YYYY-MM-DD not after today, else today. */
export function packDate(value: unknown, now: Date = new Date()): string {
  const today = todayUtc(now);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return today;
  return value > today ? today : value;
}
