import { describe, expect, it } from 'vitest';
import type { ReviewSchedule } from '../../schema/management-review/management-review.register.js';
import { scheduleNotice } from './schedule-notice.js';

const held = { id: 'r1', ref: 'MR-001', title: '2026 review', heldOn: '2026-01-15' };
const upcoming = { id: 'r2', ref: 'MR-002', title: '2027 review', plannedDate: '2027-01-10' };
const base: ReviewSchedule = {
  intervalMonths: 12,
  lastHeld: held,
  nextDue: '2027-01-15',
  dueSoon: false,
  overdue: false,
  upcoming: null,
};

describe('scheduleNotice', () => {
  it('says overdue before due soon (the server sets both once the date has passed)', () => {
    expect(scheduleNotice({ ...base, overdue: true, dueSoon: true })).toEqual({
      kind: 'overdue',
      due: '2027-01-15',
      remind: true,
    });
  });

  it('reminds when the next review is due within the month', () => {
    expect(scheduleNotice({ ...base, dueSoon: true })).toMatchObject({ kind: 'dueSoon', remind: true });
  });

  it('says none held yet, and reminds only while none is planned either', () => {
    const none = { ...base, lastHeld: null, nextDue: null };
    expect(scheduleNotice(none)).toEqual({ kind: 'noneHeld', remind: true });
    expect(scheduleNotice({ ...none, upcoming })).toEqual({ kind: 'noneHeld', remind: false });
  });

  it('is on track otherwise, with no reminder', () => {
    expect(scheduleNotice({ ...base, upcoming })).toEqual({ kind: 'onTrack', due: '2027-01-15', remind: false });
  });
});
