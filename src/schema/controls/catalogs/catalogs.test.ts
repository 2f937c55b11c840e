import { describe, expect, it } from 'vitest';
import {
  CATALOG_IDS,
  CONTROL_CATALOGS,
  ISO27001_2013_CLAUSES,
  ISO27001_2013_CONTROLS,
  ISO27001_2013_OBJECTIVES,
  ISO27001_2022_CONTROLS,
  NEW_IN_2022,
  catalogControl,
  catalogIdSchema,
  isNewIn2022,
  mapping2013To2022,
  mapping2022From2013,
  naturalSortKey,
} from './index.js';

const c2022 = CONTROL_CATALOGS['iso27001-2022'];
const c2013 = CONTROL_CATALOGS['iso27001-2013'];
const byKey = <T extends { sortKey: string }>(a: T, b: T) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;

describe('the catalog registry', () => {
  it('has one catalog per id, each with its name, edition and id', () => {
    expect(Object.keys(CONTROL_CATALOGS).sort()).toEqual([...CATALOG_IDS].sort());
    for (const id of CATALOG_IDS) expect(CONTROL_CATALOGS[id].id).toBe(id);
    expect([c2022.name, c2022.edition]).toEqual(['ISO/IEC 27001:2022 Annex A', '2022']);
    expect([c2013.name, c2013.edition]).toEqual(['ISO/IEC 27001:2013 Annex A', '2013']);
    expect(catalogIdSchema.parse('iso27001-2013')).toBe('iso27001-2013');
    expect(catalogIdSchema.safeParse('iso27001-2005').success).toBe(false);
  });
  it('gives every control of every catalog a unique code, a non-empty title, an existing group and its sort key', () => {
    for (const catalog of Object.values(CONTROL_CATALOGS)) {
      const groups = new Set(catalog.groups.map((g) => g.id));
      expect(new Set(catalog.controls.map((c) => c.code)).size, catalog.id).toBe(catalog.controls.length);
      expect(groups.size, catalog.id).toBe(catalog.groups.length);
      for (const c of catalog.controls) {
        expect(c.title.trim(), c.code).not.toBe('');
        expect(c.title, c.code).toBe(c.title.trim());
        expect(groups.has(c.group), c.code).toBe(true);
        expect(c.sortKey, c.code).toBe(naturalSortKey(c.code));
      }
      for (const g of catalog.groups) expect(g.title.trim(), g.id).not.toBe('');
    }
  });
  it('finds a control by catalog and code', () => {
    expect(catalogControl('iso27001-2022', '5.7')?.title).toBe('Threat intelligence');
    expect(catalogControl('iso27001-2022', '5.23')?.title).toBe('Information security for use of cloud services');
    expect(catalogControl('iso27001-2022', '8.12')?.title).toBe('Data leakage prevention');
    expect(catalogControl('iso27001-2022', '8.28')?.title).toBe('Secure coding');
    expect(catalogControl('iso27001-2013', 'A.5.1.1')).toMatchObject({
      title: 'Policies for information security',
      group: 'A.5.1',
    });
    expect(catalogControl('iso27001-2013', '5.1')).toBeUndefined();
    expect(catalogControl('iso27001-2022', 'A.5.1.1')).toBeUndefined();
    expect(catalogControl('iso27001-2022', 'constructor')).toBeUndefined();
  });
});

