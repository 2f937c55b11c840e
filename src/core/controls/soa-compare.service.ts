import { soaStatementSchema, type SoaCompare, type SoaRow } from '../../schema/controls/soa.register.js';
import type { OrgContext } from '../context.js';
import { getVersion } from '../versioning/versions.service.js';
import { soaVersionedModule } from './soa.module.js';

const justificationKey = (r: SoaRow) =>
  JSON.stringify([
    r.risks.map((x) => x.ref),
    r.requirements.map((x) => x.ref),
    r.statedReason,
    r.exclusionReason,
    r.replacedBy,
    r.exclusionExplanation,
  ]);

/** Two versions line by line: added, removed, applicability, justification and implementation status changed. */
export async function compareSoa(ctx: OrgContext, recordId: string, from: number, to: number): Promise<SoaCompare> {
  const a = await getVersion(ctx, soaVersionedModule, recordId, from);
  const b = await getVersion(ctx, soaVersionedModule, recordId, to);
  const before = new Map(soaStatementSchema.parse(a.content.statement).rows.map((r) => [r.ref, r]));
  const after = new Map(soaStatementSchema.parse(b.content.statement).rows.map((r) => [r.ref, r]));
  const refs = [...new Set([...before.keys(), ...after.keys()])];
  const counts: Record<string, number> = {
    added: 0,
    removed: 0,
    applicability: 0,
    justification: 0,
    status: 0,
    other: 0,
  };
  const rows: SoaCompare['rows'] = [];
  for (const ref of refs) {
    const x = before.get(ref) ?? null;
    const y = after.get(ref) ?? null;
    const changes: SoaCompare['rows'][number]['changes'] = [];
    if (!x) changes.push('added');
    else if (!y) changes.push('removed');
    else {
      if (x.applicability !== y.applicability) changes.push('applicability');
      if (justificationKey(x) !== justificationKey(y)) changes.push('justification');
      if (x.implementationStatus !== y.implementationStatus || x.plannedDate !== y.plannedDate) changes.push('status');
      if (!changes.length && JSON.stringify(x) !== JSON.stringify(y)) changes.push('other');
    }
    for (const c of changes) counts[c] = (counts[c] ?? 0) + 1;
    if (changes.length) rows.push({ ref, title: (y ?? x)!.title, changes, before: x, after: y });
  }
  return {
    from: { versionNo: a.versionNo, state: a.state },
    to: { versionNo: b.versionNo, state: b.state },
    counts,
    rows,
  };
}
