/** Options shared by the context registers (27001 4.1, 4.2). External first, as 27003 lists them. */
export const DIRECTIONS = ['external', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RELEVANCE_LEVELS = ['low', 'medium', 'high'] as const;
