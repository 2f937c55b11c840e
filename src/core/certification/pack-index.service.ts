import type { PackIndex, PackItem } from '../../schema/certification/certification-pack.schema.js';
import type { OrgContext } from '../context.js';
import { untypedDb } from '../register/untyped-db.js';
import { nowIso } from '../util/ids.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { PACK_ITEMS, type PackItemConfig, type VersionedPackSource } from './pack-items.js';

/**
 * Records of one requirement beyond this many are not listed (nor packed): the documents register is the only
 * requirement that grows that far, and 500 PDFs is already a long request (the evidence package has the same cap).
 */
export const MAX_RECORDS_PER_ITEM = 500;

/** An index item with what the ZIP builder needs to fetch its files. */
export interface ResolvedPackItem {
  item: PackItem;
  /** the item's folder in the ZIP */
  dir: string;
  versioned?: { vm: VersionedModule; recordId: string; versionId: string; versionNo: number; contentHash: string };
  generator?: 'measurement' | 'nonconformities';
}

/** The end of a day in UTC, as stored timestamps are written (ISO, milliseconds, Z): compared as text. */
export const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

export const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

/** Versioned item files: the PDF as exported, the hashed source, the approvals. */
export const versionFiles = (dir: string) => [`${dir}/document.pdf`, `${dir}/content.json`, `${dir}/approvals.json`];

export const GENERATED_FILES = {
  measurement: ['measurement-report.pdf', 'measurement-results.xlsx'],
  nonconformities: ['nonconformities-register.xlsx'],
} as const;

interface RecordRow {
  id: string;
  ref: string;
  createdAt: string;
  title: string;
}

async function recordsOf(ctx: OrgContext, vm: VersionedModule, src: VersionedPackSource, end: string) {
  const def = vm.register.def;
  let q = untypedDb(ctx.db)
    .selectFrom(def.table)
    .select(['id', 'ref', 'createdAt', `${def.titleField} as title`])
    .where('orgId', '=', ctx.org.id)
    .where('createdAt', '<=', end)
    // archived after the date: it was still in force that day
    .where((eb) => eb.or([eb('archivedAt', 'is', null), eb('archivedAt', '>', end)]));
  if (src.where) q = q.where(src.where.column, '=', src.where.value);
  // a record the caller may not read (a restricted document) is not in their pack, nor named in its index
  if (vm.register.readScope) q = vm.register.readScope(ctx, q);
  const rows = (await q
    .orderBy('ref')
    .limit(MAX_RECORDS_PER_ITEM + 1)
    .execute()) as RecordRow[];
  return rows;
}

