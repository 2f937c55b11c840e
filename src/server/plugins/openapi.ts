import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../types.js';
import { declareFileRoutes } from './request-target.js';
import { describeOperations, openApiPath, type OperationFacts } from '../openapi-operations.js';

export async function registerOpenApi(app: App, version: string) {
  // Facts of each documented route, gathered as the plugin transforms it, for the operation ids and error answers.
  const facts = new Map<string, OperationFacts>();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rampart API',
        version,
        description:
          'ISMS platform for ISO/IEC 27001. Errors are RFC 9457 problem+json. Cookie sessions send x-csrf-token on writes; automation uses Authorization: Bearer <API token>.',
        license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rampart_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const { route } = input;
      for (const method of [route.method].flat()) {
        facts.set(`${method} ${openApiPath(input.url)}`, {
          method,
          url: input.url,
          access: route.config?.access,
          permission: route.config?.permission,
          takesBody: Boolean(route.schema?.body) || route.bodyLimit !== undefined,
        });
      }
      return out;
    },
    // Set here, not as the plugin's `servers` option, which would also strip the server's path from every path.
    transformObject: (doc) =>
      'openapiObject' in doc
        ? {
            ...describeOperations(doc.openapiObject as never, facts),
            servers: [{ url: '/', description: 'This Rampart instance' }],
          }
        : doc.swaggerObject,
  });
  await app.register(async (scope: App) => {
    declareFileRoutes(scope);
    await scope.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      // The plugin's policy allows its own inline scripts by hash and no other script; styles as in the app (the
      // reader sets inline styles); kept working over plain HTTP (an intranet install) and never framed.
      staticCSP: true,
      transformStaticCSP: (csp) =>
        csp
          .replace(/\s*upgrade-insecure-requests;?/, '')
          .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
          .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
    });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