describe('ISO/IEC 27001:2022 Annex A', () => {
  it('has 93 controls: organizational 37, people 8, physical 14, technological 34', () => {
    expect(c2022.controls).toHaveLength(93);
    const count = (g: string) => c2022.controls.filter((c) => c.group === g).length;
    expect([count('5'), count('6'), count('7'), count('8')]).toEqual([37, 8, 14, 34]);
    expect(c2022.groups).toEqual([
      { id: '5', title: 'Organizational controls' },
      { id: '6', title: 'People controls' },
      { id: '7', title: 'Physical controls' },
      { id: '8', title: 'Technological controls' },
    ]);
  });
  it('numbers each theme 1…n without gaps, each control in the theme of its first number', () => {
    for (const [theme, n] of [
      ['5', 37],
      ['6', 8],
      ['7', 14],
      ['8', 34],
    ] as const) {
      const codes = c2022.controls.filter((c) => c.group === theme).map((c) => c.code);
      expect(codes).toEqual(Array.from({ length: n }, (_, i) => `${theme}.${i + 1}`));
    }
    for (const c of ISO27001_2022_CONTROLS) expect(c.theme, c.code).toBe(c.code.split('.')[0]);
  });
  it('has a distinct title for every control', () => {
    expect(new Set(c2022.controls.map((c) => c.title)).size).toBe(93);
  });
});

describe('ISO/IEC 27001:2013 Annex A', () => {
  it('has 114 controls in 14 clauses and 35 control objectives', () => {
    expect(c2013.controls).toHaveLength(114);
    expect(ISO27001_2013_CLAUSES).toHaveLength(14);
    expect(ISO27001_2013_OBJECTIVES).toHaveLength(35);
    expect(c2013.groups.filter((g) => !g.parent)).toHaveLength(14);
    expect(c2013.groups.filter((g) => g.parent)).toHaveLength(35);
    expect(ISO27001_2013_CLAUSES.map((c) => c.id)).toEqual(Array.from({ length: 14 }, (_, i) => `A.${i + 5}`));
    expect(c2013.controls[0]?.code).toBe('A.5.1.1');
    expect(c2013.controls.at(-1)?.code).toBe('A.18.2.3');
  });
  it('has the published number of controls per clause', () => {
    const expected: Record<string, number> = {
      'A.5': 2,
      'A.6': 7,
      'A.7': 6,
      'A.8': 10,
      'A.9': 14,
      'A.10': 2,
      'A.11': 15,
      'A.12': 14,
      'A.13': 7,
      'A.14': 13,
      'A.15': 5,
      'A.16': 7,
      'A.17': 4,
      'A.18': 8,
    };
    expect(Object.keys(expected)).toEqual(ISO27001_2013_CLAUSES.map((c) => c.id));
    for (const [clause, n] of Object.entries(expected))
      expect(ISO27001_2013_CONTROLS.filter((c) => c.clause === clause).length, clause).toBe(n);
  });
  it('puts every control under its objective and clause, and every objective under its clause', () => {
    const clauses = new Set<string>(ISO27001_2013_CLAUSES.map((c) => c.id));
    const objectives = new Map<string, string>(ISO27001_2013_OBJECTIVES.map((o) => [o.id, o.clause]));
    for (const o of ISO27001_2013_OBJECTIVES) {
      expect(clauses.has(o.clause), o.id).toBe(true);
      expect(o.id.split('.').slice(0, 2).join('.'), o.id).toBe(o.clause);
    }
    for (const c of ISO27001_2013_CONTROLS) {
      expect(c.code.split('.').slice(0, 3).join('.'), c.code).toBe(c.objective);
      expect(objectives.get(c.objective), c.code).toBe(c.clause);
    }
    const groups = new Map(c2013.groups.map((g) => [g.id, g]));
    for (const c of c2013.controls)
      expect(groups.get(c.group)?.parent, c.code).toBe(c.code.split('.').slice(0, 2).join('.'));
    // every objective has at least one control
    for (const o of ISO27001_2013_OBJECTIVES)
      expect(
        ISO27001_2013_CONTROLS.some((c) => c.objective === o.id),
        o.id,
      ).toBe(true);
  });
  it('numbers the controls of each objective 1…n without gaps', () => {
    for (const o of ISO27001_2013_OBJECTIVES) {
      const codes = ISO27001_2013_CONTROLS.filter((c) => c.objective === o.id).map((c) => c.code);
      expect(codes).toEqual(codes.map((_, i) => `${o.id}.${i + 1}`));
    }
  });
});

