/**
 * Progress of a file the server builds then sends (a certification pack, an evidence package): first nothing comes
 * while the server works ("building"), then the bytes arrive ("receiving", out of Content-Length when it says).
 */
export interface DownloadProgress {
  phase: 'building' | 'receiving';
  received: number;
  /** bytes announced by Content-Length; null when the server streams without one (or compresses) */
  total: number | null;
}

/** Content-Length as a byte count, or null when it is absent, not a number, or the body is encoded (gzip…). */
export function announcedLength(headers: Headers): number | null {
  if (headers.get('content-encoding')) return null;
  const raw = headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** The share received, 0–1, or null while it cannot be known (building, or no length announced). */
export function progressRatio(p: DownloadProgress): number | null {
  if (p.phase !== 'receiving' || p.total === null || p.total <= 0) return null;
  return Math.min(1, p.received / p.total);
}

/** Reads a response's body chunk by chunk, reporting the bytes so far, into one Blob of its content type. */
export async function readWithProgress(res: Response, onProgress: (p: DownloadProgress) => void): Promise<Blob> {
  const total = announcedLength(res.headers);
  const type = res.headers.get('content-type') ?? '';
  onProgress({ phase: 'receiving', received: 0, total });
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ phase: 'receiving', received, total });
  }
  return new Blob(chunks, { type });
}
