/** One period of a measure on the chart: its key ('2026-03') and its value (null: no value recorded). */
export interface ChartPoint {
  label: string;
  value: number | null;
}

const W = 500;
const H = 200;
const LEFT = 44;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 34;
/** at most this many period labels under the axis; between them every nth is left out */
const MAX_LABELS = 12;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** a coordinate with two decimals at most: the SVG stays small and the same input gives the same text */
const n = (x: number) => String(Math.round(x * 100) / 100);
const tick = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The values of a measure over the report's periods as a line chart with the target line (and the amber threshold
 * dashed, when there is one): a small SVG the PDF embeds (pdfmake's `svg` node). Written by hand rather than with
 * a charting library: a polyline, two lines and a few labels, and it must run on the server without a browser.
 * Pure: the same points give the same text. Periods without a value break the line.
 */
export function measureChartSvg(points: readonly ChartPoint[], target: number, amber: number | null): string {
  const values = points.flatMap((p) => (p.value === null || !Number.isFinite(p.value) ? [] : [p.value]));
  const all = [...values, target, ...(amber === null ? [] : [amber])];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = hi === lo ? Math.max(1, Math.abs(hi) * 0.1) : (hi - lo) * 0.1;
  lo -= pad;
  hi += pad;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - ((v - lo) / (hi - lo)) * plotH;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number) => (points.length > 1 ? LEFT + i * step : LEFT + plotW / 2);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Roboto" font-size="8">`,
    `<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="#FFFFFF" stroke="#B7C3D0" stroke-width="0.5"/>`,
  ];
  const hLine = (v: number, colour: string, dash: string, label: string) => {
    parts.push(
      `<line x1="${LEFT}" y1="${n(y(v))}" x2="${LEFT + plotW}" y2="${n(y(v))}" stroke="${colour}" stroke-width="1" stroke-dasharray="${dash}"/>`,
      `<text x="${LEFT - 4}" y="${n(y(v) + 3)}" text-anchor="end" fill="${colour}">${esc(label)}</text>`,
    );
  };
  // the axis: bottom and top of the range, then the target and amber lines over them
  parts.push(
    `<text x="${LEFT - 4}" y="${n(TOP + plotH + 3)}" text-anchor="end" fill="#555555">${tick(lo)}</text>`,
    `<text x="${LEFT - 4}" y="${n(TOP + 3)}" text-anchor="end" fill="#555555">${tick(hi)}</text>`,
  );
  hLine(target, '#2E7D32', '6 3', tick(target));
  if (amber !== null) hLine(amber, '#E08E0B', '2 2', tick(amber));

  // the line of values, broken where a period has none
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1)
      parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="#16324F" stroke-width="1.5"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) return flush();
    run.push(`${n(x(i))},${n(y(p.value))}`);
    parts.push(`<circle cx="${n(x(i))}" cy="${n(y(p.value))}" r="2.5" fill="#16324F"/>`);
  });
  flush();

  const every = Math.max(1, Math.ceil(points.length / MAX_LABELS));
  points.forEach((p, i) => {
    // the last period is named too, unless it would crowd the label before it
    const last = i === points.length - 1 && i % every >= every / 2;
    if (i % every !== 0 && !last) return;
    parts.push(
      `<text x="${n(x(i))}" y="${TOP + plotH + 14}" text-anchor="middle" fill="#555555">${esc(p.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
