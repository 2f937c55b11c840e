import { fuzzShard } from '../helpers/openapi-fuzz.js';

/** Generated input over every OpenAPI operation, shard 3 of 4 (see test/helpers/openapi-fuzz.ts). */
await fuzzShard(2, 4);
