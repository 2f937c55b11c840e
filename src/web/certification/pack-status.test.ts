import { describe, expect, it } from 'vitest';
import { PACK_ITEM_STATUSES } from '../../schema/certification/certification-pack.schema.js';
import {
  countByStatus,
  needsAttention,
  PACK_STATUS_SYMBOL,
  packDate,
  packRecordHref,
  shortHash,
} from './pack-status.js';

describe('the pack index legend', () => {
  it('counts every status, zero included, in the legend order', () => {
    const items = [
      { status: 'included' },
      { status: 'missing' },
      { status: 'included' },
      { status: 'not_built' },
    ] as const;
    expect(countByStatus(items)).toEqual([
      { status: 'included', count: 2 },
      { status: 'generated', count: 0 },
      { status: 'not_approved', count: 0 },
      { status: 'missing', count: 1 },
      { status: 'not_built', count: 1 },
    ]);
    expect(needsAttention([...items, { status: 'not_approved' }])).toBe(2);
  });

  it('gives each status its own symbol, so colour is never the only signal', () => {
    const symbols = PACK_ITEM_STATUSES.map((s) => PACK_STATUS_SYMBOL[s]);
    expect(new Set(symbols).size).toBe(PACK_ITEM_STATUSES.length);
  });
});

describe('packRecordHref', () => {
  it('links one-per-organization documents to their page and results to the record sub-page', () => {
    expect(packRecordHref('acme', { entity: 'soa', id: 'x' })).toBe('/o/acme/soa');
    expect(packRecordHref('acme', { entity: 'risk_treatment_plan', id: 'x' })).toBe('/o/acme/risk-treatment-plan');
    expect(packRecordHref('acme', { entity: 'risk_assessment', id: 'a/1' })).toBe(
      '/o/acme/risk-assessments/a%2F1/results',
    );
    expect(packRecordHref('acme', { entity: 'internal_audit', id: 'i1' })).toBe('/o/acme/internal-audits/i1/report');
    expect(packRecordHref('acme', { entity: 'treatment_result', id: 't1' })).toBe('/o/acme/treatment-results/t1');
  });

  it('links register records through the known registers, and nothing it does not know', () => {
    expect(packRecordHref('acme', { entity: 'scope', id: 's1' })).toBe('/o/acme/scopes/s1');
    expect(packRecordHref('acme', { entity: 'document', id: 'd1' })).toBe('/o/acme/documents/d1');
    expect(packRecordHref('acme', { entity: 'no_such_thing', id: 'z' })).toBeUndefined();
  });
});

describe('packDate', () => {
  const now = new Date('2026-12-07T23:30:00Z');
  it('defaults to today (UTC) and never goes past it', () => {
    expect(packDate(undefined, now)).toBe('2026-12-07');
    expect(packDate('2027-01-01', now)).toBe('2026-12-07');
    expect(packDate('2026-02-30', now)).toBe('2026-12-07');
    expect(packDate('yesterday', now)).toBe('2026-12-07');
    expect(packDate('2026-06-30', now)).toBe('2026-06-30');
  });

  it('shortens a hash to twelve digits', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});
