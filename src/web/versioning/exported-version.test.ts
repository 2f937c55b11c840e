import { describe, expect, it } from 'vitest';
import { exportedVersion } from './exported-version.js';

describe('the version the export buttons give', () => {
  it('is the approved version while a newer draft is shown', () => {
    expect(exportedVersion(undefined, { approvedVersion: 1 }, 2)).toBe(1);
  });
  it('is the version asked for, draft or not', () => {
    expect(exportedVersion('2', { approvedVersion: 1 }, 2)).toBe(2);
    expect(exportedVersion('1', { approvedVersion: 3 }, 4)).toBe(1);
  });
  it('is the version shown when none is approved yet', () => {
    expect(exportedVersion(undefined, { approvedVersion: null }, 1)).toBe(1);
    expect(exportedVersion(undefined, {}, undefined)).toBeUndefined();
  });
});
