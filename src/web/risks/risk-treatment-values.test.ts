import { describe, expect, it } from 'vitest';
import type { Treatment } from '../../schema/controls/treatment.schema.js';
import { ApiError } from '../lib/api-client.js';
import { classifySubmitError } from '../ui/form-state.js';
import {
  treatmentBody,
  treatmentErrorKey,
  treatmentFieldKeys,
  treatmentServerErrors,
  treatmentValues,
} from './risk-treatment-values.js';

const CONTROL = '5f1c2f64-8a8e-4c55-9c4f-2f1a3e6c9b10';
const treatment: Pick<Treatment, 'version' | 'options' | 'controls' | 'residual'> = {
  version: 3,
  options: [{ option: 'modify', rationale: 'Cheaper than avoiding it' }],
  controls: [
    {
      controlId: CONTROL,
      ref: '8.13',
      title: 'Information backup',
      source: 'iso27001-2022',
      applicability: 'undecided',
      implementationStatus: 'planned',
      effect: 'likelihood',
      note: null,
    },
  ],
  residual: {
    likelihood: 2,
    consequence: null,
    consequenceC: null,
    consequenceI: null,
    consequenceA: null,
    rationale: null,
  },
};

const values = treatmentValues(treatment);
const problem = (status: number, errors: { field: string; message: string }[], type = 'conflict') =>
  new ApiError({ status, type, title: 'x', detail: 'x', errors });
/** What the treatment form does with a failed save (its useForm options, without React). */
const outcome = (error: unknown) =>
  classifySubmitError(error, {
    fields: treatmentFieldKeys(values),
    versioned: true,
    serverErrors: (e) => treatmentServerErrors(e, values),
  });

describe('the treatment form: its body and where the answers to it are said', () => {
  it('sends the chosen options, every control and the residual, with the version it read', () => {
    expect(treatmentBody(values, treatment.version)).toEqual({
      options: [{ option: 'modify', rationale: 'Cheaper than avoiding it' }],
      controls: [{ controlId: CONTROL, effect: 'likelihood', note: null }],
      residual: {
        likelihood: 2,
        consequence: null,
        consequenceC: null,
        consequenceI: null,
        consequenceA: null,
        rationale: null,
      },
      expectedVersion: 3,
    });
  });

  it('puts a message on the field it belongs to (the n-th chosen option, the control by id)', () => {
    expect(treatmentErrorKey(values, ['options', 0, 'rationale'])).toBe('option.modify');
    expect(treatmentErrorKey(values, ['controls', 0, 'effect'])).toBe(`effect.${CONTROL}`);
    expect(treatmentErrorKey(values, ['controls', 0, 'controlId'])).toBe(`control.${CONTROL}`);
    expect(treatmentErrorKey(values, ['residual', 'likelihood'])).toBe('residual.likelihood');
    expect(treatmentErrorKey(values, ['expectedVersion'])).toBe('_form');
  });

  it('says a 409 naming the version it sent is stale: one message and a reload', () => {
    const stale = problem(409, [{ field: 'body.expectedVersion', message: 'Current version is 4' }]);
    expect(outcome(stale)).toEqual({ errors: {}, failure: { kind: 'stale' } });
  });

  it('does not call every 409 stale: one that names a control is said next to that control', () => {
    const taken = problem(409, [{ field: 'body.controls.0.controlId', message: 'This control is excluded' }]);
    expect(outcome(taken)).toEqual({ errors: { [`control.${CONTROL}`]: 'This control is excluded' }, failure: null });
  });

  it('says a 400 next to its fields, and what no field shows for the whole form', () => {
    const invalid = problem(
      400,
      [
        { field: 'body.residual.likelihood', message: 'Too high' },
        { field: 'body.somethingElse', message: 'Unknown' },
      ],
      'validation',
    );
    const { errors, failure } = outcome(invalid);
    expect(errors).toEqual({ 'residual.likelihood': 'Too high' });
    expect(failure).toEqual({ kind: 'error', error: invalid });
  });
});
