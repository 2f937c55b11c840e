// The load of `concurrentUsers` (bench/load.ts), run in its own process so that the clients do not share the
// server's event loop: argv[2] is JSON { origin, headers, users, each, paths }; prints the latencies (ms) as JSON.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const { origin, headers, users, each, paths } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: users });
const get = (path) =>
  new Promise((resolve, reject) => {
    const req = http.request(new URL(path, origin), { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const times = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: users }, async (_, u) => {
    for (let i = 0; i < each; i++) {
      const path = paths[(u + i) % paths.length];
      const s = performance.now();
      const status = await get(path);
      times.push(performance.now() - s);
      if (status >= 400) throw new Error(`HTTP ${status} for ${path}`);
    }
  }),
);
process.stdout.write(JSON.stringify({ times, seconds: (performance.now() - t0) / 1000 }));
agent.destroy();
