import { diffWordsWithSpace } from 'diff';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { getVersion } from './versions.service.js';
import type { SectionComparison, ValueChange } from '../../schema/versioning/version-responses.js';
import type { VersionedModule } from './versioned-module.js';

type Row = Record<string, string>;

export type { SectionComparison, ValueChange };

/** The leaves of a JSON value by path; arrays by index, so a level renamed shows as that level's label changing. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(path, value);
    for (const [k, v] of entries) leaves(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value);
  }
  return out;
}

export function valueChanges(before: unknown, after: unknown): ValueChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => canonicalJson(a.get(p) ?? null) !== canonicalJson(b.get(p) ?? null))
    .map((p) => ({ path: p, before: a.has(p) ? a.get(p) : null, after: b.has(p) ? b.get(p) : null }));
}

/** Two versions side by side, section by section, with what changed between them. */
export async function compareVersions(
  ctx: OrgContext,
  vm: VersionedModule,
  recordId: string,
  from: number,
  to: number,
) {
  const [a, b] = await Promise.all([getVersion(ctx, vm, recordId, from), getVersion(ctx, vm, recordId, to)]);
  const sections: SectionComparison[] = vm.versioned.sections.map((section) => {
    const before = a.content[section.key];
    const after = b.content[section.key];
    const changed = canonicalJson(before) !== canonicalJson(after);
    if (section.kind === 'text') {
      return {
        key: section.key,
        kind: 'text',
        changed,
        parts: diffWordsWithSpace(String(before ?? ''), String(after ?? '')).map((p) => ({
          value: p.value,
          ...(p.added ? { added: true } : {}),
          ...(p.removed ? { removed: true } : {}),
        })),
      };
    }
    if (section.kind === 'data')
      return { key: section.key, kind: 'data', changed, changes: valueChanges(before, after) };
    const oldRows = (before as Row[] | undefined) ?? [];
    const newRows = (after as Row[] | undefined) ?? [];
    const key = (r: Row) => canonicalJson(r);
    const oldKeys = new Set(oldRows.map(key));
    const newKeys = new Set(newRows.map(key));
    return {
      key: section.key,
      kind: 'table',
      changed,
      removedRows: oldRows.filter((r) => !newKeys.has(key(r))),
      addedRows: newRows.filter((r) => !oldKeys.has(key(r))),
      keptRows: newRows.filter((r) => oldKeys.has(key(r))),
    };
  });
  const summary = (v: typeof a) => ({
    versionNo: v.versionNo,
    state: v.state,
    stage: v.stage,
    contentHash: v.contentHash,
    approvedAt: v.approvedAt,
    updatedAt: v.updatedAt,
  });
  return { from: summary(a), to: summary(b), sections };
}
