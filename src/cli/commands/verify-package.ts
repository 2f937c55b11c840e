import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from '../io.js';
import { formatReport, verifyPackage } from './verify-package-check.js';

/** Checks a package file and prints the report; true when it holds. No database is opened. */
export async function runVerifyPackage(file: string, print: (line: string) => void = console.log): Promise<boolean> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const report = await verifyPackage(data);
  for (const line of formatReport(file, report)) print(line);
  return report.ok;
}

export function verifyPackageCommand(program: Command) {
  program
    .command('verify-package')
    .argument('<zip>', 'an evidence package exported from Rampart (Documents → Evidence package)')
    .description('Verify an evidence package offline: file hashes and sizes against its manifest, no file missing or added, content and approval hashes; exits 1 on any failure')
    .action(async (file: string) => {
      if (!(await runVerifyPackage(file))) process.exitCode = 1;
    });
}
