#!/usr/bin/env node
// The `rampart` command. The TypeScript sources are bundled into dist/ when they changed (bin/compile-cli.mjs), so
// there is no compile step to forget and a command starts quickly; RAMPART_TSX=1 runs the sources through tsx.
if (process.env.RAMPART_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const { compiledCli } = await import('./compile-cli.mjs');
  await import(await compiledCli());
}
