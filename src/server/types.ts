import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connect.js';
import type { AuthSettings } from '../core/auth/settings.js';
import type { ResolvedSession } from '../core/auth/sessions.js';
import type { ResolvedToken } from '../core/auth/tokens.js';
import type { OrgContext } from '../core/context.js';
import type { Permission } from '../schema/auth/permissions.js';
import type { InstanceKey } from '../core/signing/instance-key.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RequestAuth = { kind: 'session'; session: ResolvedSession } | { kind: 'token'; token: ResolvedToken };

export interface RouteEntry {
  method: string;
  url: string;
  permission?: Permission;
  access?: 'public' | 'user';
  /** a body limit of the route's own (a batch larger than the default), when it has one */
  bodyLimit?: number;
}

export interface AppDeps {
  handle: DatabaseHandle;
  auth: AuthSettings;
  /** signs evidence packages and audit checkpoints; kept outside the database */
  signingKey: InstanceKey;
  /** the JSON-lines file every checkpoint is appended to, outside the database (none in tests unless given) */
  checkpointLog?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route. Every route declares exactly one (a test checks):
     * `permission` for organization routes (`/orgs/:org/…`), or `access: 'public' | 'user'`.
     */
    permission?: Permission;
    access?: 'public' | 'user';
    /** a file of the web app or the API reader (set by `declareFileRoutes`): public, no credentials read */
    files?: true;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
    orgCtx: OrgContext | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** every route with its access declaration, for the permission tests and the role matrix */
    routeCatalog: RouteEntry[];
  }
}
