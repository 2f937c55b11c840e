import { z } from 'zod';
import { renderDocx } from '../../reports/document-docx.js';
import { renderPdf } from '../../reports/document-pdf.js';
import { MAX_REPORT_YEARS } from '../../core/measurement/report-range.js';
import { MAX_REPORT_RESULTS, measureReport } from '../../reports/measure-report.js';
import { isoDateSchema } from '../../schema/common/primitives.js';
import { fileResponse } from '../../schema/register/register-responses.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

/** A report's date: measurement records start in modern times, and year-0 arithmetic has no calendar to land on. */
const reportDate = isoDateSchema.refine((d) => d >= '1900-01-01', 'A date from 1900 on');

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
} as const;

/** The periodic report of monitoring and measurement (27001 9.1, its documented information), as DOCX and PDF. */
export async function measureReportRoutes(app: App) {
  for (const format of ['pdf', 'docx'] as const)
    app.get(
      `/api/v1/orgs/:org/measures/report.${format}`,
      {
        config: { permission: 'measure.export' },
        schema: {
          tags: ['measures'],
          summary: `The monitoring and measurement report of from/to as ${format.toUpperCase()} (9.1): overview, per measure its definition, ${format === 'pdf' ? 'a chart, ' : ''}values and evaluations`,
          description: `Every active measure by reference. Dates default to the last 12 months up to today; \`to\` before \`from\` answers 400 on \`query.to\`, more than ${MAX_REPORT_YEARS} years or more than ${MAX_REPORT_RESULTS.toLocaleString('en')} results 400 on \`query.from\`.${format === 'pdf' ? ' Laid out in the worker pool: when it is busy, 429.' : ' Each chart is an SVG picture with a PNG fallback; the values are in tables too.'}`,
          params: z.object({ org: z.string() }),
          querystring: z.strictObject({ from: reportDate.optional(), to: reportDate.optional() }),
          response: { 200: fileResponse(FORMATS[format].type, `The measurement report as ${format.toUpperCase()}`) },
        },
      },
      async (request, reply) => {
        const document = await measureReport(orgCtx(request), request.query, format);
        const body = await FORMATS[format].render(document);
        return reply
          .type(FORMATS[format].type)
          .header('content-disposition', `attachment; filename="${document.filenameBase}.${format}"`)
          .send(body);
      },
    );
}
