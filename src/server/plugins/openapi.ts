import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../types.js';
import { declareFileRoutes } from './request-target.js';

export async function registerOpenApi(app: App, version: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rampart API',
        version,
        description: 'ISMS platform for ISO/IEC 27001. Errors are RFC 9457 problem+json. Cookie sessions send x-csrf-token on writes; automation uses Authorization: Bearer <API token>.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rampart_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
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
