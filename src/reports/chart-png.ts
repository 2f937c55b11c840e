import type { ChartSpec } from '../schema/common/chart-spec.js';
import { GLYPH_ASCENT, GLYPH_WIDTH, glyphs } from './chart-font.js';
import { chartLayout, type ChartShape } from './chart-layout.js';
import { Raster } from './chart-raster.js';
import { encodePng } from '../core/util/png-encode.js';

/** pixels per chart unit: 1500 × 600, about 240 dpi across a Word page's text width */
export const PNG_SCALE = 3;

function paint(r: Raster, s: ChartShape, k: number): void {
  switch (s.kind) {
    case 'rect':
      // white on the untouched white raster (the plot's background) changes no pixel: a third of the time saved
      if (!(r.blank && s.fill.toUpperCase() === '#FFFFFF')) {
        r.rect(s.x * k, s.y * k, (s.x + s.w) * k, (s.y + s.h) * k);
        r.fill(s.fill);
      }
      if (s.stroke) {
        // centred on the edge, as SVG strokes are
        const h = (s.stroke.width * k) / 2;
        const [x0, y0, x1, y1] = [s.x * k, s.y * k, (s.x + s.w) * k, (s.y + s.h) * k];
        // one edge at a time: a shape's pixels are blended over its bounding box, which for the four would be the plot
        for (const [a, b, c, d] of [
          [x0 - h, y0 - h, x1 + h, y0 + h],
          [x0 - h, y1 - h, x1 + h, y1 + h],
          [x0 - h, y0 + h, x0 + h, y1 - h],
          [x1 - h, y0 + h, x1 + h, y1 - h],
        ] as const) {
          r.rect(a, b, c, d);
          r.fill(s.stroke.colour);
        }
      }
      return;
    case 'polyline':
      s.points.slice(1).forEach(([x, y], i) => {
        const [px, py] = s.points[i]!;
        r.segment(px * k, py * k, x * k, y * k, s.width * k, true);
      });
      return r.fill(s.colour);
    case 'circle':
      r.disc(s.cx * k, s.cy * k, s.r * k);
      return r.fill(s.fill);
    case 'line': {
      // the dash pattern walked along the line, as stroke-dasharray does
      const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
      const period = s.dash.reduce((a, b) => a + b, 0);
      const dash = period > 0 ? s.dash : [len];
      const at = (u: number) =>
        [(s.x1 + ((s.x2 - s.x1) * u) / len) * k, (s.y1 + ((s.y2 - s.y1) * u) / len) * k] as const;
      for (let t = 0, i = 0; t < len; t += dash[i % dash.length]!, i++) {
        if (i % 2) continue;
        const [ax, ay] = at(t);
        const [bx, by] = at(Math.min(len, t + dash[i % dash.length]!));
        r.segment(ax, ay, bx, by, s.width * k, false);
      }
      return r.fill(s.colour);
    }
    case 'text': {
      // glyph pixels land on whole device pixels, so the letters stay sharp; about the SVG's 8-unit Roboto in size
      const p = Math.max(1, Math.round((k * 2) / 3));
      const marks = glyphs(s.text);
      const wide = marks.length * (GLYPH_WIDTH + 1) * p - p;
      const left = Math.round(s.x * k - (s.anchor === 'end' ? wide : s.anchor === 'middle' ? wide / 2 : 0));
      const top = Math.round(s.y * k) - GLYPH_ASCENT * p;
      marks.forEach((rows, c) =>
        rows.forEach((bits, row) => {
          for (let col = 0; col < GLYPH_WIDTH; col++) {
            if (!(bits & (1 << (GLYPH_WIDTH - 1 - col)))) continue;
            const x = left + (c * (GLYPH_WIDTH + 1) + col) * p;
            r.rect(x, top + row * p, x + p, top + (row + 1) * p);
          }
        }),
      );
      return r.fill(s.fill);
    }
  }
}

/**
 * A chart spec as a PNG: the picture Word shows where it cannot show the SVG (Word before 2016, LibreOffice's older
 * releases, previewers). The same layout as chartSvg (chart-layout.ts), painted in plain JavaScript (chart-raster.ts,
 * a bitmap font in chart-font.ts, png-encode.ts): a canvas or SVG renderer would be a native module or a browser.
 */
export function chartPng(spec: ChartSpec, scale = PNG_SCALE): Buffer {
  const { width, height, shapes } = chartLayout(spec);
  const raster = new Raster(Math.round(width * scale), Math.round(height * scale));
  for (const s of shapes) paint(raster, s, scale);
  return encodePng(raster.width, raster.height, raster.rgb);
}
