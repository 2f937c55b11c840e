import { describe, expect, it } from 'vitest';
import { improvementStepStates, ncStepStates } from './step-states.js';

describe('ncStepStates', () => {
  it('makes the correction the current step of a reported nonconformity, the rest not yet', () => {
    expect(ncStepStates({ status: 'reported' })).toMatchObject({
      correction: 'current',
      decision: 'todo',
      analysis: 'todo',
      close: 'todo',
    });
  });

  it('goes to closure after a decision that no corrective action is needed, skipping the analysis', () => {
    expect(ncStepStates({ status: 'decided', correctiveActionNeeded: false })).toMatchObject({
      noAction: true,
      decision: 'done',
      analysis: 'todo',
      close: 'current',
    });
    expect(ncStepStates({ status: 'decided', correctiveActionNeeded: true })).toMatchObject({
      analysis: 'current',
      close: 'todo',
    });
  });

  it('keeps planning actions current after the analysis and while actions are planned; the review follows', () => {
    expect(ncStepStates({ status: 'analysed', correctiveActionNeeded: true })).toMatchObject({
      analysis: 'done',
      actions: 'current',
      review: 'todo',
    });
    expect(ncStepStates({ status: 'actions_planned', correctiveActionNeeded: true })).toMatchObject({
      actions: 'current',
      review: 'current',
    });
  });

  it('leaves only closure after an effective review, and every step done once closed', () => {
    expect(ncStepStates({ status: 'verifying', correctiveActionNeeded: true })).toMatchObject({
      review: 'done',
      close: 'current',
    });
    const closed = ncStepStates({ status: 'closed', correctiveActionNeeded: true });
    expect(Object.entries(closed).filter(([k, v]) => k !== 'noAction' && v !== 'done')).toEqual([]);
  });
});

describe('improvementStepStates', () => {
  it('asks for the evaluation of a suggestion first', () => {
    expect(improvementStepStates({ status: 'suggested' })).toMatchObject({
      evaluation: 'current',
      actions: 'todo',
      rejected: false,
    });
  });

  it('ends a rejected improvement after its evaluation', () => {
    expect(improvementStepStates({ status: 'rejected' })).toMatchObject({ rejected: true, evaluation: 'done' });
  });

  it('has actions then the ISMS change current once planned, and the review once implemented', () => {
    expect(improvementStepStates({ status: 'planned' })).toMatchObject({
      actions: 'current',
      implemented: 'current',
      review: 'todo',
    });
    expect(improvementStepStates({ status: 'implemented' })).toMatchObject({
      actions: 'done',
      implemented: 'done',
      review: 'current',
    });
  });
});
