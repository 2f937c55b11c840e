import { describe, expect, it } from 'vitest';
import { draftDecisionsStale, unansweredInputs } from './decision-coverage.js';

describe('unansweredInputs', () => {
  it('lists every input a–g, in order, while no decision answers it', () => {
    expect(unansweredInputs([])).toEqual([
      'previousActions',
      'contextChanges',
      'partyChanges',
      'performance',
      'partyFeedback',
      'riskResults',
      'improvement',
    ]);
  });

  it('counts a "no action" decision as an answer, a general one for no input, an archived one not at all', () => {
    const left = unansweredInputs([
      { input: 'previousActions' },
      { input: 'contextChanges' },
      { input: 'general' },
      { input: 'performance', archivedAt: '2026-12-01T00:00:00Z' },
    ]);
    expect(left).toEqual(['partyChanges', 'performance', 'partyFeedback', 'riskResults', 'improvement']);
  });
});

describe('draftDecisionsStale', () => {
  const snap = (...refs: string[]) => ({
    decisions: refs.map((ref) => ({
      ref,
      input: 'performance',
      kind: 'no_action',
      statement: 's',
      owner: null,
      dueDate: null,
      status: 'no_action',
      actions: [],
      draft: null,
    })),
  });

  it('is fresh when the draft holds exactly the decisions as they stand', () => {
    expect(draftDecisionsStale(snap('MRD-001', 'MRD-002'), [{ ref: 'MRD-002' }, { ref: 'MRD-001' }])).toBe(false);
    expect(draftDecisionsStale(snap(), [])).toBe(false);
  });

  it('is stale when a decision was recorded or removed since the draft was saved', () => {
    expect(draftDecisionsStale(snap('MRD-001'), [{ ref: 'MRD-001' }, { ref: 'MRD-002' }])).toBe(true);
    expect(draftDecisionsStale(snap('MRD-001', 'MRD-002'), [{ ref: 'MRD-001' }])).toBe(true);
    expect(draftDecisionsStale(undefined, [{ ref: 'MRD-001' }])).toBe(true);
  });
});
