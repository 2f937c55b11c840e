import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../../schema/internal-audit/internal-audit.register.js';
import { groupChecklist, pageOfGroups, progressOf } from './checklist-groups.js';
import { clausesOf, joinClauses } from './clauses.js';
import { independenceConflicts, objectNoun } from './independence.js';

let seq = 0;
// what the raise route adds to an item (h/i14-findings): spread, so the fixture fits the item with or without it
const raisedFields = { raised: null, followUp: null };
const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  ...raisedFields,
  id: `i${++seq}`,
  seq,
  source: 'requirement',
  requirementKey: null,
  clause: null,
  clause2013: null,
  controlId: null,
  controlRef: null,
  title: `item ${seq}`,
  conclusion: 'not_assessed',
  notes: null,
  version: 1,
  links: [],
  ...over,
});

describe('the checklist as the auditor reads it', () => {
  const items = [
    item({ clause: '10.2', requirementKey: '10.2.a' }),
    item({ source: 'control', controlId: 'c10', controlRef: 'A.5.10', conclusion: 'conforms' }),
    item({ clause: '4.1', requirementKey: '4.1' }),
    item({ source: 'added', title: 'Walk the server room' }),
    item({ source: 'control', controlId: 'c2', controlRef: 'A.5.2', conclusion: 'minor_nc' }),
    item({ clause: '10.2', requirementKey: '10.2.b', conclusion: 'observation' }),
  ];

  it('groups by clause in the standard order with the 2013 number beside, then controls by number, then added', () => {
    const groups = groupChecklist(items);
    expect(groups.map((g) => g.id)).toEqual(['clause:4.1', 'clause:10.2', 'control', 'added']);
    expect(groups[1]!.clause).toBe('10.2 (2013: 10.1)');
    expect(groups[1]!.title).toBe('Nonconformity and corrective action');
    expect(groups[2]!.items.map((i) => i.controlRef)).toEqual(['A.5.2', 'A.5.10']);
  });

  it('counts what is assessed', () => {
    expect(progressOf(items)).toEqual({ assessed: 3, total: 6 });
  });

  it('cuts pages across groups, repeating the heading where a group continues', () => {
    const groups = groupChecklist(items);
    const second = pageOfGroups(groups, 2, 2);
    expect(second.map((g) => [g.id, g.items.length])).toEqual([
      ['clause:10.2', 1],
      ['control', 1],
    ]);
    expect(pageOfGroups(groups, 3, 2).map((g) => g.id)).toEqual(['control', 'added']);
    expect(pageOfGroups(groups, 4, 2)).toEqual([]);
  });

  it('stays one pass over ~400 items (all clauses and 293 controls)', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      i < 107 ? item({ clause: '6.1.3' }) : item({ controlId: `c${i}`, controlRef: `A.8.${i}` }),
    );
    const groups = groupChecklist(many);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(400);
    expect(pageOfGroups(groups, 10).reduce((n, g) => n + g.items.length, 0)).toBe(40);
  });
});

describe('an independence refusal read from the 409', () => {
  it('names the object, why, and the auditor', () => {
    const conflicts = independenceConflicts([
      { field: 'body.members', message: 'PRC-2: owner (auditor 7b1c)' },
      { field: 'body.processIds', message: 'PRC-3: assigned to ROLE-1 (auditor 9f)' },
      { field: 'body.to', message: 'From planned: in_progress' },
    ]);
    expect(conflicts).toEqual([
      { field: 'members', objectRef: 'PRC-2', reason: 'owner', auditorId: '7b1c' },
      { field: 'processIds', objectRef: 'PRC-3', reason: 'assigned to ROLE-1', auditorId: '9f' },
    ]);
    expect(objectNoun('members')).toBe('process');
    expect(objectNoun('controlId')).toBe('control');
    expect(objectNoun('targetId')).toBe('record');
  });
});

describe("an audit's clauses text", () => {
  it('reads numbers and whole clauses as the clauses 4–10 they cover, in the standard order', () => {
    expect(clausesOf('10.2, 7.5.3')).toEqual(['7.5.3', '10.2']);
    expect(clausesOf('9')).toEqual(['9.1', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3']);
    expect(clausesOf('6.1; nonsense 11')).toEqual(['6.1.1', '6.1.2', '6.1.3']);
    expect(joinClauses(clausesOf('10.2 7.5.3'))).toBe('7.5.3, 10.2');
  });
});
