import { describe, expect, it } from 'vitest';
import { NAV_GROUPS } from '../app/navigation.js';
import { BUILT_MODULES, PLANNED_MODULES, builtModulePath, findPlannedModule } from './planned-modules.js';

describe('planned modules', () => {
  it('are only the modules not built: context and risk treatment have pages and say nothing of "planned"', () => {
    expect(findPlannedModule('context')).toBeUndefined();
    expect(findPlannedModule('risk-treatment')).toBeUndefined();
    expect(builtModulePath('context')).toBe('scopes');
    expect(builtModulePath('risk-treatment')).toBe('risk-treatment-plan');
    for (const m of PLANNED_MODULES) expect(builtModulePath(m.slug)).toBeUndefined();
  });

  it('every built module leads to a page of the navigation, and every planned entry of the navigation is a planned module', () => {
    const pages = new Set(NAV_GROUPS.flatMap((g) => g.items.flatMap((i) => (i.kind === 'page' ? [i.path] : []))));
    for (const path of Object.values(BUILT_MODULES)) expect(pages.has(path as never)).toBe(true);
    const planned = NAV_GROUPS.flatMap((g) => g.items.flatMap((i) => (i.kind === 'module' ? [i.slug] : [])));
    for (const slug of planned) expect(findPlannedModule(slug)).toBeDefined();
    expect(builtModulePath('constructor')).toBeUndefined();
  });
});
