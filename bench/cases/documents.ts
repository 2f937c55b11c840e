// Documented information at scale: 5,000 documents of every classification, 200 members, 2,000 published to all
// members with acknowledgements, read by a viewer whose every query carries the classification rule.
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { createUser } from '../../src/core/users/users.service.js';
import { newId, nowIso } from '../../src/core/util/ids.js';
import type { BenchCaller } from '../http-caller.js';
import type { BenchModule } from './types.js';

const DOCUMENTS = 5000;
const MEMBERS = 200;
const PUBLISHED = 2000;
const CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
const TYPES = ['policy', 'topic_policy', 'procedure', 'standard', 'guideline', 'record', 'external'] as const;

let viewer: BenchCaller;
let firstPublished = '';

export const documentsBench: BenchModule = {
  name: 'documents',
  async seed({ handle, org, userId, signIn }) {
    const db = handle.db;
    const now = nowIso();
    const viewerUser = await createUser(
      db,
      { email: 'bench-viewer@example.test', name: 'Bench Viewer', password: 'bench-password-123' },
      SYSTEM_ACTOR,
    );
    const members = [viewerUser.id];
    for (let i = 1; i < MEMBERS; i++)
      members.push(
        (
          await createUser(
            db,
            { email: `bench-member-${i}@example.test`, name: `Member ${i}`, password: 'bench-password-123' },
            SYSTEM_ACTOR,
          )
        ).id,
      );
    await db
      .insertInto('memberships')
      .values(
        members.map((id, i) => ({
          orgId: org.id,
          userId: id,
          role: i === 0 ? 'viewer' : ['contributor', 'viewer', 'auditor'][i % 3]!,
          createdAt: now,
        })),
      )
      .execute();
    viewer = await signIn('bench-viewer@example.test', 'bench-password-123');

    const ids: string[] = [];
    for (let i = 0; i < DOCUMENTS; i += 500) {
      const rows = Array.from({ length: Math.min(500, DOCUMENTS - i) }, (_, j) => {
        const n = i + j + 1;
        const id = newId();
        ids.push(id);
        const published = n <= PUBLISHED;
        return {
          id,
          orgId: org.id,
          ref: `DOC-${String(n).padStart(4, '0')}`,
          version: 1,
          createdAt: now,
          createdBy: userId,
          updatedAt: now,
          updatedBy: userId,
          archivedAt: null,
          title: `${['Access', 'Backup', 'Supplier', 'Incident', 'Cryptography'][n % 5]} document ${n}`,
          type: TYPES[n % TYPES.length]!,
          isSecurityPolicy: 0,
          parentId: n > 10 ? ids[n % 10]! : null,
          purpose: null,
          classification: published ? CLASSES[n % 2]! : CLASSES[n % 4]!,
          ownerId: userId,
          authorId: userId,
          origin: 'internal',
          source: null,
          audience: 'all_members',
          reviewIntervalMonths: 12,
          nextReviewDate: new Date(Date.UTC(2026, 0, 1) + (n % 700) * 86_400_000).toISOString().slice(0, 10),
          retentionMonths: 36,
          retentionAction: 'dispose',
          shareableExternally: 0,
          status: published ? 'published' : 'draft',
          publishedVersion: published ? 1 : null,
          publishedOn: published ? '2026-01-15' : null,
          withdrawnOn: null,
          retentionEndsOn: null,
          disposedOn: null,
          latestVersion: 1,
          latestState: published ? 'approved' : 'draft',
          stage: 'in_review',
          approvedVersion: published ? 1 : null,
        };
      });
      await db.insertInto('documents').values(rows).execute();
      await db
        .insertInto('recordVersions')
        .values(
          rows.map((r) => ({
            id: newId(),
            orgId: org.id,
            entityType: 'document',
            recordId: r.id,
            versionNo: 1,
            state: 'draft',
            stage: 'in_review',
            content: '{"body":"Text"}',
            contentHash: 'a'.repeat(64),
            changeNote: null,
            createdAt: now,
            createdBy: userId,
            updatedAt: now,
            updatedBy: userId,
            approvedAt: null,
          })),
        )
        .execute();
    }
    await db
      .updateTable('recordVersions')
      .set({ state: 'approved', approvedAt: now })
      .where('orgId', '=', org.id)
      .where('recordId', 'in', db.selectFrom('documents').select('id').where('status', '=', 'published'))
      .execute();
    // the viewer is named on every 10th restricted or confidential document; half the published ones are acknowledged by 100 members
    const named = ids.filter((_, i) => (i + 1) % 10 === 0);
    await db
      .insertInto('documentPeople')
      .values(
        named.map((documentId) => ({ orgId: org.id, documentId, relation: 'audience_user', subject: viewerUser.id })),
      )
      .execute();
    firstPublished = ids[0]!;
    for (let d = 0; d < PUBLISHED; d += 2) {
      await db
        .insertInto('documentAcknowledgements')
        .values(
          members.slice(0, 100).map((userId2) => ({
            id: newId(),
            orgId: org.id,
            documentId: ids[d]!,
            versionNo: 1,
            contentHash: 'a'.repeat(64),
            userId: userId2,
            acknowledgedAt: now,
          })),
        )
        .execute();
    }
    await db.insertInto('refCounters').values({ orgId: org.id, prefix: 'DOC', nextValue: DOCUMENTS }).execute();
    return `${DOCUMENTS} documents, ${MEMBERS} members, ${(PUBLISHED / 2) * 100} acknowledgements`;
  },
  cases({ org }) {
    const base = `/api/v1/orgs/${org.slug}/documents`;
    return [
      { name: 'documents list as a viewer (classification rule)', targetMs: 60, run: () => viewer.get(base) },
      { name: 'documents search q=backup as a viewer', targetMs: 100, run: () => viewer.get(`${base}?q=backup`) },
      { name: 'documents review due, as a viewer', targetMs: 80, run: () => viewer.get(`${base}?review=due`) },
      {
        name: `policy hierarchy tree (${DOCUMENTS} docs) as a viewer`,
        targetMs: 300,
        run: () => viewer.get(`${base}/tree`),
      },
      { name: 'policies to read (home page) as a viewer', targetMs: 150, run: () => viewer.get(`${base}/to-read`) },
      {
        name: `acknowledgements of one document (${MEMBERS} members)`,
        targetMs: 80,
        run: () => viewer.get(`${base}/${firstPublished}/acknowledgements`),
      },
      { name: 'CSV export of the register as a viewer', targetMs: 1500, run: () => viewer.get(`${base}/export.csv`) },
    ];
  },
};
