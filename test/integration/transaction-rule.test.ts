import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Writers take the organization's (or the installation's) lock first: every transaction in src/core is opened by
 * src/core/transaction.ts, so a new module cannot forget it. The few exceptions write only to the installation's
 * audit chain, whose head `recordAudit` locks anyway, and each says why.
 */
const CORE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/core');
const ALLOWED: Record<string, string> = {
  'transaction.ts': 'the helpers themselves',
  'audit/audit.service.ts': 'recordAuditAlone: one event and nothing else, under the chain head lock recordAudit takes',
  'auth/login.ts': 'sign-in attempts and sessions: the installation chain only, locked by recordAudit',
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('transactions in core', () => {
  it('are opened through inOrgTransaction / inInstanceTransaction', () => {
    const offenders = files(CORE)
      .map((f) => path.relative(CORE, f).split(path.sep).join('/'))
      .filter((rel) => !(rel in ALLOWED))
      .filter((rel) => /\.transaction\(\)/.test(fs.readFileSync(path.join(CORE, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
