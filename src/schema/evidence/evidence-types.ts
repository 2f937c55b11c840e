/**
 * The kinds of file accepted as evidence. Anything else is refused at upload: no HTML, SVG, XML, scripts,
 * executables or macro-enabled Office files, so nothing stored can run in a browser or on a desktop when opened.
 * Binary kinds are recognised from their content (magic bytes, and the parts inside Office/OpenDocument ZIPs);
 * text kinds, which have no signature, from their extension, and they must be UTF-8 without NUL bytes.
 */
export interface EvidenceFileType {
  /** what the API stores and answers as `mediaType` */
  mediaType: string;
  /** accepted file-name extensions, the first being the one added to a name that has none */
  extensions: readonly string[];
  /** recognised by extension and checked as UTF-8 text (no content signature) */
  text?: boolean;
  /**
   * The Content-Type of downloads when it differs from `mediaType`: e-mail messages go out as a plain byte stream
   * because some browsers once rendered `message/rfc822` as a web page (MHTML).
   */
  servedAs?: string;
}

export const EVIDENCE_FILE_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mediaType: 'image/gif', extensions: ['gif'] },
  webp: { mediaType: 'image/webp', extensions: ['webp'] },
  txt: { mediaType: 'text/plain', extensions: ['txt', 'log'], text: true, servedAs: 'text/plain; charset=utf-8' },
  csv: { mediaType: 'text/csv', extensions: ['csv'], text: true, servedAs: 'text/csv; charset=utf-8' },
  json: { mediaType: 'application/json', extensions: ['json'], text: true },
  eml: { mediaType: 'message/rfc822', extensions: ['eml'], text: true, servedAs: 'application/octet-stream' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  zip: { mediaType: 'application/zip', extensions: ['zip'] },
} as const satisfies Record<string, EvidenceFileType>;

export type EvidenceFileTypeKey = keyof typeof EVIDENCE_FILE_TYPES;
export const EVIDENCE_FILE_TYPE_KEYS = Object.keys(EVIDENCE_FILE_TYPES) as [
  EvidenceFileTypeKey,
  ...EvidenceFileTypeKey[],
];

/** Every accepted extension, as a file input's `accept` list: `.pdf,.png,…`. */
export const EVIDENCE_ACCEPT = EVIDENCE_FILE_TYPE_KEYS.flatMap((k) =>
  EVIDENCE_FILE_TYPES[k].extensions.map((e) => `.${e}`),
).join(',');

/** The file type an extension (without the dot, any case) stands for, if it is accepted. */
export function fileTypeOfExtension(ext: string): EvidenceFileTypeKey | undefined {
  const lower = ext.toLowerCase();
  return EVIDENCE_FILE_TYPE_KEYS.find((k) => (EVIDENCE_FILE_TYPES[k].extensions as readonly string[]).includes(lower));
}

/** The extension of a file name, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i > 0 ? fileName.slice(i + 1) : '';
}

/** The Content-Type a stored file is downloaded with: never one a browser would run. */
export function servedContentType(key: string): string {
  const t = (EVIDENCE_FILE_TYPES as Record<string, EvidenceFileType>)[key];
  return t ? (t.servedAs ?? t.mediaType) : 'application/octet-stream';
}

/** Upload size limit when RAMPART_MAX_UPLOAD_MB is not set. */
export const DEFAULT_MAX_UPLOAD_MB = 25;
