/** The evaluation is pure and shared with the web UI, so it lives in src/schema; core keeps its import path. */
export * from '../../schema/risks/risk-level.js';
