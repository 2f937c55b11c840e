// The one file every worker thread of the pool (worker-pool.ts) starts with. Plain JavaScript, because a worker
// starts without the TypeScript loader the main thread runs under: it registers tsx itself when the task's module
// is TypeScript (development, tests, `npm start`), then calls the task's function with its input.
let registered = false;

export default async function run({ module, fn, input }) {
  if (module.endsWith('.ts') && !registered) {
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
  }
  const mod = await import(module);
  return mod[fn](input);
}
