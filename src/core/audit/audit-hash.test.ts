import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashedText, hashEvent, type HashedEventFields } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';

const text = fc.string({ unit: 'binary', maxLength: 80 });
const maybe = fc.option(text, { nil: null });
const event: fc.Arbitrary<HashedEventFields> = fc.record({
  chainKey: text,
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  orgId: maybe,
  type: text,
  actorKind: text,
  actorId: maybe,
  actorLabel: text,
  entityType: maybe,
  entityId: maybe,
  payload: fc.oneof(
    text,
    fc.jsonValue().map((v) => canonicalJson(v)),
  ),
  ip: maybe,
  createdAt: text,
  prevHash: text,
});

/** Events already in databases were hashed over `canonicalJson(fields)`; the direct text must never differ. */
describe('audit event hash', () => {
  it('hashes exactly the canonical JSON of the fields, whatever they hold (quotes, controls, lone surrogates)', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(hashedText(e)).toBe(canonicalJson(e));
        expect(hashEvent(e)).toBe(crypto.createHash('sha256').update(canonicalJson(e)).digest('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes when any covered field changes', () => {
    const base: HashedEventFields = {
      chainKey: 'org:1',
      seq: 1,
      orgId: '1',
      type: 'record.created',
      actorKind: 'user',
      actorId: 'u',
      actorLabel: 'Ann',
      entityType: 'risk',
      entityId: 'r',
      payload: '{}',
      ip: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      prevHash: '0'.repeat(64),
    };
    const h = hashEvent(base);
    for (const key of Object.keys(base) as (keyof HashedEventFields)[]) {
      const changed = { ...base, [key]: key === 'seq' ? 2 : `${String(base[key])}x` };
      expect(hashEvent(changed), key).not.toBe(h);
    }
  });
});
