import { siblingModule } from '../core/util/worker-pool.js';
import type { DocumentModel } from './document-model.js';
import { renderInPool } from './render-in-pool.js';

export { TooLargeToRenderError } from './render-in-pool.js';

const LAYOUT = siblingModule(import.meta.url, 'document-pdf-layout');

/**
 * The same document as a PDF: for auditors who file PDFs and for printing. The layout (pdfmake: fonts, line
 * breaking, pages) runs in a worker thread, so the seconds a long SoA takes never stall other users' requests.
 */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  return renderInPool(LAYOUT, 'layOutPdf', doc, 'PDF');
}
