import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/schema/common/chart-spec.js';
import { glyphs } from '../../src/reports/chart-font.js';
import { chartLayout, type ChartShape } from '../../src/reports/chart-layout.js';
import { chartPng, PNG_SCALE } from '../../src/reports/chart-png.js';
import { decodePng, type DecodedPng } from '../helpers/png-decode.js';

const WHITE = '#ffffff';
const NAVY = '#16324f'; // the first series
const ORANGE = '#c2410c'; // the second
const TARGET = '#2e7d32';
const THRESHOLD = '#e08e0b';

const spec = (over: Partial<ChartSpec>): ChartSpec => ({
  kind: 'line',
  unit: null,
  categories: ['2026-01', '2026-02', '2026-03'],
  series: [{ name: 'value', values: [80, 100, 90] }],
  references: [],
  description: 'The values against the target',
  ...over,
});
const shapes = <K extends ChartShape['kind']>(s: ChartSpec, kind: K) =>
  chartLayout(s).shapes.filter((x): x is Extract<ChartShape, { kind: K }> => x.kind === kind);
/** the pixel under a point in chart units */
const at = (png: DecodedPng, x: number, y: number) => png.colour(x * PNG_SCALE, y * PNG_SCALE);
/** every colour found in the box (chart units) */
function colours(png: DecodedPng, x0: number, y0: number, x1: number, y1: number): Set<string> {
  const found = new Set<string>();
  for (let y = Math.ceil(y0 * PNG_SCALE); y < y1 * PNG_SCALE; y++)
    for (let x = Math.ceil(x0 * PNG_SCALE); x < x1 * PNG_SCALE; x++) found.add(png.colour(x, y));
  return found;
}

