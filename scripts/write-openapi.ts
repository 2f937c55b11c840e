// Writes docs/openapi.json from the route schemas. A test fails when the committed file is stale.
import fs from 'node:fs';
import { openApiDocument } from '../src/server/openapi-document.js';

fs.writeFileSync(new URL('../docs/openapi.json', import.meta.url), await openApiDocument());
console.log('docs/openapi.json written');
