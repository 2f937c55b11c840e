import type { ChartSpec } from '../schema/common/chart-spec.js';
import { chartLayout, type ChartShape } from './chart-layout.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** a coordinate with two decimals at most: the SVG stays small and the same input gives the same text */
const n = (x: number) => String(Math.round(x * 100) / 100);

function element(s: ChartShape): string {
  switch (s.kind) {
    case 'rect': {
      const stroke = s.stroke ? ` stroke="${s.stroke.colour}" stroke-width="${n(s.stroke.width)}"` : '';
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${stroke}/>`;
    }
    case 'polyline': {
      const points = s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
      return `<polyline points="${points}" fill="none" stroke="${s.colour}" stroke-width="${n(s.width)}"/>`;
    }
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.colour}" stroke-width="${n(s.width)}" stroke-dasharray="${s.dash.join(' ')}"/>`;
    case 'text': {
      const anchor = s.anchor === 'start' ? '' : ` text-anchor="${s.anchor}"`;
      return `<text x="${n(s.x)}" y="${n(s.y)}"${anchor} fill="${s.fill}">${esc(s.text)}</text>`;
    }
  }
}

/**
 * A chart spec as a small SVG (pdfmake's `svg` node; Word's SVG picture): the shapes of chartLayout, written by
 * hand rather than with a charting library: it must run on the server without a browser. Pure: the same spec
 * gives the same text.
 */
export function chartSvg(spec: ChartSpec): string {
  const { width, height, shapes } = chartLayout(spec);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Roboto" font-size="8">`,
    ...shapes.map(element),
    '</svg>',
  ].join('');
}
