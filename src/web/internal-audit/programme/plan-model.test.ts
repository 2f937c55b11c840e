import { describe, expect, it } from 'vitest';
import { ISMS_CLAUSES } from '../../../schema/internal-audit/isms-requirements.js';
import { cellState, coverageCounts, groupCoverage, type CoverageRow } from './coverage-model.js';
import {
  clauseGroups,
  compactClauses,
  controlsByTheme,
  matchControls,
  nextAuditKey,
  placePlanErrors,
  readPlan,
  toggleAll,
} from './plan-model.js';

const audit = (key: string) => ({
  key,
  title: `Audit ${key}`,
  plannedFrom: '2027-01-01',
  plannedTo: '2027-01-31',
  clauses: [],
  controlIds: [],
});

describe('the coverage plan editor model', () => {
  it('reads a stored plan, and anything else as an empty plan', () => {
    expect(readPlan(undefined).plannedAudits).toEqual([]);
    expect(readPlan({ plannedAudits: 'nope' }).competence).toEqual([]);
    const plan = readPlan({ periodFrom: '2027-01-01', plannedAudits: [audit('A1')] });
    expect(plan.periodFrom).toBe('2027-01-01');
    expect(plan.plannedAudits[0]!.key).toBe('A1');
  });

  it('gives the next planned audit the first free key', () => {
    expect(nextAuditKey([])).toBe('A1');
    expect(nextAuditKey([audit('A1'), audit('A2')])).toBe('A3');
    expect(nextAuditKey([audit('A2')])).toBe('A1');
    expect(nextAuditKey([audit('A1'), audit('X'), audit('A3')])).toBe('A2');
  });

  it('puts each message next to its control, a planned audit’s controls together, the rest at the top', () => {
    const plan = readPlan({ competence: ['ISO 19011 course'], plannedAudits: [audit('A1'), audit('A2')] });
    const placed = placePlanErrors(
      {
        periodTo: 'Ends before it starts',
        'plannedAudits.1.key': 'A1 is used twice',
        'plannedAudits.0.controlIds.3': 'No such current control in this organization',
        'plannedAudits.0.controlIds.5': 'No such current control in this organization',
        'keyControlIds.0': 'No such current control in this organization',
        'competence.0': 'Required',
        'plannedAudits.7.title': 'Required',
        '': 'Invalid plan',
      },
      plan,
    );
    expect(placed.at).toEqual({
      periodTo: 'Ends before it starts',
      'audit.1.key': 'A1 is used twice',
      'audit.0.controlIds': 'No such current control in this organization',
      keyControlIds: 'No such current control in this organization',
      'competence.0': 'Required',
    });
    expect(placed.sources['audit.0.controlIds']).toEqual([
      'plannedAudits.0.controlIds.3',
      'plannedAudits.0.controlIds.5',
    ]);
    expect(placed.general.map((g) => g.path)).toEqual(['plannedAudits.7.title', '']);
  });

  it('groups the clauses 4 to 10 and selects or clears a whole clause in clause order', () => {
    const groups = clauseGroups();
    expect(groups.map((g) => g.top)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(groups.flatMap((g) => g.clauses)).toEqual([...ISMS_CLAUSES]);
    const six = groups.find((g) => g.top === '6')!.clauses;
    expect(six).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.2', '6.3']);
    const chosen = toggleAll(['9.1', '4.1'], six, true, ISMS_CLAUSES);
    expect(chosen).toEqual(['4.1', '6.1.1', '6.1.2', '6.1.3', '6.2', '6.3', '9.1']);
    expect(toggleAll(chosen, six, false, ISMS_CLAUSES)).toEqual(['4.1', '9.1']);
  });

  it('reads a planned audit’s clauses shortly: whole clauses as such, the rest one by one', () => {
    const six = ['6.1.1', '6.1.2', '6.1.3', '6.2', '6.3'];
    expect(compactClauses(['9.1', ...six, '4.2'])).toEqual([{ clause: '4.2' }, { whole: '6' }, { clause: '9.1' }]);
    expect(compactClauses(['7'])).toEqual([{ clause: '7' }]);
    expect(compactClauses([])).toEqual([]);
  });

  it('groups controls by theme and finds them by reference or title words', () => {
    const controls = [
      { id: '1', ref: '5.1', title: 'Policies for information security', theme: 'organizational' },
      { id: '2', ref: '6.1', title: 'Screening', theme: 'people' },
      { id: '3', ref: '5.15', title: 'Access control', theme: 'organizational' },
    ];
    expect(controlsByTheme(controls).map((g) => [g.theme, g.controls.map((c) => c.ref)])).toEqual([
      ['organizational', ['5.1', '5.15']],
      ['people', ['6.1']],
    ]);
    expect(matchControls(controls, 'access CONTROL').map((c) => c.ref)).toEqual(['5.15']);
    expect(matchControls(controls, '5.1').map((c) => c.ref)).toEqual(['5.1', '5.15']);
    expect(matchControls(controls, '  ').length).toBe(3);
  });
});

describe('the coverage matrix model', () => {
  const row = (kind: 'clause' | 'control', key: string, plannedBy: string[], doneBy: string[] = []): CoverageRow => ({
    kind,
    key,
    title: key,
    plannedBy,
    doneBy,
    state: doneBy.length ? 'done' : plannedBy.length ? 'planned' : 'uncovered',
  });
  const rows = [
    row('clause', '4.1', ['A1']),
    row('clause', '4.2', []),
    row('control', '5.1', ['A1', 'A2'], ['A1']),
    row('control', '6.1', []),
    row('control', '5.2', []),
  ];
  const themeOf = (ref: string) => (ref.startsWith('5.') ? 'organizational' : 'people');

  it('groups the clauses, then the controls by theme, and counts what each group leaves uncovered', () => {
    const groups = groupCoverage(rows, themeOf);
    expect(groups.map((g) => [g.id, g.rows.map((r) => r.key), g.uncovered])).toEqual([
      ['clauses', ['4.1', '4.2'], 1],
      ['organizational', ['5.1', '5.2'], 1],
      ['people', ['6.1'], 1],
    ]);
  });

  it('shows only uncovered rows when asked, leaving out groups with none', () => {
    const covered = [row('clause', '4.1', ['A1']), ...rows.slice(1)];
    const groups = groupCoverage(
      [...covered, row('control', '7.1', ['A2'])],
      (r) => (r === '7.1' ? 'physical' : themeOf(r)),
      true,
    );
    expect(groups.map((g) => [g.id, g.rows.map((r) => r.key)])).toEqual([
      ['clauses', ['4.2']],
      ['organizational', ['5.2']],
      ['people', ['6.1']],
    ]);
  });

  it('counts clauses and controls by state, and reads a cell as done, planned or nothing', () => {
    const counts = coverageCounts(rows);
    expect(counts.clauses).toEqual({ total: 2, uncovered: 1, planned: 1, done: 0 });
    expect(counts.controls).toEqual({ total: 3, uncovered: 2, planned: 0, done: 1 });
    expect(cellState(rows[2]!, 'A1')).toBe('done');
    expect(cellState(rows[2]!, 'A2')).toBe('planned');
    expect(cellState(rows[0]!, 'A2')).toBe('none');
  });
});