describe('the 2013 → 2022 correspondence (ISO/IEC 27002:2022 Table B.2)', () => {
  it('maps every 2013 control to at least one existing 2022 control, without duplicates', () => {
    for (const c of c2013.controls) {
      const to = mapping2013To2022(c.code);
      expect(to.length, c.code).toBeGreaterThan(0);
      expect(new Set(to).size, c.code).toBe(to.length);
      for (const code of to) expect(catalogControl('iso27001-2022', code), `${c.code} → ${code}`).toBeDefined();
    }
  });
  it('leaves exactly the 11 new controls of 2022 without a predecessor, and reaches every other one', () => {
    expect(NEW_IN_2022).toHaveLength(11);
    expect([...NEW_IN_2022]).toEqual([
      '5.7',
      '5.23',
      '5.30',
      '7.4',
      '8.9',
      '8.10',
      '8.11',
      '8.12',
      '8.16',
      '8.23',
      '8.28',
    ]);
    const reached = new Set(c2013.controls.flatMap((c) => mapping2013To2022(c.code)));
    const unreached = c2022.controls.filter((c) => !reached.has(c.code)).map((c) => c.code);
    expect(unreached).toEqual([...NEW_IN_2022]);
    expect(c2022.controls.filter((c) => mapping2022From2013(c.code).length === 0).map((c) => c.code)).toEqual([
      ...NEW_IN_2022,
    ]);
    for (const c of c2022.controls) expect(isNewIn2022(c.code), c.code).toBe(!reached.has(c.code));
  });
  it('reads the same both ways', () => {
    for (const c of c2022.controls)
      for (const from of mapping2022From2013(c.code))
        expect(mapping2013To2022(from), `${from} → ${c.code}`).toContain(c.code);
    for (const c of c2013.controls)
      for (const to of mapping2013To2022(c.code))
        expect(mapping2022From2013(to), `${c.code} → ${to}`).toContain(c.code);
    const pairs = c2013.controls.reduce((n, c) => n + mapping2013To2022(c.code).length, 0);
    const reversePairs = c2022.controls.reduce((n, c) => n + mapping2022From2013(c.code).length, 0);
    expect(reversePairs).toBe(pairs);
    expect(pairs).toBe(115); // 114 controls, one of them (A.18.2.3) split in two
  });
  it('lists the reverse correspondence in 2013 catalog order', () => {
    const order = new Map(c2013.controls.map((c, i) => [c.code, i]));
    for (const c of c2022.controls) {
      const from = mapping2022From2013(c.code).map((code) => order.get(code)!);
      expect(from, c.code).toEqual([...from].sort((a, b) => a - b));
    }
  });
  it('knows the published cases', () => {
    const one: [string, string][] = [
      ['A.5.1.1', '5.1'],
      ['A.5.1.2', '5.1'],
      ['A.6.1.5', '5.8'],
      ['A.6.2.1', '8.1'],
      ['A.8.1.3', '5.10'],
      ['A.8.2.1', '5.12'],
      ['A.9.2.1', '5.16'],
      ['A.9.2.4', '5.17'],
      ['A.9.4.1', '8.3'],
      ['A.9.4.2', '8.5'],
      ['A.11.1.1', '7.1'],
      ['A.11.1.3', '7.3'],
      ['A.11.2.8', '8.1'],
      ['A.11.2.9', '7.7'],
      ['A.12.1.2', '8.32'],
      ['A.12.4.1', '8.15'],
      ['A.12.4.2', '8.15'],
      ['A.12.4.3', '8.15'],
      ['A.12.4.4', '8.17'],
      ['A.12.6.1', '8.8'],
      ['A.12.6.2', '8.19'],
      ['A.13.2.1', '5.14'],
      ['A.13.2.2', '5.14'],
      ['A.13.2.3', '5.14'],
      ['A.14.2.1', '8.25'],
      ['A.14.2.2', '8.32'],
      ['A.14.2.3', '8.32'],
      ['A.14.2.4', '8.32'],
      ['A.15.1.1', '5.19'],
      ['A.16.1.1', '5.24'],
      ['A.16.1.2', '6.8'],
      ['A.16.1.3', '6.8'],
      ['A.17.1.1', '5.29'],
      ['A.17.1.2', '5.29'],
      ['A.17.1.3', '5.29'],
      ['A.17.2.1', '8.14'],
      ['A.18.1.1', '5.31'],
    ];
    for (const [from, to] of one) expect(mapping2013To2022(from), from).toEqual([to]);
    expect(mapping2013To2022('A.18.2.3')).toEqual(['5.36', '8.8']);
    expect(mapping2022From2013('8.15')).toEqual(['A.12.4.1', 'A.12.4.2', 'A.12.4.3']);
    expect(mapping2022From2013('8.1')).toEqual(['A.6.2.1', 'A.11.2.8']);
    expect(mapping2022From2013('8.32')).toEqual(['A.12.1.2', 'A.14.2.2', 'A.14.2.3', 'A.14.2.4']);
    expect(mapping2022From2013('7.10')).toEqual(['A.8.3.1', 'A.8.3.2', 'A.8.3.3', 'A.11.2.5']);
    expect(mapping2022From2013('8.8')).toEqual(['A.12.6.1', 'A.18.2.3']);
    expect(mapping2022From2013('5.36')).toEqual(['A.18.2.2', 'A.18.2.3']);
  });
  it('answers nothing for unknown codes', () => {
    for (const code of ['A.99.1.1', '', 'constructor', '__proto__', 'toString']) {
      expect(mapping2013To2022(code), code).toEqual([]);
      expect(mapping2022From2013(code), code).toEqual([]);
    }
    expect(mapping2022From2013('5.7')).toEqual([]);
    expect(mapping2013To2022('5.1')).toEqual([]);
  });
});

