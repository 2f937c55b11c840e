import { fileTypeFromBuffer } from 'file-type';
import {
  EVIDENCE_FILE_TYPES,
  EVIDENCE_FILE_TYPE_KEYS,
  extensionOf,
  fileTypeOfExtension,
  type EvidenceFileTypeKey,
} from '../../schema/evidence/evidence-types.js';
import { ValidationError } from '../errors.js';

const FIELD = 'body.file';
const accepted = () => EVIDENCE_FILE_TYPE_KEYS.join(', ');
const refuse = (message: string) => new ValidationError([{ field: FIELD, message }], message);

// Markup a browser could render (HTML, SVG, XML) does not pass as plain text, whatever its name says.
const MARKUP_START = /^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|link|style)\b/i;

export interface DetectedType {
  fileType: EvidenceFileTypeKey;
  mediaType: string;
  /** the extension the stored name ends with */
  extension: string;
}

/**
 * What a file is, from its content first: a binary file must be of an accepted kind and its name, if it has an
 * extension, must say the same (a PNG called `invoice.pdf` is refused, so that what an auditor downloads opens as
 * what it claims to be). Text files have no signature: their extension decides, and the content must be UTF-8
 * text that is not markup. Every refusal is a 400 on `body.file` that says why.
 */
export async function detectFileType(content: Buffer, fileName: string): Promise<DetectedType> {
  const ext = extensionOf(fileName).toLowerCase();
  const byName = ext ? fileTypeOfExtension(ext) : undefined;
  const sniffed = await fileTypeFromBuffer(content);
  if (sniffed) {
    const byContent = EVIDENCE_FILE_TYPE_KEYS.find(
      (k) => EVIDENCE_FILE_TYPES[k].mediaType === sniffed.mime && !isText(k),
    );
    if (!byContent)
      throw refuse(
        `This file's content is ${sniffed.ext.toUpperCase()} (${sniffed.mime}), which is not accepted as evidence; accepted: ${accepted()}`,
      );
    if (ext && byName !== byContent)
      throw refuse(
        `The content is ${byContent.toUpperCase()} but the name ends in .${ext}; rename the file or upload the right one`,
      );
    return {
      fileType: byContent,
      mediaType: EVIDENCE_FILE_TYPES[byContent].mediaType,
      extension: ext || EVIDENCE_FILE_TYPES[byContent].extensions[0],
    };
  }
  if (!ext) throw refuse(`The type of this file cannot be told: give it an extension (accepted: ${accepted()})`);
  if (!byName) throw refuse(`.${ext} files are not accepted as evidence; accepted: ${accepted()}`);
  if (!isText(byName)) throw refuse(`The name ends in .${ext} but the content is not ${byName.toUpperCase()}`);
  const text = utf8Text(content);
  if (text === null) throw refuse(`A .${ext} file must be UTF-8 text without NUL characters`);
  if (MARKUP_START.test(text.slice(0, 1024)))
    throw refuse(`This .${ext} file holds markup (HTML, SVG or XML), which is not accepted as evidence`);
  return { fileType: byName, mediaType: EVIDENCE_FILE_TYPES[byName].mediaType, extension: ext };
}

function isText(key: EvidenceFileTypeKey): boolean {
  return 'text' in EVIDENCE_FILE_TYPES[key] && EVIDENCE_FILE_TYPES[key].text === true;
}

function utf8Text(content: Buffer): string | null {
  if (content.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}
