import { renderInPool } from './render-in-pool.js';
import type { DocumentModel } from './document-model.js';
import { siblingModule } from '../core/util/worker-pool.js';

const LAYOUT = siblingModule(import.meta.url, 'document-docx-layout');

/**
 * The document as Word (DOCX), laid out in the worker pool like the PDF: the seconds a report of hundreds of charts
 * takes never stall other users' requests.
 */
export function renderDocx(doc: DocumentModel): Promise<Buffer> {
  return renderInPool(LAYOUT, 'layOutDocx', doc, 'DOCX');
}
