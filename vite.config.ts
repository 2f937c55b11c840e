import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${repoRoot}dist/web`;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy of each script and stylesheet next to it, once at build time, so the
 * server sends them compressed without compressing per request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'rampart-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(assets, name);
        const data = fs.readFileSync(file);
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

/** The web UI lives in src/web and is built into dist/web, which the Fastify server serves. */
export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // No source maps in what is shipped and served (they expose the whole source); `npm run dev:web` has its own.
    sourcemap: false,
    // Pages are split by route (router.tsx, *-routes.ts): the entry holds React, TanStack, zod and the shell.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
