import { describe, expect, it } from 'vitest';
import { backEdges, layoutProcesses, wrapText } from './process-layout.js';

const n = (id: string) => ({ id, ref: id.toUpperCase(), name: `Process ${id}` });
const e = (from: string, to: string) => ({ id: `${from}-${to}`, from, to, label: `${from} to ${to}` });

describe('process diagram layout', () => {
  it('puts each process right of every process that feeds it', () => {
    const layout = layoutProcesses(
      [n('a'), n('b'), n('c'), n('d')],
      [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('c', 'd')],
    );
    const x = Object.fromEntries(layout.nodes.map((p) => [p.id, p.x]));
    expect(x.a).toBeLessThan(x.b!);
    expect(x.b).toBeLessThan(x.c!);
    expect(x.c).toBeLessThan(x.d!);
    expect(layout.edges.every((edge) => !edge.back)).toBe(true);
  });

  it('breaks a feedback loop with exactly one dashed back edge and still places every process', () => {
    const nodes = [n('plan'), n('do'), n('check'), n('act')];
    const edges = [e('plan', 'do'), e('do', 'check'), e('check', 'act'), e('act', 'plan')];
    expect([...backEdges(nodes, edges)]).toEqual(['act-plan']);
    const layout = layoutProcesses(nodes, edges);
    expect(layout.nodes).toHaveLength(4);
    expect(layout.edges.filter((edge) => edge.back).map((edge) => edge.id)).toEqual(['act-plan']);
    expect(layout.height).toBeGreaterThan(64);
  });

  it('keeps boxes of one column apart and ignores edges to unknown or the same process', () => {
    const layout = layoutProcesses([n('a'), n('b'), n('c')], [e('a', 'b'), e('a', 'c'), e('a', 'a'), e('a', 'zzz')]);
    const [b, c] = ['b', 'c'].map((id) => layout.nodes.find((p) => p.id === id)!);
    expect(b!.x).toBe(c!.x);
    expect(Math.abs(b!.y - c!.y)).toBeGreaterThanOrEqual(64);
    expect(layout.edges).toHaveLength(2);
  });

  it('wraps long names and marks what it cut', () => {
    expect(wrapText('Information security risk assessment and treatment planning', 20, 2)).toEqual([
      'Information security',
      'risk assessment and…',
    ]);
    expect(wrapText('Audit', 20, 2)).toEqual(['Audit']);
  });
});

describe('process diagram layout, sources', () => {
  it('places a process nothing feeds just before the process it feeds', () => {
    const layout = layoutProcesses([n('a'), n('b'), n('c'), n('audit')], [e('a', 'b'), e('b', 'c'), e('audit', 'c')]);
    const layer = Object.fromEntries(layout.nodes.map((p) => [p.id, p.layer]));
    expect(layer.audit).toBe(layer.c! - 1);
  });
});
