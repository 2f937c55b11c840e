const clamp01 = (v: number) => (v <= 0 ? 0 : v >= 1 ? 1 : v);

/**
 * A white RGB bitmap painted one shape at a time: a shape gathers each pixel's coverage (the share of the pixel it
 * covers, so edges are anti-aliased), then `fill` blends its colour in by that coverage. Coverage within a shape is
 * the maximum of its parts', so a polyline's segments do not darken where they meet. Coordinates in pixels.
 */
export class Raster {
  readonly rgb: Uint8Array;
  private readonly cover: Float32Array;
  /** nothing painted yet: every pixel still white */
  blank = true;
  private x0 = Infinity;
  private y0 = Infinity;
  private x1 = -Infinity;
  private y1 = -Infinity;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3).fill(255);
    this.cover = new Float32Array(width * height);
  }

  /** calls `at` for every pixel whose centre lies within the box (grown by a pixel) and keeps the largest coverage */
  private gather(left: number, top: number, right: number, bottom: number, at: (cx: number, cy: number) => number) {
    const x0 = Math.max(0, Math.floor(left) - 1);
    const y0 = Math.max(0, Math.floor(top) - 1);
    const x1 = Math.min(this.width - 1, Math.ceil(right) + 1);
    const y1 = Math.min(this.height - 1, Math.ceil(bottom) + 1);
    for (let py = y0; py <= y1; py++)
      for (let px = x0; px <= x1; px++) {
        const c = at(px + 0.5, py + 0.5);
        const i = py * this.width + px;
        if (c > this.cover[i]!) this.cover[i] = c;
      }
    this.grow(x0, y0, x1, y1);
  }

  private grow(x0: number, y0: number, x1: number, y1: number) {
    this.x0 = Math.min(this.x0, x0);
    this.y0 = Math.min(this.y0, y0);
    this.x1 = Math.max(this.x1, x1);
    this.y1 = Math.max(this.y1, y1);
  }

  /** the rectangle from (left, top) to (right, bottom): exact area coverage, a row's share times a column's */
  rect(left: number, top: number, right: number, bottom: number): void {
    const x0 = Math.max(0, Math.floor(left));
    const y0 = Math.max(0, Math.floor(top));
    const x1 = Math.min(this.width - 1, Math.ceil(right) - 1);
    const y1 = Math.min(this.height - 1, Math.ceil(bottom) - 1);
    if (x1 < x0 || y1 < y0) return;
    const share = (p: number, from: number, to: number) => Math.min(to, p + 1) - Math.max(from, p);
    for (let py = y0; py <= y1; py++) {
      const h = share(py, top, bottom);
      for (let px = x0, i = py * this.width + x0; px <= x1; px++, i++) {
        const c = px === x0 || px === x1 ? h * share(px, left, right) : h;
        if (c > this.cover[i]!) this.cover[i] = c;
      }
    }
    this.grow(x0, y0, x1, y1);
  }

  /** a line from a to b, `width` wide, its ends square (butt) or round (a polyline's joins) */
  segment(ax: number, ay: number, bx: number, by: number, width: number, round: boolean): void {
    const len = Math.hypot(bx - ax, by - ay);
    const half = width / 2;
    if (len === 0) {
      if (round) this.disc(ax, ay, half);
      return;
    }
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    const grow = half + 1;
    this.gather(
      Math.min(ax, bx) - grow,
      Math.min(ay, by) - grow,
      Math.max(ax, bx) + grow,
      Math.max(ay, by) + grow,
      (cx, cy) => {
        const rx = cx - ax;
        const ry = cy - ay;
        const along = rx * ux + ry * uy;
        const across = Math.abs(rx * uy - ry * ux);
        if (!round) return clamp01(half + 0.5 - across) * clamp01(Math.min(along, len - along) + 0.5);
        const d = along < 0 ? Math.hypot(rx, ry) : along > len ? Math.hypot(cx - bx, cy - by) : across;
        return clamp01(half + 0.5 - d);
      },
    );
  }

  /** a filled circle */
  disc(cx: number, cy: number, r: number): void {
    this.gather(cx - r, cy - r, cx + r, cy + r, (x, y) => clamp01(r + 0.5 - Math.hypot(x - cx, y - cy)));
  }

  /** blends `colour` ('#rrggbb') into the pixels the shape gathered so far covers, and starts the next shape */
  fill(colour: string): void {
    const hex = parseInt(colour.slice(1, 7), 16);
    const [r, g, b] = [hex >> 16, (hex >> 8) & 255, hex & 255];
    const px = this.rgb;
    for (let py = this.y0; py <= this.y1; py++)
      for (let i = py * this.width + this.x0, end = py * this.width + this.x1; i <= end; i++) {
        const c = this.cover[i]!;
        if (c === 0) continue;
        const at = i * 3;
        if (c >= 1) {
          px[at] = r;
          px[at + 1] = g;
          px[at + 2] = b;
        } else {
          px[at] = Math.round(px[at]! + (r - px[at]!) * c);
          px[at + 1] = Math.round(px[at + 1]! + (g - px[at + 1]!) * c);
          px[at + 2] = Math.round(px[at + 2]! + (b - px[at + 2]!) * c);
        }
        this.cover[i] = 0;
        this.blank = false;
      }
    this.x0 = this.y0 = Infinity;
    this.x1 = this.y1 = -Infinity;
  }
}
