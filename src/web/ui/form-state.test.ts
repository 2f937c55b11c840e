import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.js';
import {
  classifySubmitError,
  formReducer,
  initialFormState,
  isDirty,
  isStaleConflict,
  sameValues,
  type FormState,
} from './form-state.js';

const conflict = (
  errors: Array<{ field: string; message: string }> = [],
  type = 'https://rampart.dev/problems/conflict',
) => new ApiError({ status: 409, type, detail: 'changed', errors });

describe('isStaleConflict: one answer whatever the 409 looks like', () => {
  it('is stale when a 409 names the version the client read, on any form', () => {
    for (const field of ['expectedVersion', 'baseVersion', 'baseContentHash', 'contentHash', 'treatmentVersion'])
      expect(isStaleConflict(conflict([{ field: `body.${field}`, message: 'Stale' }])), field).toBe(true);
  });
  it('is stale when a bare conflict reaches a form that sent a version, and not otherwise', () => {
    expect(isStaleConflict(conflict(), true)).toBe(true);
    expect(isStaleConflict(conflict(), false)).toBe(false);
  });
  it('is not stale when the 409 names a field of the form (a slug already taken)', () => {
    expect(isStaleConflict(conflict([{ field: 'body.slug', message: 'taken' }]), true)).toBe(false);
  });
  it('is not stale for other statuses or errors', () => {
    expect(
      isStaleConflict(new ApiError({ status: 400, errors: [{ field: 'body.expectedVersion', message: 'x' }] })),
    ).toBe(false);
    expect(isStaleConflict(new Error('boom'), true)).toBe(false);
  });
});

describe('classifySubmitError', () => {
  const fields = ['name', 'slug'];

  it('spreads server field errors onto the fields (body.x → x) with no form-level message', () => {
    const error = new ApiError({ status: 400, type: 'validation', errors: [{ field: 'body.slug', message: 'Bad' }] });
    expect(classifySubmitError(error, { fields })).toEqual({ errors: { slug: 'Bad' }, failure: null });
  });
  it('keeps a message for a field the form does not show at form level, besides the placed ones', () => {
    const error = new ApiError({
      status: 400,
      errors: [
        { field: 'body.name', message: 'Too long' },
        { field: 'body.hidden', message: 'Nope' },
      ],
    });
    expect(classifySubmitError(error, { fields })).toEqual({
      errors: { name: 'Too long' },
      failure: { kind: 'error', error },
    });
  });
  it('shows an error without field messages for the whole form', () => {
    const error = new ApiError({ status: 500 });
    expect(classifySubmitError(error, { fields })).toEqual({ errors: {}, failure: { kind: 'error', error } });
    const plain = new Error('offline');
    expect(classifySubmitError(plain, { fields }).failure).toEqual({ kind: 'error', error: plain });
  });
  it('turns both shapes of stale 409 into the one stale failure, with no field messages', () => {
    const byField = conflict([{ field: 'body.expectedVersion', message: 'Stale' }]);
    expect(classifySubmitError(byField, { fields })).toEqual({ errors: {}, failure: { kind: 'stale' } });
    expect(classifySubmitError(conflict(), { fields, versioned: true })).toEqual({
      errors: {},
      failure: { kind: 'stale' },
    });
  });
  it('places a 409 that names a form field next to it (a uniqueness rule, not a stale version)', () => {
    const taken = conflict([{ field: 'body.slug', message: 'Already used' }]);
    expect(classifySubmitError(taken, { fields, versioned: true })).toEqual({
      errors: { slug: 'Already used' },
      failure: null,
    });
  });
  it('places a message on a field the form shows without listing it ahead', () => {
    const error = new ApiError({ status: 400, errors: [{ field: 'body.content.rule.cells.2', message: 'Bad' }] });
    const shows = (name: string) => name.startsWith('content.rule.');
    expect(classifySubmitError(error, { fields: [], shows })).toEqual({
      errors: { 'content.rule.cells.2': 'Bad' },
      failure: null,
    });
  });
  it('uses the form’s own mapping of server errors when it has one', () => {
    const error = new ApiError({ status: 400, errors: [{ field: 'body.content.scope', message: 'Required' }] });
    const serverErrors = () => ({ 'content.scope': 'Required' });
    expect(classifySubmitError(error, { fields: ['content.scope'], serverErrors })).toEqual({
      errors: { 'content.scope': 'Required' },
      failure: null,
    });
  });
});

describe('formReducer', () => {
  type V = { name: string; tags: string[] };
  const start = (): FormState<V> => initialFormState<V>({ name: 'a', tags: ['x'] });

  it('tracks dirty against the starting values, structurally', () => {
    let s = start();
    expect(isDirty(s)).toBe(false);
    s = formReducer(s, { type: 'change', update: (v) => ({ ...v, tags: [...v.tags, 'y'] }) });
    expect(isDirty(s)).toBe(true);
    s = formReducer(s, { type: 'change', update: (v) => ({ ...v, tags: ['x'] }) });
    expect(isDirty(s)).toBe(false);
  });
  it('clears the message of an edited field only', () => {
    let s = formReducer(start(), { type: 'invalid', errors: { name: 'Required', tags: 'Choose' } });
    s = formReducer(s, { type: 'change', update: (v) => ({ ...v, name: 'b' }), clear: ['name'] });
    expect(s.errors).toEqual({ tags: 'Choose' });
  });
  it('is submitting between submit and its outcome, and forgets the last failure on a new submit', () => {
    let s = formReducer(start(), { type: 'failed', errors: {}, failure: { kind: 'stale' } });
    s = formReducer(s, { type: 'submit' });
    expect(s).toMatchObject({ submitting: true, failure: null });
    s = formReducer(s, { type: 'failed', errors: { name: 'Bad' }, failure: null });
    expect(s).toMatchObject({ submitting: false, errors: { name: 'Bad' } });
  });
  it('makes the saved values the new starting point after a success', () => {
    let s = formReducer(start(), { type: 'change', update: (v) => ({ ...v, name: 'b' }) });
    s = formReducer(formReducer(s, { type: 'submit' }), { type: 'succeeded' });
    expect(s).toMatchObject({ submitting: false, initial: { name: 'b' } });
    expect(isDirty(s)).toBe(false);
  });
  it('resets to given values with no errors', () => {
    const s = formReducer(formReducer(start(), { type: 'invalid', errors: { name: 'x' } }), {
      type: 'reset',
      values: { name: '', tags: [] },
    });
    expect(s).toEqual(initialFormState({ name: '', tags: [] }));
  });
});

describe('sameValues', () => {
  it('compares nested values and tells arrays from objects', () => {
    expect(sameValues({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true);
    expect(sameValues({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameValues({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValues('', null)).toBe(false);
  });
});