describe('naturalSortKey', () => {
  it('orders numbers by value, not by text', () => {
    expect(naturalSortKey('5.9') < naturalSortKey('5.10')).toBe(true);
    expect(naturalSortKey('8.2') < naturalSortKey('8.10')).toBe(true);
    expect(naturalSortKey('A.9.4.5') < naturalSortKey('A.18.1.1')).toBe(true);
    expect(naturalSortKey('A.18.2.3') > naturalSortKey('A.9.1.1')).toBe(true);
    expect(naturalSortKey('MDM-2') < naturalSortKey('MDM-10')).toBe(true);
    expect(naturalSortKey('C-9') < naturalSortKey('C-12')).toBe(true);
    expect(naturalSortKey('C-12') < naturalSortKey('MDM-1')).toBe(true);
  });
  it('ignores case, leading zeros and surrounding blanks', () => {
    expect(naturalSortKey('MDM-1')).toBe(naturalSortKey('mdm-1'));
    expect(naturalSortKey('MDM-01')).toBe(naturalSortKey('MDM-1'));
    expect(naturalSortKey(' C-12 ')).toBe(naturalSortKey('C-12'));
    expect(naturalSortKey('5.10')).toBe('000005.000010');
    expect(naturalSortKey('A.18.2.3')).toBe('a.000018.000002.000003');
    expect(naturalSortKey('MDM-1')).toBe('mdm-000001');
  });
  it('sorts every catalog in its published order', () => {
    for (const catalog of Object.values(CONTROL_CATALOGS)) {
      const sorted = [...catalog.controls].sort(byKey);
      expect(
        sorted.map((c) => c.code),
        catalog.id,
      ).toEqual(catalog.controls.map((c) => c.code));
    }
    // the groups too
    const groups = c2013.groups.map((g) => ({ id: g.id, sortKey: naturalSortKey(g.id) }));
    expect(
      [...groups]
        .filter((g) => g.id.split('.').length === 3)
        .sort(byKey)
        .map((g) => g.id),
    ).toEqual(ISO27001_2013_OBJECTIVES.map((o) => o.id));
    expect(
      [...groups]
        .filter((g) => g.id.split('.').length === 2)
        .sort(byKey)
        .map((g) => g.id),
    ).toEqual(ISO27001_2013_CLAUSES.map((c) => c.id));
  });
});
