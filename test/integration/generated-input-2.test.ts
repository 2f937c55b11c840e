import { fuzzShard } from '../helpers/openapi-fuzz.js';

/** Generated input over every OpenAPI operation, shard 2 of 4 (see test/helpers/openapi-fuzz.ts). */
await fuzzShard(1, 4);
