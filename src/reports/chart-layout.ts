import type { ChartSpec } from '../schema/common/chart-spec.js';

const W = 500;
const H = 200;
const LEFT = 44;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 34;
/** at most this many category labels under the axis; between them every nth is left out */
const MAX_LABELS = 12;
/** the series' colours (the web chart kit's palette: 3:1 on white, apart for colour-vision deficiencies) */
const COLOURS = ['#16324F', '#c2410c', '#0f766e', '#6d28d9', '#8a5300', '#1d4e89', '#9f1239', '#365314'];
const REFERENCE = { target: { colour: '#2E7D32', dash: [6, 3] }, threshold: { colour: '#E08E0B', dash: [2, 2] } };
const LABEL = '#555555';
const GRID = '#E6EBF0';
/** about this many steps on the value axis */
const STEPS = 4;

/** One thing drawn on a chart, in the chart's units (500 × 200; text 8 units high, its y the baseline). */
export type ChartShape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      stroke?: { colour: string; width: number };
    }
  | { kind: 'polyline'; points: [number, number][]; colour: string; width: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour: string; width: number; dash: number[] }
  | { kind: 'text'; x: number; y: number; anchor: 'start' | 'middle' | 'end'; fill: string; text: string };

export interface ChartLayout {
  width: number;
  height: number;
  /** in painting order: later shapes over earlier ones */
  shapes: ChartShape[];
}

const tick = (x: number) => String(Number(x.toPrecision(6)));

/**
 * The value axis: a step of 1, 2, 2.5 or 5 times a power of ten giving about STEPS steps, and the range widened to
 * whole steps around the values (a flat series gets a step either side), so the axis reads 0, 5, 10, 15.
 */
export function niceScale(min: number, max: number, integers = false): { lo: number; hi: number; step: number } {
  const span = max > min ? max - min : Math.max(1, Math.abs(max) * 0.2);
  const raw = span / STEPS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * 0.999) ?? 10 * magnitude;
  // counts are not drawn in halves: whole values get whole steps (2.5 becomes 5 at that scale)
  const step = !integers ? nice : nice < 1 ? 1 : Number.isInteger(nice) ? nice : nice * 2;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (hi === lo) {
    lo -= step;
    hi += step;
  }
  // floating steps (0.1 × 3) print as 0.30000000000000004 without rounding to the step's precision
  const round = (v: number) => Number(v.toPrecision(12));
  return { lo: round(lo), hi: round(hi), step };
}
const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * Where everything on a chart goes: the plot, its axis values, lines with points or grouped bars, the reference
 * lines (target, threshold) labelled at the right, every nth category under the axis, a legend when there is more
 * than one series. One layout for both pictures (chart-svg.ts writes it as SVG, chart-png.ts paints it as pixels),
 * so Word's PNG fallback shows what its SVG shows.
 */
export function chartLayout(spec: ChartSpec): ChartLayout {
  const count = spec.categories.length;
  const values = spec.series.flatMap((s) => s.values.filter(finite));
  const all = [...values, ...spec.references.map((r) => r.value), ...(spec.kind === 'bar' ? [0] : [])];
  const { lo, hi, step } = niceScale(
    all.length ? Math.min(...all) : 0,
    all.length ? Math.max(...all) : 1,
    all.every((v) => Number.isInteger(v)),
  );
  const legend = spec.series.length > 1;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM - (legend ? 12 : 0);
  const y = (v: number) => TOP + plotH - ((v - lo) / (hi - lo)) * plotH;
  const slot = count ? plotW / count : plotW;
  // lines run from the first category's centre to the last's; bars sit in their category's slot
  const x = (i: number) => LEFT + slot * i + slot / 2;
  const label = (x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', fill = LABEL): ChartShape => ({
    kind: 'text',
    x,
    y,
    anchor,
    fill,
    text,
  });

  const shapes: ChartShape[] = [
    { kind: 'rect', x: LEFT, y: TOP, w: plotW, h: plotH, fill: '#FFFFFF', stroke: { colour: '#B7C3D0', width: 0.5 } },
  ];
  // a faint grid line and a label at every step of the value axis; the unit above the axis's labels
  for (let i = 0, v = lo; v <= hi + step / 2; i++, v = lo + i * step) {
    const onReference = spec.references.some((r) => Math.abs(r.value - v) < step / 1000);
    if (v > lo && v < hi - step / 2 && !onReference)
      shapes.push({ kind: 'line', x1: LEFT, y1: y(v), x2: LEFT + plotW, y2: y(v), colour: GRID, width: 0.5, dash: [] });
    shapes.push(label(LEFT - 4, y(v) + 3, tick(v), 'end'));
  }
  if (spec.unit) shapes.push(label(LEFT - 4, TOP - 4, spec.unit, 'end'));

  spec.series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    if (spec.kind === 'bar') {
      const width = (slot * 0.7) / spec.series.length;
      const base = y(Math.max(lo, 0));
      s.values.forEach((v, i) => {
        if (!finite(v) || i >= count) return;
        const left = LEFT + slot * i + slot * 0.15 + width * k;
        shapes.push({
          kind: 'rect',
          x: left,
          y: Math.min(y(v), base),
          w: width,
          h: Math.abs(base - y(v)),
          fill: colour,
        });
      });
      return;
    }
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1) shapes.push({ kind: 'polyline', points: run, colour, width: 1.5 });
      run = [];
    };
    s.values.forEach((v, i) => {
      if (!finite(v) || i >= count) return flush();
      run.push([x(i), y(v)]);
      shapes.push({ kind: 'circle', cx: x(i), cy: y(v), r: 2.5, fill: colour });
    });
    flush();
  });

  for (const r of spec.references) {
    const { colour, dash } = REFERENCE[r.style];
    const at = y(r.value);
    shapes.push(
      { kind: 'line', x1: LEFT, y1: at, x2: LEFT + plotW, y2: at, colour, width: 1, dash },
      label(LEFT + plotW + 2, at + 3, tick(r.value), 'start', colour),
    );
  }

  const every = Math.max(1, Math.ceil(count / MAX_LABELS));
  spec.categories.forEach((text, i) => {
    // the last category is named too, unless it would crowd the label before it
    const last = i === count - 1 && i % every >= every / 2;
    if (i % every !== 0 && !last) return;
    shapes.push(label(x(i), TOP + plotH + 14, text, 'middle'));
  });
  if (legend)
    spec.series.forEach((s, k) => {
      const left = LEFT + (plotW / spec.series.length) * k;
      shapes.push(
        { kind: 'rect', x: left, y: H - 14, w: 8, h: 8, fill: COLOURS[k % COLOURS.length]! },
        label(left + 11, H - 7, s.name, 'start', '#333333'),
      );
    });
  return { width: W, height: H, shapes };
}
