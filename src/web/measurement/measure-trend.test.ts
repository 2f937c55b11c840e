import { describe, expect, it } from 'vitest';
import { trendRows } from './measure-trend.js';

describe('trendRows', () => {
  it('orders periods oldest first and names each status in words with its symbol', () => {
    const rows = trendRows(
      [
        { periodKey: '2026-03', value: 80, rag: 'red' },
        { periodKey: '2026-01', value: 97, rag: 'green' },
        { periodKey: '2026-02', value: null, rag: null },
      ],
      (rag) => rag.toUpperCase(),
    );
    expect(rows).toEqual([
      { period: '2026-01', value: 97, status: '✓ GREEN' },
      { period: '2026-02', value: null, status: '–' },
      { period: '2026-03', value: 80, status: '✗ RED' },
    ]);
  });
});
