import { describe, expect, it } from 'vitest';
import { scopeVersioned } from '../../schema/scope/scope.versioned.js';
import { ApiError } from '../lib/api-client.js';
import { classifySubmitError } from '../ui/form-state.js';
import { createI18n } from '../i18n/i18n.js';
import { riskMethodologyVersioned } from '../../schema/risks/risk-methodology.versioned.js';
import { describeByPath } from './data-section-fallback.js';
import { sectionErrors } from './data-sections.js';
import {
  clientDraftErrors,
  draftErrorOptions,
  editorPaths,
  initialDraft,
  isEditorPath,
  serverDraftErrors,
  tableRowsOf,
  toDraftBody,
  type DraftValues,
} from './draft-form.js';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import type { Version } from './versioned-api.js';

const def = scopeVersioned;
const version = (over: Partial<Version>): Version => ({
  id: 'v',
  versionNo: 1,
  state: 'draft',
  stage: 'refined',
  contentHash: 'a'.repeat(64),
  changeNote: null,
  createdAt: '',
  createdBy: null,
  updatedAt: '',
  updatedBy: null,
  approvedAt: null,
  recordId: 'r',
  content: {},
  approvals: [],
  requiredApprovals: 1,
  ...over,
});

describe('draft editor state', () => {
  it('starts empty in the first stage, or from the latest version', () => {
    const empty = initialDraft(def, undefined);
    expect(empty.stage).toBe('preliminary');
    expect(empty.content.statement).toBe('');
    expect(empty.content.exclusions).toEqual([]);
    const from = initialDraft(
      def,
      version({ content: { statement: 'S', exclusions: [{ item: 'Canteen', reason: 'No data' }] } }),
    );
    expect(from.stage).toBe('refined');
    expect(from.content.exclusions).toEqual([{ item: 'Canteen', reason: 'No data' }]);
  });

  it('drops blank rows, sends the base version, and the base hash only for a draft', () => {
    const values = initialDraft(def, undefined);
    values.content.exclusions = [
      { item: '', reason: '' },
      { item: 'Canteen', reason: 'No data' },
    ];
    const draft = toDraftBody(def, values, version({}));
    expect(draft.content.exclusions).toEqual([{ item: 'Canteen', reason: 'No data' }]);
    expect(draft).toMatchObject({ stage: 'preliminary', baseVersion: 1, baseContentHash: 'a'.repeat(64) });
    const next = toDraftBody(def, values, version({ state: 'approved' }));
    expect(next.baseVersion).toBe(1);
    expect(next.baseContentHash).toBeUndefined();
    expect(def.draftSchema.safeParse(toDraftBody(def, initialDraft(def, undefined), undefined)).success).toBe(true);
  });

  it('puts client and server errors on the cell on screen, skipping blank rows', () => {
    const values = initialDraft(def, undefined);
    values.content.exclusions = [
      { item: '', reason: '' },
      { item: 'Canteen', reason: '' },
    ];
    const parsed = def.draftSchema.safeParse(toDraftBody(def, values, undefined));
    expect(parsed.success).toBe(false);
    const client = clientDraftErrors(createI18n('en'), def, values, parsed.error!);
    expect(client).toEqual({ 'content.exclusions.1.reason': 'Required' });

    const server = new ApiError({
      status: 400,
      errors: [
        { field: 'body.content.exclusions.0.reason', message: 'Too long' },
        { field: 'body.stage', message: 'Invalid' },
      ],
    });
    expect(serverDraftErrors(def, values, server)).toEqual({
      'content.exclusions.1.reason': 'Too long',
      stage: 'Invalid',
    });
    expect(editorPaths(def, values).has('content.exclusions.1.reason')).toBe(true);
  });
});

