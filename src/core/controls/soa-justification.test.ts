import { describe, expect, it } from 'vitest';
import type { SoaRow } from '../../schema/controls/soa.register.js';
import { justificationText, SOA_RISKS_NAMED } from './soa.module.js';

const row = (risks: number): SoaRow => ({
  ref: '5.1',
  title: 'Policies for information security',
  source: 'iso27001-2022',
  theme: 'Organizational',
  objective: null,
  applicability: 'applicable',
  risks: Array.from({ length: risks }, (_, i) => ({
    ref: `RSK-${String(i + 1).padStart(3, '0')}`,
    title: `Risk ${i}`,
  })),
  requirements: [],
  statedReason: null,
  exclusionReason: null,
  replacedBy: null,
  exclusionExplanation: null,
  implementationStatus: 'implemented',
  plannedDate: null,
  owner: null,
  implementation: null,
});

describe("the SoA document's justification", () => {
  it('names every treated risk up to the limit', () => {
    expect(justificationText(row(2))).toBe('Treats RSK-001, RSK-002');
    expect(justificationText(row(SOA_RISKS_NAMED)).split(', ')).toHaveLength(SOA_RISKS_NAMED);
  });

  it('names the first risks and counts the rest for a control that treats thousands', () => {
    const text = justificationText(row(2_500));
    expect(text).toContain(`RSK-${String(SOA_RISKS_NAMED).padStart(3, '0')} and 2,488 more`);
    expect(text).not.toContain(`RSK-${String(SOA_RISKS_NAMED + 1).padStart(3, '0')}`);
    expect(text.length).toBeLessThan(300);
  });
});
