import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../types.js';
import { sendProblem } from './problem.js';
import { declareFileRoutes } from './request-target.js';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rampart</title>
<body style="font-family:system-ui;margin:3rem"><h1>Rampart</h1><p>The web interface has not been built yet.
Run <code>npm run build</code> (npm start does it for you), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the built web app; any other page path gets index.html so client-side routes survive a reload. Asset files
 * are looked up per request (`wildcard: true`), so a rebuild while the server runs is served at once; a missing file
 * (a path with an extension) is a 404, never index.html, so a stale script tag fails plainly.
 */
export async function registerWebUi(app: App, webDir: string) {
  const indexFile = path.join(webDir, 'index.html');
  const built = fs.existsSync(indexFile);
  // Only the build's assets folder is served as files (Vite names them by content hash, so they may be cached).
  const assets = path.join(webDir, 'assets');
  if (built && fs.existsSync(assets)) {
    await app.register(async (scope: App) => {
      declareFileRoutes(scope);
      // The build writes .br and .gz copies beside each script and stylesheet; one is sent when the browser accepts it.
      await scope.register(fastifyStatic, {
        root: assets,
        prefix: '/assets/',
        wildcard: true,
        index: false,
        maxAge: '1h',
        immutable: true,
        preCompressed: true,
      });
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(reply, 404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) return sendProblem(reply, 404, 'not-found', 'No such file');
    return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(indexFile));
  });
}
