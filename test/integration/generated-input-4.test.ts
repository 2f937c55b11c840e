import { fuzzShard } from '../helpers/openapi-fuzz.js';

/** Generated input over every OpenAPI operation, shard 4 of 4 (see test/helpers/openapi-fuzz.ts). */
await fuzzShard(3, 4);
