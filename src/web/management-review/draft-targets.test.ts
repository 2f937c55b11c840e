import { describe, expect, it } from 'vitest';
import { DECISION_DRAFT_TARGETS } from '../../schema/management-review/management-review.register.js';
import { DRAFT_TARGET_REGISTERS, draftTargetPath, isDraftTarget } from './draft-targets.js';

describe('draft targets of a decision', () => {
  it('know the register of every target the open-draft route accepts, under the same entity name', () => {
    for (const target of DECISION_DRAFT_TARGETS) expect(DRAFT_TARGET_REGISTERS[target].entity).toBe(target);
  });

  it('lead to the record for scopes and documents, to the one page for the one-per-organization documents', () => {
    expect(draftTargetPath('acme', 'scope', 'a b')).toBe('/o/acme/scopes/a%20b');
    expect(draftTargetPath('acme', 'document', 'd1')).toBe('/o/acme/documents/d1');
    expect(draftTargetPath('acme', 'soa', 'x')).toBe('/o/acme/soa');
    expect(draftTargetPath('acme', 'risk_treatment_plan', 'x')).toBe('/o/acme/risk-treatment-plan');
    expect(draftTargetPath('acme', 'objectives_document', 'x')).toBe('/o/acme/objectives-document');
    expect(draftTargetPath('acme', 'risk_methodology', 'x')).toBe('/o/acme/risk-methodology');
  });

  it('tell a target entity from anything else', () => {
    expect(isDraftTarget('soa')).toBe(true);
    expect(isDraftTarget('risk')).toBe(false);
    expect(isDraftTarget(null)).toBe(false);
  });
});
