import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestFile } from './api-client.js';
import { announcedLength, progressRatio, readWithProgress, type DownloadProgress } from './download-progress.js';

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });

describe('readWithProgress', () => {
  it('reports the bytes as they arrive, out of Content-Length, and answers the whole body', async () => {
    const res = new Response(streamOf([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]), {
      headers: { 'content-length': '5', 'content-type': 'application/zip' },
    });
    const seen: DownloadProgress[] = [];
    const blob = await readWithProgress(res, (p) => seen.push(p));
    expect(seen.map((p) => p.received)).toEqual([0, 3, 5]);
    expect(seen.every((p) => p.phase === 'receiving' && p.total === 5)).toBe(true);
    expect(blob.type).toBe('application/zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('announcedLength and progressRatio', () => {
  it('trusts Content-Length only for an unencoded body', () => {
    expect(announcedLength(new Headers({ 'content-length': '42' }))).toBe(42);
    expect(announcedLength(new Headers({ 'content-length': '42', 'content-encoding': 'gzip' }))).toBeNull();
    expect(announcedLength(new Headers({ 'content-length': 'many' }))).toBeNull();
    expect(announcedLength(new Headers())).toBeNull();
  });

  it('knows no share while building or without a length, and never passes 1', () => {
    expect(progressRatio({ phase: 'building', received: 0, total: null })).toBeNull();
    expect(progressRatio({ phase: 'receiving', received: 10, total: null })).toBeNull();
    expect(progressRatio({ phase: 'receiving', received: 5, total: 10 })).toBe(0.5);
    expect(progressRatio({ phase: 'receiving', received: 12, total: 10 })).toBe(1);
  });
});

describe('requestFile with onProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says it is building before the answer comes, then counts the bytes of the file it answers', async () => {
    const seen: DownloadProgress[] = [];
    let fetched = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        // the server is still building: nothing but "building" may have been reported yet
        expect(seen).toEqual([{ phase: 'building', received: 0, total: null }]);
        fetched = true;
        return new Response(streamOf([new Uint8Array([0x50, 0x4b]), new Uint8Array([3, 4])]), {
          headers: { 'content-length': '4', 'content-disposition': 'attachment; filename="p.zip"' },
        });
      }),
    );
    const file = await requestFile('POST', '/x', { body: { date: '2026-12-07' }, onProgress: (p) => seen.push(p) });
    expect(fetched).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'receiving', received: 4, total: 4 });
    expect(file.fileName).toBe('p.zip');
    expect(file.blob.size).toBe(4);
  });
});
