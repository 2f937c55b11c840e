import { once } from 'node:events';
import zlib from 'node:zlib';
import JSZip from 'jszip';

/**
 * ZIP files built byte by byte, so a test can make what no well-behaved zip library would: an entry of hundreds
 * of megabytes inflated from a few hundred kilobytes (built as a stream, never held in memory), or an entry
 * whose headers declare fewer bytes than it inflates to.
 */

export interface RawEntry {
  name: string;
  /** raw-deflated bytes */
  deflated: Buffer;
  crc: number;
  size: number;
  /** the uncompressed size written in the headers (a lie when it differs from `size`) */
  declaredSize?: number;
}

/** `unit` repeated `times` times, deflated as a stream (the inflated text never exists in memory). */
export async function deflatedRepeat(
  name: string,
  head: string,
  unit: string,
  times: number,
  tail: string,
): Promise<RawEntry> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = once(deflate, 'end');
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))));
  const perChunk = chunk.length / unit.length;
  let crc = zlib.crc32(head);
  let size = Buffer.byteLength(head);
  deflate.write(head);
  for (let left = times; left > 0; left -= perChunk) {
    const part = left >= perChunk ? chunk : Buffer.from(unit.repeat(left));
    crc = zlib.crc32(part, crc);
    size += part.length;
    if (!deflate.write(part)) await once(deflate, 'drain');
  }
  crc = zlib.crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflate.end(tail);
  await ended;
  return { name, deflated: Buffer.concat(out), crc, size };
}

export function rawEntry(name: string, data: Buffer | string): RawEntry {
  const bytes = Buffer.from(data);
  return { name, deflated: zlib.deflateRawSync(bytes), crc: zlib.crc32(bytes), size: bytes.length };
}

/** A ZIP of the entries, each deflated, in this order (local headers, central directory, end record). */
export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a real (small) ZIP, re-deflated, to rebuild it with one entry replaced. */
export async function entriesOf(zipFile: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(zipFile);
  const out: RawEntry[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push(rawEntry(f.name, await f.async('nodebuffer')));
  return out;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>';
const SHEET_ROW = '<row><c t="inlineStr"><is><t>bomb</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet part whose XML inflates to about `megabytes` MB of rows (or declares only `declaredSize` bytes). */
export async function sheetBomb(megabytes: number, declaredSize?: number): Promise<RawEntry> {
  const entry = await deflatedRepeat(
    'xl/worksheets/sheet1.xml',
    SHEET_HEAD,
    SHEET_ROW,
    Math.ceil((megabytes * 1024 * 1024) / SHEET_ROW.length),
    SHEET_TAIL,
  );
  return declaredSize === undefined ? entry : { ...entry, declaredSize };
}

/** A sheet part of a header row and `rows` numbered rows of one cell each. */
export function sheetOfRows(rows: number): RawEntry {
  const body = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>Row ${i + 2}</t></is></c></row>`,
  );
  return rawEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${body.join('')}${SHEET_TAIL}`);
}

/** A real XLSX (from `workbook`) whose first sheet is replaced by `sheet`. */
export async function xlsxWithSheet(workbook: Buffer, sheet: RawEntry): Promise<Buffer> {
  const entries = (await entriesOf(workbook)).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? sheet : e));
  return buildZip(entries);
}
