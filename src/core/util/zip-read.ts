import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * Reading a ZIP someone sent us (an XLSX import, an evidence package) without letting it inflate without bound.
 * A ZIP bomb is a few kilobytes that declare, or merely contain, hundreds of megabytes: the central directory is
 * read first and refused when it declares too many entries, too many bytes, or an absurd compression ratio; then
 * every entry is inflated as a stream and refused as soon as it yields more bytes than it declared (yauzl's
 * `validateEntrySizes`), so a lying directory cannot get past the limits either.
 */

export interface ZipLimits {
  maxEntries: number;
  /** uncompressed bytes of one entry */
  maxEntryBytes: number;
  /** uncompressed bytes of all entries together */
  maxTotalBytes: number;
  /** uncompressed ÷ compressed size, checked for entries above 1 MiB (text rarely passes 100; bombs reach 1,000) */
  maxRatio: number;
  /** bytes of the entries kept in memory (`keep`), all together */
  maxKeptBytes?: number;
}

/** Why a ZIP was refused, in words for the person who sent it. */
export class ZipLimitError extends Error {}

/**
 * An entry that inflates past the size its headers declare: refused like any limit (yauzl stops inflating it at
 * once), and named, because in a file that was once valid it means damage or tampering in that entry.
 */
export class ZipEntryOverrunError extends ZipLimitError {
  constructor(
    readonly entryName: string,
    declaredBytes: number,
  ) {
    super(`${entryName} inflates to more than the ${mb(declaredBytes)} it declares`);
  }
}

export interface ZipEntryRead {
  name: string;
  size: number;
  sha256: string;
  /** the bytes, for the entries `keep` asked for */
  data?: Buffer;
  /** why this entry could not be inflated (damaged data): a problem of the entry, not of the whole archive */
  error?: string;
}

const MiB = 1024 * 1024;
const mb = (bytes: number) => (bytes < MiB ? `${bytes} bytes` : `${Math.round(bytes / MiB)} MB`);

function fromBuffer(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      data,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  );
}

/** Every entry of the central directory, refused as soon as one breaks a limit (nothing is inflated yet). */
async function centralDirectory(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  if (zip.entryCount > limits.maxEntries)
    throw new ZipLimitError(`The archive holds ${zip.entryCount} entries; at most ${limits.maxEntries} are read`);
  const entries: yauzl.Entry[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const { fileName: name, uncompressedSize: size, compressedSize } = entry;
      total += size;
      if (size > limits.maxEntryBytes)
        return reject(
          new ZipLimitError(`${name} inflates to ${mb(size)}; at most ${mb(limits.maxEntryBytes)} per entry are read`),
        );
      if (total > limits.maxTotalBytes)
        return reject(
          new ZipLimitError(`The archive inflates to more than ${mb(limits.maxTotalBytes)}, the most that is read`),
        );
      if (size > MiB && size / Math.max(compressedSize, 1) > limits.maxRatio)
        return reject(
          new ZipLimitError(
            `${name} is compressed ${Math.round(size / Math.max(compressedSize, 1))} to 1, more than any real file (${limits.maxRatio} to 1 at most)`,
          ),
        );
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  return entries;
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/**
 * Checks the archive against `limits`, then inflates every file entry once as a stream: its size and SHA-256, and
 * its bytes when `keep(name)` says so. Throws ZipLimitError for a limit, another Error for an archive that is not
 * a ZIP; an entry whose data is damaged comes back with `error`.
 */
export async function readZip(
  data: Buffer,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => false,
): Promise<ZipEntryRead[]> {
  const zip = await fromBuffer(data);
  try {
    const entries = await centralDirectory(zip, limits);
    const out: ZipEntryRead[] = [];
    let kept = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await openStream(zip, entry);
      const hash = crypto.createHash('sha256');
      const chunks: Buffer[] | undefined = keep(entry.fileName) ? [] : undefined;
      let size = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          hash.update(chunk);
          if (chunks) {
            kept += chunk.length;
            if (kept > (limits.maxKeptBytes ?? Infinity))
              throw new ZipLimitError(`The files to read inflate to more than ${mb(limits.maxKeptBytes!)}`);
            chunks.push(chunk);
          }
        }
      } catch (err) {
        // yauzl stops the stream the moment it inflates past the declared size.
        if (/too many bytes/i.test((err as Error).message))
          throw new ZipEntryOverrunError(entry.fileName, entry.uncompressedSize);
        if (err instanceof ZipLimitError) throw err;
        out.push({ name: entry.fileName, size, sha256: '', error: (err as Error).message });
        continue;
      }
      out.push({ name: entry.fileName, size, sha256: hash.digest('hex'), data: chunks && Buffer.concat(chunks) });
    }
    return out;
  } finally {
    zip.close();
  }
}
