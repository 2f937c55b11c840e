import { z } from 'zod';

/**
 * A chart as data, independent of how it is drawn: core builds it from records (a management review's trends, a
 * measure's values), the web draws it with its chart kit, the PDF and DOCX renderers draw it as SVG (and PNG for
 * Word). One shape, so a chart frozen in an approved version is drawn the same way everywhere.
 */
export const chartSpecSchema = z.object({
  kind: z.enum(['line', 'bar']),
  /** the values' unit ("%", "days"), said on the axis */
  unit: z.string().max(40).nullable(),
  /** the categories along the horizontal axis: periods ('2026-03'), sources, statuses */
  categories: z.array(z.string().max(80)).max(400),
  /** one value per category; null: no value (a line breaks there) */
  series: z
    .array(z.object({ name: z.string().max(120), values: z.array(z.number().nullable()).max(400) }))
    .min(1)
    .max(8),
  /** horizontal lines across the plot: a target (solid-dashed) or a threshold (dotted), each labelled */
  references: z
    .array(z.object({ label: z.string().max(80), value: z.number(), style: z.enum(['target', 'threshold']) }))
    .max(4)
    .default([]),
  /** one sentence saying what it shows: alternative text, and the text where a chart cannot be drawn */
  description: z.string().max(400),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;
