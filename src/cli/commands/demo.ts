import type { Command } from 'commander';
import { loadDemo, type DemoResult } from '../../core/demo/demo.service.js';
import { withDatabase } from '../runtime.js';

export function printDemo(demo: DemoResult) {
  console.log(
    demo.created
      ? `\nDemo organization "${demo.org.name}" loaded (slug: ${demo.org.slug}).`
      : `\nDemo organization "${demo.org.name}" is already loaded (slug: ${demo.org.slug}).`,
  );
  console.log(`Sign in with any of these (password for all: ${demo.password}):`);
  for (const u of demo.users) console.log(`  ${u.role.padEnd(13)} ${u.email.padEnd(26)} ${u.name}`);
}

export function demoCommand(program: Command) {
  program
    .command('demo')
    .description('Load the demo organization "Example Ltd" with one user per role (does nothing if already loaded)')
    .action(async () => {
      await withDatabase(async (handle) => printDemo(await loadDemo(handle.db)));
    });
}
