import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { describePlanChanges } from './plan-changes.js';

const audit = (key: string, over: Record<string, unknown> = {}) => ({
  key,
  title: `Audit ${key}`,
  plannedFrom: '2027-03-01',
  plannedTo: '2027-03-05',
  clauses: ['4.1', '4.2', '4.3', '4.4', '10.2'],
  controlIds: ['c1'],
  ...over,
});

describe('the coverage plan compared in words', () => {
  const i18n = createI18n('en');
  const touched = [{ path: 'plannedAudits', before: null, after: null }];

  it('says nothing when nothing changed', () => {
    expect(describePlanChanges(i18n, [], { before: {}, after: { periodFrom: '2027-01-01' } })).toEqual([]);
  });

  it('names the period, the key controls and each planned audit added, removed or changed by key', () => {
    const before = {
      periodFrom: '2027-01-01',
      periodTo: '2029-12-31',
      keyControlIds: ['k1'],
      plannedAudits: [audit('A1'), audit('A2')],
    };
    const after = {
      periodFrom: '2027-01-01',
      periodTo: '2030-06-30',
      keyControlIds: ['k2'],
      plannedAudits: [audit('A1', { controlIds: ['c2'] }), audit('A3', { title: 'Support' })],
    };
    const lines = describePlanChanges(i18n, touched, { before, after });
    expect(lines).toEqual([
      { where: 'Period of the programme', before: '2027-01-01 – 2029-12-31', after: '2027-01-01 – 2030-06-30' },
      { where: 'Key controls (in every audit)', before: 'controls: 1', after: 'controls: 1 (other controls)' },
      {
        where: 'Planned audit A1',
        before: 'Audit A1 (2027-03-01 – 2027-03-05); all of clause 4, 10.2 (2013: 10.1); controls: 1',
        after: 'Audit A1 (2027-03-01 – 2027-03-05); all of clause 4, 10.2 (2013: 10.1); controls: 1 (other controls)',
      },
      {
        where: 'Planned audit A2',
        before: 'Audit A2 (2027-03-01 – 2027-03-05); all of clause 4, 10.2 (2013: 10.1); controls: 1',
        after: null,
      },
      {
        where: 'Planned audit A3',
        before: null,
        after: 'Support (2027-03-01 – 2027-03-05); all of clause 4, 10.2 (2013: 10.1); controls: 1',
      },
    ]);
  });
});
