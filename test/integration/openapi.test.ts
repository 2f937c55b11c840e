import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi-document.js';

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every API route', async () => {
    const doc = JSON.parse(await openApiDocument());
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/orgs/{org}/actions');
    expect(doc.paths['/api/v1/orgs/{org}/actions'].post.requestBody).toBeTruthy();
  });

  it('committed docs/openapi.json is up to date (run `npm run openapi` after changing routes)', async () => {
    const committed = fs.readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await openApiDocument());
  });
});
