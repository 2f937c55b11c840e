import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** the chunks' types in file order */
  chunks: string[];
  /** '#rrggbb' of the pixel at (x, y) */
  colour(x: number, y: number): string;
}

/**
 * Reads a PNG the way a viewer would, independently of src/reports/png-encode.ts: checks the signature and every
 * chunk's CRC (node:zlib's crc32, not ours), inflates the IDAT chunks and undoes the row filters. Only what a chart
 * PNG uses: 8-bit RGB without interlacing; anything else throws.
 */
export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error('not a PNG signature');
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in ${type}`);
    chunks.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  if (header[8] !== 8 || header[9] !== 2 || header[12] !== 0) throw new Error('not 8-bit RGB without interlacing');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  if (raw.length !== (stride + 1) * height) throw new Error(`IDAT holds ${raw.length} bytes`);
  const rgb = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= 3 ? rgb[y * stride + i - 3]! : 0;
      const up = y ? rgb[(y - 1) * stride + i]! : 0;
      const upLeft = i >= 3 && y ? rgb[(y - 1) * stride + i - 3]! : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? -1];
      if (predictor === undefined) throw new Error(`filter ${filter}`);
      rgb[y * stride + i] = (x + predictor) & 255;
    }
  }
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return {
    width,
    height,
    chunks,
    colour: (x, y) => {
      const at = (Math.floor(y) * width + Math.floor(x)) * 3;
      return `#${hex(rgb[at]!)}${hex(rgb[at + 1]!)}${hex(rgb[at + 2]!)}`;
    },
  };
}