describe('data sections in the draft editor', () => {
  const data = riskMethodologyVersioned;

  it('starts from the section initial value (a copy) or the latest version, and sends it as it is', () => {
    const empty = initialDraft(data, undefined);
    expect(empty.content.methodology).toEqual(data.sections[1]!.kind === 'data' ? data.sections[1]!.initial : null);
    expect(empty.content.methodology).not.toBe(data.sections[1]!.kind === 'data' ? data.sections[1]!.initial : null);
    const saved = { approach: 'qualitative', custom: [1, 2] };
    const values = initialDraft(data, version({ stage: null, content: { summary: 'S', methodology: saved } }));
    expect(toDraftBody(data, values, undefined).content).toEqual({ summary: 'S', methodology: saved });
  });

  it('hands every message inside a data section to its editor, by path inside the section', () => {
    const values = initialDraft(data, undefined);
    const server = new ApiError({
      status: 400,
      errors: [
        { field: 'body.content.methodology.levels.0.key', message: 'Bad key' },
        { field: 'body.content.methodology', message: 'Invalid' },
      ],
    });
    const errors = serverDraftErrors(data, values, server);
    expect(errors).toEqual({ 'content.methodology.levels.0.key': 'Bad key', 'content.methodology': 'Invalid' });
    expect(isEditorPath(data, values, 'content.methodology.anything.at.all')).toBe(true);
    expect(isEditorPath(data, values, 'content.other.x')).toBe(false);
    expect(sectionErrors(errors, 'methodology')).toEqual({ 'levels.0.key': 'Bad key', '': 'Invalid' });
    expect(
      describeByPath([
        { path: 'levels.0.key', before: 'low', after: null },
        { path: 'x', before: [], after: { a: 1 } },
      ]),
    ).toEqual([
      { where: 'levels.0.key', before: 'low', after: null },
      { where: 'x', before: '[]', after: '{"a":1}' },
    ]);
  });
});

describe('a failed save in the draft editor (the options it gives useForm)', () => {
  const values = initialDraft(def, undefined);
  const classify = (error: unknown, d: VersionedDef = def, v: DraftValues = values) => {
    const o = draftErrorOptions(d);
    return classifySubmitError(error, {
      fields: typeof o.fields === 'function' ? [...o.fields(v)] : (o.fields ?? []),
      versioned: o.versioned,
      shows: (name) => o.showsField?.(name, v) === true,
      serverErrors: (e) => o.serverErrors?.(e, v) ?? {},
    });
  };

  it('is stale on a bare 409 or one naming the version read, and then shows no field message', () => {
    const bare = new ApiError({ status: 409, type: 'https://rampart.dev/problems/conflict', detail: 'changed' });
    expect(classify(bare)).toEqual({ errors: {}, failure: { kind: 'stale' } });
    const named = new ApiError({ status: 409, errors: [{ field: 'body.baseContentHash', message: 'Changed' }] });
    expect(classify(named).failure).toEqual({ kind: 'stale' });
  });

  it('puts a 409 that names a section next to it instead of calling every 409 stale', () => {
    const error = new ApiError({ status: 409, errors: [{ field: 'body.content.statement', message: 'Taken' }] });
    expect(classify(error)).toEqual({ errors: { 'content.statement': 'Taken' }, failure: null });
  });

  it('hands a message inside a data section to its editor, and one it cannot place to the whole form', () => {
    const data = riskMethodologyVersioned;
    const v = initialDraft(data, undefined);
    const inside = new ApiError({
      status: 400,
      errors: [{ field: 'body.content.methodology.levels.0.key', message: 'Bad' }],
    });
    expect(classify(inside, data, v)).toEqual({ errors: { 'content.methodology.levels.0.key': 'Bad' }, failure: null });
    const elsewhere = new ApiError({ status: 400, errors: [{ field: 'body.owner', message: 'Unknown' }] });
    expect(classify(elsewhere, data, v)).toEqual({ errors: {}, failure: { kind: 'error', error: elsewhere } });
  });
});

describe('tableRowsOf', () => {
  it('reads the rows of a table section from content, and nothing that is not a row of text', () => {
    expect(tableRowsOf([{ item: 'Canteen', reason: '' }])).toEqual([{ item: 'Canteen', reason: '' }]);
    expect(tableRowsOf(undefined)).toEqual([]);
    expect(tableRowsOf('text')).toEqual([]);
    expect(tableRowsOf([null, ['a'], { item: 1 }, { item: 'Lab' }])).toEqual([{ item: 'Lab' }]);
  });
});
