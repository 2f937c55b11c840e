import { fuzzShard } from '../helpers/openapi-fuzz.js';

/** Generated input over every OpenAPI operation, shard 1 of 4 (see test/helpers/openapi-fuzz.ts). */
await fuzzShard(0, 4);