describe('chartPng: a chart spec as a PNG for Word', () => {
  it('is a PNG a viewer reads: signature, IHDR of 1500 × 600, IHDR IDAT IEND with valid CRCs', () => {
    const file = chartPng(spec({}));
    const png = decodePng(file); // throws on a bad signature, a bad CRC, a short IDAT
    expect([png.width, png.height]).toEqual([500 * PNG_SCALE, 200 * PNG_SCALE]);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    // a flipped byte in the image data is caught by the CRC
    const broken = Buffer.from(file);
    broken[50] = broken[50]! ^ 1;
    expect(() => decodePng(broken)).toThrow(/CRC/);
  });

  it('paints the points and the lines between them, the dashed target and dotted threshold, white elsewhere', () => {
    const s = spec({
      references: [
        { label: 'target', value: 98, style: 'target' },
        { label: 'amber', value: 85, style: 'threshold' },
      ],
    });
    const png = decodePng(chartPng(s));
    const points = shapes(s, 'circle');
    expect(points).toHaveLength(3);
    for (const p of points) expect(at(png, p.cx, p.cy)).toBe(NAVY);
    // halfway along each segment of the line
    for (let i = 1; i < points.length; i++)
      expect(at(png, (points[i - 1]!.cx + points[i]!.cx) / 2, (points[i - 1]!.cy + points[i]!.cy) / 2)).toBe(NAVY);
    // higher values higher up: 100 above 90 above 80
    expect(points[1]!.cy < points[2]!.cy && points[2]!.cy < points[0]!.cy).toBe(true);
    // the dashed lines are the references (the grid lines are solid)
    const [target, amber] = shapes(s, 'line').filter((l) => l.dash.length > 0);
    // the target's dashes are 6 on, 3 off; the threshold's 2 on, 2 off
    expect(at(png, target!.x1 + 3, target!.y1)).toBe(TARGET);
    expect(at(png, target!.x1 + 7.5, target!.y1)).toBe(WHITE);
    expect(at(png, amber!.x1 + 1, amber!.y1)).toBe(THRESHOLD);
    expect(at(png, amber!.x1 + 3, amber!.y1)).toBe(WHITE);
    expect(target!.y1).toBeGreaterThan(points[1]!.cy);
    expect(target!.y1).toBeLessThan(points[2]!.cy);
    // background: between the lines, under them, and outside the plot
    // (a faint grid line may run there)
    expect(['#ffffff', '#e6ebf0']).toContain(at(png, points[0]!.cx, (target!.y1 + amber!.y1) / 2));
    expect(colours(png, 0, 0, 40, 8)).toEqual(new Set([WHITE]));
    expect(colours(png, 480, 150, 500, 200)).toEqual(new Set([WHITE]));
    // the labels are drawn: axis values at the left, periods under the axis, the reference values at the right
    expect(colours(png, 0, 8, 40, 20).size).toBeGreaterThan(1);
    expect(colours(png, 44, 160, 476, 170).size).toBeGreaterThan(1);
    expect(colours(png, 477, target!.y1 - 6, 500, target!.y1 + 4)).toContain(TARGET);
  });

  it('draws grouped bars as filled rectangles where a line chart has only its line', () => {
    const bars = spec({
      kind: 'bar',
      series: [
        { name: 'a', values: [3, 5, 4] },
        { name: 'b', values: [1, 2, null] },
      ],
    });
    const png = decodePng(chartPng(bars));
    const rects = shapes(bars, 'rect').filter((r) => r.fill === NAVY.toUpperCase() || r.fill === '#c2410c');
    // five bars and the two legend squares
    expect(rects).toHaveLength(7);
    for (const r of rects) expect(at(png, r.x + r.w / 2, r.y + r.h / 2)).toBe(r.fill.toLowerCase());
    const orange = rects.filter((r) => r.fill === '#c2410c');
    expect(orange.length).toBe(3);
    // the second series' bar sits right of the first's in its slot
    const [a0, b0] = [rects[0]!, orange[0]!];
    expect(b0.x).toBeGreaterThanOrEqual(a0.x + a0.w - 0.01);
    // the same values as a line: inside where the first bar was, below the line, is background
    const line = spec({ series: [{ name: 'a', values: [3, 5, 4] }] });
    const asLine = decodePng(chartPng(line));
    const first = shapes(line, 'circle')[0]!;
    expect(at(asLine, first.cx, first.cy + 20)).toBe(WHITE);
    expect(at(png, a0.x + a0.w / 2, a0.y + a0.h - 2)).toBe(NAVY);
    expect(colours(png, 0, 0, 500, 200)).toContain(ORANGE);
  });

  it('copes with no values, one value, equal values and only gaps: a whole picture, no series colour astray', () => {
    const cases: ChartSpec[] = [
      spec({ categories: [], series: [{ name: 'v', values: [] }] }),
      spec({ categories: ['2026'], series: [{ name: 'v', values: [7] }] }),
      spec({ categories: ['x', 'y'], series: [{ name: 'v', values: [5, 5] }] }),
      spec({ series: [{ name: 'v', values: [null, null, null] }] }),
      spec({ kind: 'bar', categories: ['x', 'y'], series: [{ name: 'v', values: [0, 0] }] }),
      spec({ kind: 'bar', series: [{ name: 'v', values: [-3, 2, -1] }] }),
    ];
    const [empty, one, equal, gaps] = cases.map((c) => {
      const png = decodePng(chartPng(c));
      expect([png.width, png.height]).toEqual([1500, 600]);
      return png;
    });
    // nothing but the white plot and its faint grid lines (every channel light)
    const light = (c: string) => [1, 3, 5].every((i) => parseInt(c.slice(i, i + 2), 16) >= 0xe0);
    for (const png of [empty!, gaps!]) expect([...colours(png, 45, 13, 475, 165)].every(light)).toBe(true);
    const single = shapes(cases[1]!, 'circle')[0]!;
    expect(at(one!, single.cx, single.cy)).toBe(NAVY);
    // equal values: a level line across the middle of the plot
    const [p, q] = shapes(cases[2]!, 'circle');
    expect(p!.cy).toBe(q!.cy);
    expect(at(equal!, (p!.cx + q!.cx) / 2, p!.cy)).toBe(NAVY);
    // a negative bar hangs below zero
    const negative = shapes(cases[5]!, 'rect').find((r) => r.fill === '#16324F')!;
    expect(at(decodePng(chartPng(cases[5]!)), negative.x + negative.w / 2, negative.y + negative.h - 1)).toBe(NAVY);
  });

  it('writes every printable ASCII character with its own glyph, accents as their letter, the rest as a box', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const drawn = ascii.map((c) => glyphs(c)[0]!.join());
    const box = glyphs('≥')[0]!.join();
    expect(new Set(drawn).size).toBe(95);
    expect(drawn).not.toContain(box);
    expect(glyphs('é')).toEqual(glyphs('e'));
    expect(glyphs('2026–03')).toEqual(glyphs('2026-03'));
    expect(glyphs('≥ 95 €').map((g) => g.join())).toEqual([box, ...glyphs(' 95 ').map((g) => g.join()), box]);
  });
});
