import { describe, expect, it } from 'vitest';
import { detailShows, shownFields } from './control-fields.js';

describe('control form fields', () => {
  it('shows the exclusion fields only for an excluded control, the replacement only when replaced', () => {
    expect(shownFields({ applicability: 'applicable' }, false).has('exclusionReason')).toBe(false);
    const excluded = shownFields({ applicability: 'excluded', exclusionReason: 'out_of_scope' }, false);
    expect(excluded.has('exclusionReason')).toBe(true);
    expect(excluded.has('exclusionExplanation')).toBe(true);
    expect(excluded.has('replacedById')).toBe(false);
    expect(shownFields({ applicability: 'excluded', exclusionReason: 'replaced' }, false).has('replacedById')).toBe(
      true,
    );
  });

  it('shows the planned date only for a planned control', () => {
    expect(shownFields({ implementationStatus: 'in_progress' }, false).has('plannedDate')).toBe(false);
    expect(shownFields({ implementationStatus: 'planned' }, false).has('plannedDate')).toBe(true);
  });

  it('never offers the wording of an Annex A control, nor server-kept fields', () => {
    const annex = shownFields({}, true);
    for (const name of ['title', 'theme', 'description', 'source', 'sortKey', 'objective'])
      expect(annex.has(name)).toBe(false);
    const custom = shownFields({}, false);
    expect(custom.has('title')).toBe(true);
    expect(custom.has('source')).toBe(false);
  });

  it('shows on the page of a control only the fields its decision and edition make relevant', () => {
    const applicable = {
      applicability: 'applicable',
      implementationStatus: 'implemented',
      theme: 'people',
      objective: null,
      exclusionReason: null,
    };
    expect(detailShows('exclusionReason', applicable)).toBe(false);
    expect(detailShows('plannedDate', applicable)).toBe(false);
    expect(detailShows('objective', applicable)).toBe(false);
    expect(detailShows('theme', applicable)).toBe(true);
    expect(detailShows('sortKey', applicable)).toBe(false);
    expect(
      detailShows('exclusionExplanation', {
        ...applicable,
        applicability: 'excluded',
        exclusionReason: 'out_of_scope',
      }),
    ).toBe(true);
  });
});
