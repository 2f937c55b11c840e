/** The evidence register's address segment (the generic register pages build `/o/$org/<path>` from it). */
export const evidencePagePath = 'evidence';
