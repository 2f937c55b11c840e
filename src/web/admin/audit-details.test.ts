import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import { auditDetails } from './audit-details.js';

const i18n = createI18n('en');
const names = new Map([['u1', 'Ada Lovelace']]);

describe('audit event details in words', () => {
  it('names the fields of a change by their labels and shows values as the register does', () => {
    const text = auditDetails(
      i18n,
      'action',
      { ref: 'ACT-001', changes: { status: { from: 'open', to: 'in_progress' }, ownerId: { from: null, to: 'u1' } } },
      names,
    );
    expect(text).toBe('Status: Open → In progress · Owner: — → Ada Lovelace');
    expect(text).not.toMatch(/ownerId|in_progress/);
  });

  it('says roles and options in words', () => {
    expect(
      auditDetails(i18n, 'document', { ref: 'DOC-001', role: 'approver', stage: 'in_review', reason: 'as_is' }, names),
    ).toBe('Role: Approver (top management) · Stage: In review · Reason: as_is');
  });

  it('lists the values of a created record by label, and other keys in words', () => {
    expect(
      auditDetails(i18n, 'action', { ref: 'ACT-002', values: { title: 'Patch the VPN', status: 'open' } }, names),
    ).toBe('What will be done: Patch the VPN · Status: Open');
    expect(auditDetails(i18n, 'link', { fromRef: 'EV-001', toRef: 'ACT-002', kind: 'evidence' }, names)).toBe(
      'From ref: EV-001 · To ref: ACT-002 · Kind: Evidence',
    );
  });
});
