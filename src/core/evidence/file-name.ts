/**
 * A file name as a browser, a desktop or an archive may safely use it, from whatever the client sent. The stored
 * name is shown in lists and offered when the file is downloaded, so it must carry no path (`../../etc/passwd`,
 * `C:\evil.exe`), no control character, no bidirectional override (`invoice‮fdp.exe` shows as `invoiceexe.pdf`),
 * no character Windows forbids, and no device name Windows reserves.
 */
const MAX_NAME_LENGTH = 200;

// C0 and C1 controls and DEL; bidirectional marks, embeddings, overrides and isolates; zero-width characters and the
// byte order mark; line and paragraph separators.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The last component of a path written with either slash (a browser on Windows may send the full path). */
function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** `sanitized` is '' when nothing usable is left; the caller names the file then. */
export function sanitizeFileName(raw: string): string {
  let name = baseName(raw.normalize('NFC'))
    .replace(INVISIBLE, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    // no hidden files, nothing that ends in a dot or a space (Windows drops them, and `a.pdf.` is not a PDF)
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (WINDOWS_DEVICES.test(stem.trim())) name = `_${name}`;
  if ([...name].length > MAX_NAME_LENGTH) {
    const at = name.lastIndexOf('.');
    const ext = at > 0 && name.length - at <= 10 ? name.slice(at) : '';
    const keep = [...name.slice(0, name.length - ext.length)]
      .slice(0, MAX_NAME_LENGTH - [...ext].length)
      .join('')
      .replace(/[\s.]+$/, '');
    name = `${keep}${ext}`;
  }
  return name;
}

/**
 * The value of a Content-Disposition header offering the file for download: a plain-ASCII `filename` for old
 * clients and the exact name as `filename*` (RFC 6266, RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
