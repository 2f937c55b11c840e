import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../types.js';
import { sendProblem } from './problem.js';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rampart</title>
<body style="font-family:system-ui;margin:3rem"><h1>Rampart</h1><p>The web interface has not been built yet.
Run <code>npm run build</code> (npm start does it for you), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** Serves the built web app; any other non-API path gets index.html so client-side routes survive a reload. */
export async function registerWebUi(app: App, webDir: string) {
  const indexFile = path.join(webDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h' });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(reply, 404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(indexFile));
  });
}
