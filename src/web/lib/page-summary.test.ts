import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refetchUnlessSeeded, seedQuery } from './page-summary.js';

const queryOf = (client: QueryClient, key: unknown[]) => client.getQueryCache().find({ queryKey: key, exact: true })!;

describe('what a page summary fills is not asked for again by the cards mounting under it', () => {
  it('a part just seeded is not refetched on mount; one read the usual way, or one invalidated since, is', async () => {
    const client = new QueryClient();
    seedQuery(client, ['org', 'a', 'links', 'risk', '1'], { items: [] });
    expect(refetchUnlessSeeded(queryOf(client, ['org', 'a', 'links', 'risk', '1']))).toBe(false);

    client.setQueryData(['org', 'a', 'links', 'risk', '2'], { items: [] });
    expect(refetchUnlessSeeded(queryOf(client, ['org', 'a', 'links', 'risk', '2']))).toBe(true);

    await client.invalidateQueries({ queryKey: ['org', 'a', 'links'] });
    expect(refetchUnlessSeeded(queryOf(client, ['org', 'a', 'links', 'risk', '1']))).toBe(true);
  });

  it('a part the caller may not read (undefined) is not put in the cache at all', () => {
    const client = new QueryClient();
    seedQuery(client, ['org', 'a', 'evidence'], undefined);
    expect(client.getQueryCache().find({ queryKey: ['org', 'a', 'evidence'] })).toBeUndefined();
  });
});
