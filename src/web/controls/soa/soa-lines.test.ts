import { describe, expect, it } from 'vitest';
import type { SoaRow } from '../../../schema/controls/soa.register.js';
import { createI18n } from '../../i18n/i18n.js';
import { countLines, describeSoaChanges, filterLines, justificationText, statusText } from './soa-lines.js';

const i18n = createI18n('en-GB');

function line(overrides: Partial<SoaRow>): SoaRow {
  return {
    ref: '5.15',
    title: 'Access control',
    source: 'iso27001-2022',
    theme: 'organizational',
    objective: null,
    applicability: 'applicable',
    risks: [],
    requirements: [],
    statedReason: null,
    exclusionReason: null,
    replacedBy: null,
    exclusionExplanation: null,
    implementationStatus: 'not_started',
    plannedDate: null,
    owner: null,
    implementation: null,
    ...overrides,
  };
}

describe('SoA lines in words', () => {
  it('justifies an applicable line by its risks, requirements and stated reason, by reference', () => {
    const row = line({
      risks: [
        { ref: 'RISK-001', title: 'x' },
        { ref: 'RISK-004', title: 'y' },
      ],
      requirements: [{ ref: 'REQ-002', title: 'z' }],
      statedReason: 'Customer contracts',
    });
    expect(justificationText(i18n, row)).toBe('Treats RISK-001, RISK-004. Required by REQ-002. Customer contracts');
  });

  it('justifies an excluded line by its reason, the replacement and the explanation', () => {
    expect(
      justificationText(
        i18n,
        line({ applicability: 'excluded', exclusionReason: 'out_of_scope', exclusionExplanation: 'No premises.' }),
      ),
    ).toBe('Outside the scope of the ISMS. No premises.');
    expect(
      justificationText(i18n, line({ applicability: 'excluded', exclusionReason: 'replaced', replacedBy: 'CUS-001' })),
    ).toBe('Replaced by a custom control (CUS-001)');
  });

  it('gives an implementation status to applicable lines only, with the planned date', () => {
    expect(statusText(i18n, line({ implementationStatus: 'planned', plannedDate: '2027-01-28' }))).toBe(
      'Planned for 28 Jan 2027',
    );
    expect(statusText(i18n, line({ applicability: 'excluded', implementationStatus: 'implemented' }))).toBe('');
  });

  it('counts applicability, and implementation of the applicable lines', () => {
    const counts = countLines([
      line({ implementationStatus: 'implemented' }),
      line({ applicability: 'excluded', implementationStatus: 'implemented' }),
      line({ applicability: 'undecided' }),
    ]);
    expect(counts).toMatchObject({
      total: 3,
      applicable: 1,
      excluded: 1,
      undecided: 1,
      status: { implemented: 1, not_started: 0 },
    });
  });

  it('filters by applicability and by every word of the query', () => {
    const rows = [line({}), line({ ref: '8.5', title: 'Secure authentication', applicability: 'excluded' })];
    expect(filterLines(rows, 'excluded', '').map((r) => r.ref)).toEqual(['8.5']);
    expect(filterLines(rows, 'all', 'secure auth').map((r) => r.ref)).toEqual(['8.5']);
  });

  it('compares two statements by reference, not by position', () => {
    const before = { edition: 'iso27001-2022', rows: [line({}), line({ ref: '8.5', title: 'Secure authentication' })] };
    // a line inserted first shifts every index; only 8.5's status and the new line are changes
    const after = {
      edition: 'iso27001-2022',
      rows: [
        line({ ref: '5.1', title: 'Policies' }),
        line({}),
        line({ ref: '8.5', title: 'Secure authentication', implementationStatus: 'implemented' }),
      ],
    };
    const lines = describeSoaChanges(i18n, [{ path: 'rows.0.ref', before: '5.15', after: '5.1' }], { before, after });
    expect(lines).toEqual([
      { where: '5.1 Policies', before: null, after: 'New line: Applicable' },
      { where: '8.5 Secure authentication — Implementation', before: 'Not started', after: 'Implemented' },
    ]);
  });
});
