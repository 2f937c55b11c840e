import { describe, expect, it } from 'vitest';
import { unansweredInputs } from './decision-coverage.js';

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
