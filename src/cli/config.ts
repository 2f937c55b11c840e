import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { AuthSettings } from '../core/auth/settings.js';
import { DEFAULT_AUTH_SETTINGS } from '../core/auth/settings.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting comes from the environment, with a default that works on a laptop; nothing else to configure. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  RAMPART_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  RAMPART_MIGRATION_DATABASE_URL: z.string().optional(),
  RAMPART_SIGNING_KEY_FILE: z.string().optional(),
  RAMPART_TRUST_PROXY: z.string().trim().default('0'),
  RAMPART_LOG: z.enum(['0', '1', 'true', 'false']).default('1'),
  RAMPART_SESSION_IDLE_MINUTES: positiveInt(DEFAULT_AUTH_SETTINGS.sessionIdleMinutes),
  RAMPART_SESSION_MAX_HOURS: positiveInt(DEFAULT_AUTH_SETTINGS.sessionMaxHours),
  RAMPART_LOGIN_MAX_FAILURES: positiveInt(DEFAULT_AUTH_SETTINGS.maxFailuresPerAccount),
  RAMPART_LOGIN_MAX_FAILURES_PER_IP: positiveInt(DEFAULT_AUTH_SETTINGS.maxFailuresPerIp),
  // how often built-in measures are sampled (each tick takes only what is due); at least a minute
  RAMPART_SAMPLING_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(15 * 60_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** the tables' owner, used only to migrate (the server then connects as DATABASE_URL, a role without DDL) */
  migrationDatabaseUrl?: string;
  /** the instance signing key (PEM), outside the database */
  signingKeyFile: string;
  /** signed audit checkpoints, one JSON line each, outside the database */
  checkpointLog: string;
  /** false, a number of proxy hops, or the proxies' addresses and CIDR ranges (Fastify's trustProxy) */
  trustProxy: TrustProxy;
  log: boolean;
  auth: AuthSettings;
  /** how often the built-in measures that are due are sampled (RAMPART_SAMPLING_INTERVAL_MS) */
  samplingIntervalMs: number;
}

const truthy = (v: string) => v === '1' || v === 'true';

export type TrustProxy = false | number | string[];

const isAddressOrRange = (entry: string) => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const kind = isIP(address);
  if (!kind || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128);
};

/**
 * RAMPART_TRUST_PROXY: `0` (direct connections), a hop count (`1`: one reverse proxy in front, whose
 * X-Forwarded-For entry is the client; entries further left are the client's own claims and never believed), or
 * the proxies' addresses and CIDR ranges separated by commas. `true` is read as one hop, never as "believe
 * everything".
 */
export function parseTrustProxy(value: string): TrustProxy {
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new Error('Invalid environment:\n  RAMPART_TRUST_PROXY: a hop count is at most 20');
    return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (!entries.length || bad.length) {
    throw new Error(
      `Invalid environment:\n  RAMPART_TRUST_PROXY: expected 0, a hop count, or addresses/CIDR ranges separated by commas (not valid: ${bad.join(', ') || value})`,
    );
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.RAMPART_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL || undefined,
    migrationDatabaseUrl: e.RAMPART_MIGRATION_DATABASE_URL || undefined,
    signingKeyFile: path.resolve(e.RAMPART_SIGNING_KEY_FILE || path.join(dataDir, 'signing-key.pem')),
    checkpointLog: path.join(dataDir, 'audit-checkpoints.log'),
    trustProxy: parseTrustProxy(e.RAMPART_TRUST_PROXY),
    log: truthy(e.RAMPART_LOG),
    auth: {
      ...DEFAULT_AUTH_SETTINGS,
      sessionIdleMinutes: e.RAMPART_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.RAMPART_SESSION_MAX_HOURS,
      maxFailuresPerAccount: e.RAMPART_LOGIN_MAX_FAILURES,
      maxFailuresPerIp: e.RAMPART_LOGIN_MAX_FAILURES_PER_IP,
    },
    samplingIntervalMs: e.RAMPART_SAMPLING_INTERVAL_MS,
  };
}
