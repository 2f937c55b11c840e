import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileProjection, createResponseSerializer, compileRecordLineWriter } from './response-serializer.js';

const item = z.object({
  id: z.string(),
  n: z.number().int(),
  note: z.string().nullable(),
  tags: z.array(z.object({ name: z.string() })),
  extra: z.record(z.string(), z.object({ v: z.number() })),
  maybe: z.string().optional(),
  payload: z.unknown(),
});
const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('a'), a: z.string() }),
  z.object({ type: z.literal('b'), b: z.number() }),
]);
const page = z.object({ items: z.array(item), events: z.array(event), total: z.number() });

const row = {
  id: 'x',
  n: 3,
  note: null,
  tags: [{ name: 't', secret: 'tag secret' }],
  extra: { k: { v: 1, hidden: true } },
  payload: { anything: ['goes', 1] },
  passwordHash: 'must never leave',
};
const answer = {
  items: [row, { ...row, note: 'n', maybe: 'm' }],
  events: [
    { type: 'a' as const, a: 'x', leak: 1 },
    { type: 'b' as const, b: 2, leak: 2 },
  ],
  total: 2,
  debug: 'dropped',
};

describe('the response projection', () => {
  it('writes what Zod would: declared keys only, at every depth, unions by their tag', () => {
    const projected = compileProjection(page)(answer);
    expect(JSON.stringify(projected)).toBe(JSON.stringify(z.encode(page, answer)));
    expect(JSON.stringify(projected)).not.toMatch(/passwordHash|secret|hidden|leak|debug/);
    expect(projected).toMatchObject({
      events: [
        { type: 'a', a: 'x' },
        { type: 'b', b: 2 },
      ],
    });
  });

  it('is compiled once per schema', () => {
    expect(compileProjection(page)).toBe(compileProjection(page));
  });

  it('under check, refuses an answer that breaks its schema, as Zod did', () => {
    const serialize = createResponseSerializer({ check: true })({ schema: page, method: 'GET', url: '/x' });
    expect(serialize(answer)).toBe(JSON.stringify(z.encode(page, answer)));
    expect(() => serialize({ ...answer, total: '2' })).toThrow(/doesn't match the schema/);
    // without the check the projection does not validate: the handler's types are what keep it right
    const fast = createResponseSerializer({ check: false })({ schema: page, method: 'GET', url: '/x' });
    expect(fast({ ...answer, total: '2' })).toContain('"total":"2"');
  });

  it('checks answers in tests by default (NODE_ENV=test), so the whole suite proves the projection', () => {
    expect(process.env.NODE_ENV).toBe('test');
  });
});

describe('record lines for a whole-register read', () => {
  const schema = z.object({
    id: z.string(),
    done: z.boolean().nullable(),
    label: z.object({ name: z.string() }).nullable(),
  });
  const line = compileRecordLineWriter(schema, ['label']);

  it('writes a record holding exactly the declared keys as it is, projecting only the derived values', () => {
    const derived = { name: 'High', internal: 'kept out' };
    expect(JSON.parse(line({ id: 'a', done: true, label: derived }))).toEqual({
      id: 'a',
      done: true,
      label: { name: 'High' },
    });
  });

  it('keeps the allow-list for any other record: an undeclared key, or a declared one missing', () => {
    expect(JSON.parse(line({ id: 'a', done: null, label: null, orgId: 'secret' }))).toEqual({
      id: 'a',
      done: null,
      label: null,
    });
    // as many keys as declared, but one of them foreign
    expect(JSON.parse(line({ id: 'a', orgId: 'secret', label: null }))).toEqual({ id: 'a', label: null });
  });
});

describe('rows that are their own projection', () => {
  const rowSchema = z.object({ id: z.string(), n: z.number().nullable(), tag: z.enum(['a', 'b']).optional() });
  const project = compileProjection(rowSchema);

  it('are written without a copy when they hold exactly the declared keys, in order', () => {
    const row = { id: 'x', n: null, tag: 'a' };
    expect(project(row)).toBe(row);
  });

  it('are copied, keeping to the declared keys, when a key is extra, missing, undefined or out of order', () => {
    const extra = { id: 'x', n: 1, tag: 'b', orgId: 'secret' };
    expect(project(extra)).toEqual({ id: 'x', n: 1, tag: 'b' });
    const reordered = { n: 1, id: 'x', tag: 'b' };
    expect(JSON.stringify(project(reordered))).toBe('{"id":"x","n":1,"tag":"b"}');
    const missing = { id: 'x', n: 2 };
    expect(project(missing)).not.toBe(missing);
    expect(project(missing)).toEqual({ id: 'x', n: 2 });
  });
});
