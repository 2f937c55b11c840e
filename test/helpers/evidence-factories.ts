import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');

export interface MultipartFile {
  name: string;
  content: Buffer | string;
  /** the part's content type as a browser would send it (the server does not trust it) */
  type?: string;
  /** the form field carrying the file (default `file`) */
  field?: string;
}

/** A multipart/form-data body, built by hand so tests control every byte (names, order, repeated fields). */
export function multipart(
  fields: Record<string, string> | [string, string][],
  files: MultipartFile[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----rampart-test-${uniq()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'),
    );
  }
  for (const f of files) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`;
    parts.push(
      Buffer.from(head, 'utf8'),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small text file whose content is new each time (so it is stored as a new blob). */
export const textFile = (marker = ''): MultipartFile => ({
  name: `evidence-${uniq()}.txt`,
  content: `${marker}Evidence ${uniq()}\n`,
  type: 'text/plain',
});

export function uploadRequest(
  c: Caller,
  orgSlug: string,
  fields: Record<string, string> | [string, string][],
  files: MultipartFile[],
) {
  const body = multipart(fields, files);
  return c.request('POST', `/api/v1/orgs/${orgSlug}/evidence/upload`, body.payload, {
    'content-type': body.contentType,
  });
}

/** Evidence made through the API (a text file unless one is given). */
export async function buildEvidence(
  c: Caller,
  orgSlug: string,
  fields: Record<string, string> = {},
  file: MultipartFile = textFile(),
) {
  const res = await uploadRequest(c, orgSlug, { title: `Evidence ${uniq()}`, ...fields }, [file]);
  if (res.statusCode !== 201) throw new Error(`buildEvidence: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    ref: string;
    sha256: string;
    upload: { blobReused: boolean; attachedTo: { type: string; id: string; linkId: string }[] };
  } & Record<string, unknown>;
}

/** A real PNG image (solid colour), built with zlib so tests need no fixture files. */
export function tinyPng(width = 4, height = 4, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows that must not move when an upload is refused (the shared writeCounts knows nothing of evidence). */
export async function evidenceCounts(handle: DatabaseHandle) {
  const count = async (table: 'evidence' | 'fileBlobs' | 'links' | 'auditEvents') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    evidence: await count('evidence'),
    fileBlobs: await count('fileBlobs'),
    links: await count('links'),
    auditEvents: await count('auditEvents'),
  };
}