/** Per record, its version in force at `end`: the highest number approved by then (approved or superseded since). */
async function versionsInForce(ctx: OrgContext, entity: string, recordIds: string[], end: string) {
  if (!recordIds.length)
    return new Map<string, { id: string; versionNo: number; contentHash: string; approvedAt: string | null }>();
  const rows = await ctx.db
    .selectFrom('recordVersions')
    .select(['id', 'recordId', 'versionNo', 'contentHash', 'approvedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', entity)
    .where('recordId', 'in', recordIds)
    .where('state', 'in', ['approved', 'superseded'])
    .where('approvedAt', 'is not', null)
    .where('approvedAt', '<=', end)
    .orderBy('versionNo')
    .execute();
  return new Map(rows.map((r) => [r.recordId, r]));
}

async function approvalsOf(ctx: OrgContext, versionIds: string[]) {
  const out = new Map<string, { signer: string; role: string; signedAt: string }[]>();
  if (!versionIds.length) return out;
  const rows = await ctx.db
    .selectFrom('approvals')
    .select(['versionId', 'signerName', 'signerRole', 'signedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('versionId', 'in', versionIds)
    .orderBy('signedAt')
    .execute();
  for (const r of rows) {
    const list = out.get(r.versionId) ?? [];
    list.push({ signer: r.signerName, role: r.signerRole, signedAt: r.signedAt });
    out.set(r.versionId, list);
  }
  return out;
}

const base = (c: PackItemConfig): Omit<PackItem, 'status' | 'note'> => ({
  key: c.key,
  clause: c.clause,
  requirement: c.requirement,
  record: null,
  version: null,
  files: [],
});

async function versionedItems(
  ctx: OrgContext,
  c: PackItemConfig,
  src: VersionedPackSource,
  modules: readonly VersionedModule[],
  end: string,
  folder: string,
): Promise<ResolvedPackItem[]> {
  const vm = modules.find((m) => m.register.def.entity === src.entity);
  if (!vm)
    return [
      {
        dir: folder,
        item: {
          ...base(c),
          status: 'missing',
          note: `This installation has no ${src.entity.replace(/_/g, ' ')} module with approved versions yet`,
        },
      },
    ];
  const records = await recordsOf(ctx, vm, src, end);
  const listed = records.slice(0, MAX_RECORDS_PER_ITEM);
  if (!listed.length)
    return [
      {
        dir: folder,
        item: { ...base(c), status: 'missing', note: c.note ?? `No ${src.entity.replace(/_/g, ' ')} is recorded` },
      },
    ];
  const inForce = await versionsInForce(
    ctx,
    src.entity,
    listed.map((r) => r.id),
    end,
  );
  let chosen = listed;
  if (src.pick === 'latest') {
    // the newest approved results supersede the earlier ones; none approved: the newest record, not approved
    const approved = listed.filter((r) => inForce.has(r.id));
    const newest = approved.sort((a, b) =>
      (inForce.get(b.id)!.approvedAt ?? '').localeCompare(inForce.get(a.id)!.approvedAt ?? ''),
    )[0];
    chosen = [newest ?? listed.reduce((a, b) => (b.createdAt > a.createdAt ? b : a))];
  }
  const approvals = await approvalsOf(
    ctx,
    chosen.flatMap((r) => (inForce.has(r.id) ? [inForce.get(r.id)!.id] : [])),
  );
  const items = chosen.map((r): ResolvedPackItem => {
    const record = { entity: src.entity, id: r.id, ref: r.ref, title: String(r.title ?? '') };
    const key = src.pick === 'all' && chosen.length > 1 ? `${c.key}:${r.ref}` : c.key;
    const v = inForce.get(r.id);
    if (!v)
      return {
        dir: folder,
        item: {
          ...base(c),
          key,
          record,
          status: 'not_approved',
          note: `No version of ${r.ref} was approved on or before the date`,
        },
      };
    const dir = `${folder}/${safeName(r.ref)}-v${v.versionNo}`;
    return {
      dir,
      versioned: { vm, recordId: r.id, versionId: v.id, versionNo: v.versionNo, contentHash: v.contentHash },
      item: {
        ...base(c),
        key,
        record,
        status: 'included',
        version: {
          versionNo: v.versionNo,
          approvedAt: v.approvedAt,
          contentHash: v.contentHash,
          approvals: approvals.get(v.id) ?? [],
        },
        files: versionFiles(dir),
        note: null,
      },
    };
  });
  if (records.length > MAX_RECORDS_PER_ITEM && items.length) {
    const last = items[items.length - 1]!;
    last.item.note = `More than ${MAX_RECORDS_PER_ITEM} records: the first ${MAX_RECORDS_PER_ITEM} by reference are in the pack; the evidence package holds the documents in full`;
  }
  return items;
}

async function generatedItem(
  ctx: OrgContext,
  c: PackItemConfig,
  generator: 'measurement' | 'nonconformities',
  end: string,
  folder: string,
): Promise<ResolvedPackItem> {
  const table = generator === 'measurement' ? 'measures' : 'nonconformities';
  const count = await untypedDb(ctx.db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('orgId', '=', ctx.org.id)
    .where('createdAt', '<=', end)
    .executeTakeFirstOrThrow();
  const n = Number(count.n);
  if (generator === 'measurement' && n === 0)
    return {
      dir: folder,
      item: { ...base(c), status: 'missing', note: 'No measures are defined (9.1): nothing to report' },
    };
  return {
    dir: folder,
    generator,
    item: {
      ...base(c),
      status: 'generated',
      files: GENERATED_FILES[generator].map((f) => `${folder}/${f}`),
      note:
        generator === 'measurement'
          ? 'Generated for the pack: the measurement report over the 12 months to the date, and its results'
          : `Generated for the pack: the ${n} nonconformities recorded on or before the date, with their status as it stands now`,
    },
  };
}

/** The pack's index as of `date` (YYYY-MM-DD, end of that day UTC), with what the ZIP builder needs per item. */
export async function resolvePack(
  ctx: OrgContext,
  modules: readonly VersionedModule[],
  date: string,
): Promise<{ index: PackIndex; items: ResolvedPackItem[] }> {
  const end = endOfDay(date);
  const items: ResolvedPackItem[] = [];
  for (const [i, c] of PACK_ITEMS.entries()) {
    const folder = `${String(i + 1).padStart(2, '0')}-${c.key}`;
    if (c.source.kind === 'not_built')
      items.push({ dir: folder, item: { ...base(c), status: 'not_built', note: c.note ?? null } });
    else if (c.source.kind === 'generated') items.push(await generatedItem(ctx, c, c.source.generator, end, folder));
    else items.push(...(await versionedItems(ctx, c, c.source, modules, end, folder)));
  }
  return {
    index: {
      organization: { slug: ctx.org.slug, name: ctx.org.name },
      asOf: date,
      generatedAt: nowIso(),
      items: items.map((r) => r.item),
    },
    items,
  };
}
