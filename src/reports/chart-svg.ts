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
const REFERENCE = { target: { colour: '#2E7D32', dash: '6 3' }, threshold: { colour: '#E08E0B', dash: '2 2' } };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** a coordinate with two decimals at most: the SVG stays small and the same input gives the same text */
const n = (x: number) => String(Math.round(x * 100) / 100);
const tick = (x: number) => String(Number(x.toPrecision(4)));
const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * A chart spec as a small SVG (pdfmake's `svg` node; Word's SVG picture): lines or grouped bars, the reference lines
 * (target, threshold) labelled on the axis, a legend when there is more than one series. Written by hand rather than
 * with a charting library: it must run on the server without a browser. Pure: the same spec gives the same text.
 */
export function chartSvg(spec: ChartSpec): string {
  const count = spec.categories.length;
  const values = spec.series.flatMap((s) => s.values.filter(finite));
  const all = [...values, ...spec.references.map((r) => r.value), ...(spec.kind === 'bar' ? [0] : [])];
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  const pad = hi === lo ? Math.max(1, Math.abs(hi) * 0.1) : (hi - lo) * 0.1;
  if (spec.kind === 'line' || lo < 0) lo -= pad;
  hi += pad;
  const legend = spec.series.length > 1;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM - (legend ? 12 : 0);
  const y = (v: number) => TOP + plotH - ((v - lo) / (hi - lo)) * plotH;
  const slot = count ? plotW / count : plotW;
  // lines run from the first category's centre to the last's; bars sit in their category's slot
  const x = (i: number) => LEFT + slot * i + slot / 2;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Roboto" font-size="8">`,
    `<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="#FFFFFF" stroke="#B7C3D0" stroke-width="0.5"/>`,
    `<text x="${LEFT - 4}" y="${n(TOP + plotH + 3)}" text-anchor="end" fill="#555555">${tick(lo)}</text>`,
    `<text x="${LEFT - 4}" y="${n(TOP + 3)}" text-anchor="end" fill="#555555">${tick(hi)}</text>`,
  ];
  if (spec.unit)
    parts.push(
      `<text x="${LEFT - 4}" y="${n(TOP + plotH / 2)}" text-anchor="end" fill="#555555">${esc(spec.unit)}</text>`,
    );

  spec.series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    if (spec.kind === 'bar') {
      const width = (slot * 0.7) / spec.series.length;
      const base = y(Math.max(lo, 0));
      s.values.forEach((v, i) => {
        if (!finite(v) || i >= count) return;
        const left = LEFT + slot * i + slot * 0.15 + width * k;
        const top = Math.min(y(v), base);
        parts.push(
          `<rect x="${n(left)}" y="${n(top)}" width="${n(width)}" height="${n(Math.abs(base - y(v)))}" fill="${colour}"/>`,
        );
      });
      return;
    }
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (!finite(v) || i >= count) return flush();
      run.push(`${n(x(i))},${n(y(v))}`);
      parts.push(`<circle cx="${n(x(i))}" cy="${n(y(v))}" r="2.5" fill="${colour}"/>`);
    });
    flush();
  });

  for (const r of spec.references) {
    const { colour, dash } = REFERENCE[r.style];
    parts.push(
      `<line x1="${LEFT}" y1="${n(y(r.value))}" x2="${LEFT + plotW}" y2="${n(y(r.value))}" stroke="${colour}" stroke-width="1" stroke-dasharray="${dash}"/>`,
      `<text x="${LEFT + plotW + 2}" y="${n(y(r.value) + 3)}" fill="${colour}">${esc(tick(r.value))}</text>`,
    );
  }

  const every = Math.max(1, Math.ceil(count / MAX_LABELS));
  spec.categories.forEach((label, i) => {
    // the last category is named too, unless it would crowd the label before it
    const last = i === count - 1 && i % every >= every / 2;
    if (i % every !== 0 && !last) return;
    parts.push(`<text x="${n(x(i))}" y="${TOP + plotH + 14}" text-anchor="middle" fill="#555555">${esc(label)}</text>`);
  });
  if (legend)
    spec.series.forEach((s, k) => {
      const left = LEFT + (plotW / spec.series.length) * k;
      parts.push(
        `<rect x="${n(left)}" y="${H - 14}" width="8" height="8" fill="${COLOURS[k % COLOURS.length]}"/>`,
        `<text x="${n(left + 11)}" y="${H - 7}" fill="#333333">${esc(s.name)}</text>`,
      );
    });
  parts.push('</svg>');
  return parts.join('');
}
