import { z } from 'zod';

/**
 * Answers of the generic register routes that do not depend on the register's fields (the record itself is the
 * definition's `recordSchema`).
 */

/** Reference and title of the records that `record` fields point at, keyed by id. */
export const relatedSchema = z.record(
  z.string(),
  z.object({ type: z.string(), id: z.string(), ref: z.string(), title: z.string() }),
);

/** One entry of a record's history: created, a change with its before and after values, archived. */
export const historyEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  actorKind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historySchema = z.object({ items: z.array(historyEntrySchema) });

export const importIssueSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** What an import did (or, on a dry run, would do), row by row. */
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importIssueSchema),
  /** columns that were not used (unknown, or set by the server) */
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/**
 * A download: the file's bytes in the given content type (an export, a rendered document, a package). The handler
 * sends a string, a Buffer or a stream, which Fastify passes through unserialized; the document reads it as binary.
 */
export function fileResponse(contentType: string, description: string) {
  return {
    description,
    content: { [contentType]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } },
  };
}

/** The columns every register record has; a definition's `recordSchema` adds its own fields. */
export const registerRecordBaseSchema = z
  .object({
    id: z.string(),
    ref: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    archivedAt: z.string().nullable(),
  })
  .catchall(z.unknown());
export type RegisterRecord = z.infer<typeof registerRecordBaseSchema>;
