import type { DatabaseHandle, DatabaseKind } from '../../src/db/connect.js';
import type { App } from '../../src/server/types.js';
import type { BenchCaller } from '../http-caller.js';

/** What every bench module gets: a fresh database of one kind, the app over it, one organization and its admin. */
export interface BenchEnv {
  kind: DatabaseKind;
  handle: DatabaseHandle;
  app: App;
  org: { id: string; slug: string };
  userId: string;
  /** the admin, signed in through the API over HTTP */
  c: BenchCaller;
  /** signs another user in, over HTTP */
  signIn(email: string, password: string): Promise<BenchCaller>;
}

/** One measured request (or short sequence): its median over `runs` must stay within `targetMs`. */
export interface BenchCase {
  name: string;
  targetMs: number;
  runs?: number;
  run: () => Promise<{ statusCode: number }>;
}

/**
 * Something measured as a whole rather than request by request (50 users at once, a reader during an import, a
 * page against the driver's floor): `run` answers its named figures, and `target` bounds one of them.
 */
export interface BenchScenario {
  name: string;
  target: { figure: string; max: number };
  run: () => Promise<Record<string, number>>;
}

/**
 * A module's share of `npm run bench`: `seed` fills the organization (bulk inserts, not the API, so seeding stays
 * quick) and says what it made; `cases` are measured after every module has seeded, then `scenarios`.
 */
export interface BenchModule {
  name: string;
  seed(env: BenchEnv): Promise<string>;
  cases(env: BenchEnv): BenchCase[] | Promise<BenchCase[]>;
  scenarios?(env: BenchEnv): BenchScenario[] | Promise<BenchScenario[]>;
}
