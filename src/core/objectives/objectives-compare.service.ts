import {
  objectivesSnapshotSchema,
  type ObjectivesCompare,
  type ObjectiveSnapshot,
} from '../../schema/objectives/objectives-document.register.js';
import type { OrgContext } from '../context.js';
import { getVersion } from '../versioning/versions.service.js';
import { objectivesDocumentVersionedModule } from './objectives-document.module.js';

type Change = ObjectivesCompare['rows'][number]['changes'][number];

/** What changed in one objective between two versions (the latest value and status move on their own: not a change). */
function changesOf(x: ObjectiveSnapshot, y: ObjectiveSnapshot): Change[] {
  const out: Change[] = [];
  if (x.targetValue !== y.targetValue || x.targetUnit !== y.targetUnit || x.targetDirection !== y.targetDirection)
    out.push('target');
  if (x.deadline !== y.deadline) out.push('deadline');
  if (x.statement !== y.statement || x.title !== y.title) out.push('statement');
  const rest = (o: ObjectiveSnapshot) => {
    const {
      targetValue: _tv,
      targetUnit: _tu,
      targetDirection: _td,
      deadline: _d,
      statement: _s,
      title: _t,
      latestValue: _lv,
      latestValueDate: _lvd,
      progressStatus: _ps,
      ...others
    } = o;
    return JSON.stringify(others);
  };
  if (rest(x) !== rest(y)) out.push('other');
  return out;
}

/** Two versions objective by objective: added, removed, target, deadline, statement and anything else changed. */
export async function compareObjectives(
  ctx: OrgContext,
  recordId: string,
  from: number,
  to: number,
): Promise<ObjectivesCompare> {
  const a = await getVersion(ctx, objectivesDocumentVersionedModule, recordId, from);
  const b = await getVersion(ctx, objectivesDocumentVersionedModule, recordId, to);
  const before = new Map(objectivesSnapshotSchema.parse(a.content.objectives).objectives.map((o) => [o.ref, o]));
  const after = new Map(objectivesSnapshotSchema.parse(b.content.objectives).objectives.map((o) => [o.ref, o]));
  const counts: Record<string, number> = { added: 0, removed: 0, target: 0, deadline: 0, statement: 0, other: 0 };
  const rows: ObjectivesCompare['rows'] = [];
  for (const ref of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(ref) ?? null;
    const y = after.get(ref) ?? null;
    const changes: Change[] = !x ? ['added'] : !y ? ['removed'] : changesOf(x, y);
    for (const c of changes) counts[c] = (counts[c] ?? 0) + 1;
    const title = y?.title ?? x?.title ?? ref;
    if (changes.length) rows.push({ ref, title, changes, before: x, after: y });
  }
  return {
    from: { versionNo: a.versionNo, state: a.state },
    to: { versionNo: b.versionNo, state: b.state },
    counts,
    rows,
  };
}
