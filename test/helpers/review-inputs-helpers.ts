import type { OrgContext } from '../../src/core/context.js';
import { REGISTERS } from '../../src/core/modules.js';
import { compileRecordInputs } from '../../src/core/management-review/review-inputs.service.js';
import type { ReviewInputSection } from '../../src/schema/management-review/review-inputs.schema.js';
import type { TestEnv } from './app.js';
import type { TestOrg } from './factories.js';

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFrom = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export const ctxOf = (env: TestEnv, o: TestOrg): OrgContext => ({
  db: env.handle.db,
  org: { id: o.id, slug: o.slug, name: o.name },
  role: 'admin',
  actor: { kind: 'user', userId: o.users.admin.id, label: 'admin' },
  registers: REGISTERS,
});

/** The compiled inputs b–g of an organization, looked up by key and by the start of a fact's label. */
export async function compile(env: TestEnv, o: TestOrg, asOf: string, since: string | null) {
  const sections = await compileRecordInputs(ctxOf(env, o), env.handle.db, { asOf, since });
  const section = (key: ReviewInputSection['key']) => sections.find((s) => s.key === key)!;
  const fact = (key: ReviewInputSection['key'], label: string): number => {
    const found = section(key).facts.find(([l]) => l.startsWith(label));
    if (!found)
      throw new Error(
        `no fact "${label}" in ${key}: ${section(key)
          .facts.map(([l]) => l)
          .join(' | ')}`,
      );
    return Number(found[1]);
  };
  const table = (key: ReviewInputSection['key'], title: string) =>
    section(key).tables.find((t) => t.title.startsWith(title))!;
  return { sections, section, fact, table };
}
