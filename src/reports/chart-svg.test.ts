import { describe, expect, it } from 'vitest';
interface ChartPoint {
  label: string;
  value: number | null;
}
import { chartSvg } from './chart-svg.js';

/** a measure's chart: one line of values, the target and (when set) the amber threshold */
const measureChartSvg = (points: readonly ChartPoint[], target: number, amber: number | null) =>
  chartSvg({
    kind: 'line',
    unit: null,
    categories: points.map((p) => p.label),
    series: [{ name: 'value', values: points.map((p) => p.value) }],
    references: [
      { label: 'target', value: target, style: 'target' },
      ...(amber === null ? [] : [{ label: 'amber', value: amber, style: 'threshold' as const }]),
    ],
    description: '',
  });

const numbers = (s: string) => s.split(/[ ,]/).map(Number);

describe("chartSvg (a measure's line)", () => {
  it('draws the values as a line, the target line and the amber line, higher values higher up', () => {
    const svg = measureChartSvg(
      [
        { label: '2026-01', value: 80 },
        { label: '2026-02', value: 100 },
        { label: '2026-03', value: 90 },
      ],
      95,
      90,
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const line = /<polyline points="([^"]+)"/.exec(svg)?.[1] ?? '';
    const [x1, y1, x2, y2, x3, y3] = numbers(line);
    expect(x1! < x2! && x2! < x3!).toBe(true);
    // SVG y grows downwards: 100 sits above 90, which sits above 80
    expect(y2! < y3! && y3! < y1!).toBe(true);
    const target = /<line [^>]*y1="([\d.]+)"[^>]*stroke="#2E7D32"/.exec(svg);
    const amber = /<line [^>]*y1="([\d.]+)"[^>]*stroke="#E08E0B"/.exec(svg);
    expect(target && amber).toBeTruthy();
    // the target (95) lies between 100 and 90; amber (90) exactly at the March point
    expect(Number(target![1])).toBeGreaterThan(y2!);
    expect(Number(target![1])).toBeLessThan(y3!);
    expect(Number(amber![1])).toBe(y3);
    for (const label of ['2026-01', '2026-02', '2026-03', '95', '90']) expect(svg).toContain(`>${label}</text>`);
  });

  it('breaks the line at a period without a value, draws no amber line without a threshold', () => {
    const svg = measureChartSvg(
      [
        { label: 'a', value: 1 },
        { label: 'b', value: 2 },
        { label: 'c', value: null },
        { label: 'd', value: 3 },
        { label: 'e', value: 4 },
      ],
      5,
      null,
    );
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg).not.toContain('#E08E0B');
  });

  it('copes with no values, one value and equal values, and escapes labels', () => {
    for (const points of [
      [],
      [{ label: '2026', value: 7 }],
      [
        { label: 'x', value: 5 },
        { label: 'y', value: 5 },
      ],
    ]) {
      const svg = measureChartSvg(points, 5, null);
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(svg.endsWith('</svg>')).toBe(true);
    }
    expect(measureChartSvg([{ label: '<a&b>', value: 1 }], 2, 1)).toContain('&#60;a&#38;b&#62;');
  });

  it('names at most about a dozen periods under the axis, the first and the last among them', () => {
    const points = Array.from({ length: 60 }, (_, i) => ({ label: `P${i}`, value: i }));
    const svg = measureChartSvg(points, 30, null);
    const labels = [...svg.matchAll(/text-anchor="middle"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(labels.length).toBeLessThanOrEqual(13);
    expect(labels[0]).toBe('P0');
    expect(labels.at(-1)).toBe('P59');
  });
});
