import { describe, expect, it } from 'vitest';
import { objectiveStatus, type StatusInput } from './objective-status.js';

const base: StatusInput = {
  mode: 'manual',
  direction: 'at_least',
  target: 95,
  baseline: 60,
  startDate: '2026-01-01',
  deadline: '2026-12-31',
  points: [],
  frequency: 'quarterly',
  today: '2026-06-30',
};

describe('objectiveStatus', () => {
  it('is not_measured when not practicable, without a target, or without a value yet', () => {
    expect(objectiveStatus({ ...base, mode: 'not_practicable' })).toBe('not_measured');
    expect(objectiveStatus({ ...base, target: null, points: [{ date: '2026-06-01', value: 99 }] })).toBe(
      'not_measured',
    );
    expect(objectiveStatus({ ...base, startDate: '2026-06-01' })).toBe('not_measured');
  });

  it('is achieved when the latest value meets the target, per direction', () => {
    expect(objectiveStatus({ ...base, points: [{ date: '2026-06-01', value: 95 }] })).toBe('achieved');
    const atMost = { ...base, direction: 'at_most' as const, target: 5, baseline: 20 };
    expect(objectiveStatus({ ...atMost, points: [{ date: '2026-06-01', value: 5 }] })).toBe('achieved');
    expect(objectiveStatus({ ...atMost, points: [{ date: '2026-06-01', value: 5.1 }] })).not.toBe('achieved');
    const reach = { ...base, direction: 'reach' as const, target: 4, baseline: 2 };
    expect(objectiveStatus({ ...reach, points: [{ date: '2026-06-01', value: 4 }] })).toBe('achieved');
  });

  it('takes the latest value by date, not the best one', () => {
    const points = [
      { date: '2026-06-10', value: 80 },
      { date: '2026-05-01', value: 99 },
    ];
    expect(objectiveStatus({ ...base, points })).not.toBe('achieved');
  });

  it('is missed when the deadline has passed unmet, with or without a value', () => {
    expect(objectiveStatus({ ...base, today: '2027-01-01', points: [{ date: '2026-12-01', value: 94 }] })).toBe(
      'missed',
    );
    expect(objectiveStatus({ ...base, today: '2027-01-01' })).toBe('missed');
    // met by the deadline stays achieved after it
    expect(objectiveStatus({ ...base, today: '2027-03-01', points: [{ date: '2026-12-01', value: 96 }] })).toBe(
      'achieved',
    );
  });

  it('is on_track when the line from the baseline reaches the target by the deadline', () => {
    // 60 on 1 Jan to 80 on 30 Jun: about +20 per half year, so about 100 by 31 Dec
    expect(objectiveStatus({ ...base, points: [{ date: '2026-06-30', value: 80 }] })).toBe('on_track');
  });

  it('is at_risk when the line from the baseline falls short of the target by the deadline', () => {
    // 60 to 70 in half a year: about 80 by the deadline, short of 95
    expect(objectiveStatus({ ...base, points: [{ date: '2026-06-30', value: 70 }] })).toBe('at_risk');
    // at most: going the wrong way
    const atMost = { ...base, direction: 'at_most' as const, target: 5, baseline: 10 };
    expect(objectiveStatus({ ...atMost, points: [{ date: '2026-06-30', value: 12 }] })).toBe('at_risk');
  });

  it('draws the line from the first value when there is no baseline', () => {
    const noBaseline = { ...base, baseline: null };
    const rising = [
      { date: '2026-02-01', value: 50 },
      { date: '2026-06-01', value: 80 },
    ];
    expect(objectiveStatus({ ...noBaseline, points: rising })).toBe('on_track');
    const flat = [
      { date: '2026-02-01', value: 79 },
      { date: '2026-06-01', value: 80 },
    ];
    expect(objectiveStatus({ ...noBaseline, points: flat })).toBe('at_risk');
    // a single value and nothing to draw from: on track until shown otherwise
    expect(objectiveStatus({ ...noBaseline, points: [{ date: '2026-06-01', value: 10 }] })).toBe('on_track');
  });

  it('is at_risk when no value came for 1.5 periods of its frequency', () => {
    const points = [{ date: '2026-06-01', value: 90 }];
    expect(objectiveStatus({ ...base, points, today: '2026-07-15', frequency: 'monthly' })).toBe('on_track');
    expect(objectiveStatus({ ...base, points, today: '2026-07-20', frequency: 'monthly' })).toBe('at_risk');
    expect(objectiveStatus({ ...base, points, today: '2026-08-30', frequency: 'quarterly' })).toBe('on_track');
  });

  it('is at_risk when no value came at all for 1.5 periods since the start', () => {
    expect(objectiveStatus({ ...base, startDate: '2026-06-01', today: '2026-07-15', frequency: 'monthly' })).toBe(
      'not_measured',
    );
    expect(objectiveStatus({ ...base, startDate: '2026-06-01', today: '2026-07-20', frequency: 'monthly' })).toBe(
      'at_risk',
    );
    expect(objectiveStatus({ ...base, startDate: null, today: '2026-12-01' })).toBe('not_measured');
  });

  it('is on_track without a deadline once a value is there and recent', () => {
    expect(objectiveStatus({ ...base, deadline: null, points: [{ date: '2026-06-01', value: 70 }] })).toBe('on_track');
  });
});
