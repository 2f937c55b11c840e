import { describe, expect, it } from 'vitest';
import { can, permissionsOf } from '../auth/permissions.js';

describe('who writes internal audits', () => {
  it('the auditor role writes audit records and checklists and nothing else of the ISMS', () => {
    // besides reading and exporting: its own API tokens, acknowledging documents published to it, suggesting
    expect(permissionsOf('auditor').filter((p) => !/\.(read|export)$/.test(p))).toEqual([
      'tokens.create',
      'document.acknowledge',
      'internal_audit.create',
      'internal_audit.update',
      'internal_audit.import',
      'internal_audit.delete',
      'internal_audit.approve',
      'audit_checklist.write',
      'audit_checklist.raise',
      // anyone may suggest an improvement (27003 10.1)
      'improvement.suggest',
    ]);
  });

  it('managers plan the programme and top management approves it; the auditor only reads it', () => {
    expect(can('isms_manager', 'audit_programme.update')).toBe(true);
    expect(can('approver', 'audit_programme.approve')).toBe(true);
    expect(can('isms_manager', 'audit_programme.approve')).toBe(false);
    expect(can('auditor', 'audit_programme.update')).toBe(false);
    expect(can('auditor', 'audit_programme.read')).toBe(true);
    expect(can('contributor', 'audit_checklist.write')).toBe(false);
    // raising a finding is the audit's output: the auditor raises it without nonconformity.create
    expect(can('auditor', 'audit_checklist.raise')).toBe(true);
    expect(can('auditor', 'nonconformity.create')).toBe(false);
    expect(can('contributor', 'audit_checklist.raise')).toBe(false);
  });
});
