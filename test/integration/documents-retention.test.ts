import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import {
  approveDocument,
  createDocument,
  docsPath,
  documentCounts,
  publishDocument,
} from '../helpers/document-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

/**
 * 7.5.3: documents are reviewed when due, kept for their retention period, and disposed of only by an approved,
 * audited act that keeps the hashes of what existed. Approved text never changes otherwise, whatever SQL is sent.
 */
const uniq = () => crypto.randomBytes(4).toString('hex');
const today = () => new Date().toISOString().slice(0, 10);
/** ISO date plus whole months, the day kept within the month (written here, not taken from the code under test) */
function plusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('document reviews and retention on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const base = (id: string) => `${docsPath(org)}/${id}`;
  const get = async (id: string) => (await org.as.admin.get(base(id))).json();
  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
  /** what the server keeps, set behind its back: dates in the past that no call can make */
  const setDates = (id: string, dates: { nextReviewDate?: string; publishedOn?: string; retentionEndsOn?: string }) =>
    env.handle.db.updateTable('documents').set(dates).where('id', '=', id).execute();
  const auditOf = (id: string, type: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', id)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();

  describe('reviews', () => {
    it('lists due and overdue reviews of approved and published documents only', async () => {
      const token = `rev${uniq()}`;
      const make = async (name: string) => (await createDocument(org, { title: `${token} ${name}` })).id;
      const overdue = await make('overdue');
      const dueSoon = await make('due soon');
      const later = await make('later');
      const approvedOverdue = await make('approved, overdue');
      const draftOverdue = await make('draft, overdue');
      for (const id of [overdue, dueSoon, later]) await publishDocument(org, id);
      await approveDocument(org, approvedOverdue);
      await setDates(overdue, { nextReviewDate: plusDays(today(), -1) });
      await setDates(approvedOverdue, { nextReviewDate: '2020-01-01' });
      await setDates(dueSoon, { nextReviewDate: plusDays(today(), 20) });
      await setDates(draftOverdue, { nextReviewDate: '2020-01-01' });
      await setDates(later, { nextReviewDate: plusDays(today(), 45) });

      const list = async (review: string) =>
        ids(await org.as.viewer.get(`${docsPath(org)}?review=${review}&q=${token}&pageSize=50`)).sort();
      expect(await list('overdue')).toEqual([overdue, approvedOverdue].sort());
      expect(await list('due')).toEqual([overdue, dueSoon, approvedOverdue].sort());
      // a review due today is due, not yet overdue
      await setDates(overdue, { nextReviewDate: today() });
      expect(await list('overdue')).toEqual([approvedOverdue]);
      expect(await list('due')).toContain(overdue);
      expect((await org.as.viewer.get(`${docsPath(org)}?review=late`)).statusCode).toBe(400);
    });

    it("'no change' moves the next review one interval on from the day of the review, and is history", async () => {
      const doc = await createDocument(org, { reviewIntervalMonths: 1 });
      await publishDocument(org, doc.id);
      const res = await org.as.contributor.post(`${base(doc.id)}/reviews`, {
        outcome: 'no_change',
        note: 'Still fits',
        reviewedOn: '2024-01-31',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        outcome: 'no_change',
        reviewedOn: '2024-01-31',
        reviewerId: org.users.contributor.id,
        versionNo: 1,
        nextReviewDate: '2024-02-29',
      });
      expect(await get(doc.id)).toMatchObject({ nextReviewDate: '2024-02-29', status: 'published', latestVersion: 1 });
      // now overdue (the review was long ago): it shows up as such
      expect(ids(await org.as.viewer.get(`${docsPath(org)}?review=overdue&pageSize=200`))).toContain(doc.id);
      const second = await org.as.contributor.post(`${base(doc.id)}/reviews`, {
        outcome: 'no_change',
        note: 'Checked again',
      });
      expect(second.json().nextReviewDate).toBe(plusMonths(today(), 1));
      const reviews = (await org.as.viewer.get(`${base(doc.id)}/reviews`)).json().items;
      expect(reviews.map((r: { note: string }) => r.note)).toEqual(['Checked again', 'Still fits']);
      expect((await auditOf(doc.id, 'document.reviewed')).length).toBe(2);
    });

    it("'revise' opens the next draft from the approved text, with a change note, and keeps the review date", async () => {
      const doc = await createDocument(org);
      const content = { summary: 'Approved summary', scope: 'All staff' };
      await publishDocument(org, doc.id, content);
      const before = await get(doc.id);
      const res = await org.as.isms_manager.post(`${base(doc.id)}/reviews`, {
        outcome: 'revise',
        note: 'Add remote work',
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = await get(doc.id);
      expect(after).toMatchObject({
        status: 'published',
        publishedVersion: 1,
        latestVersion: 2,
        latestState: 'draft',
        nextReviewDate: before.nextReviewDate,
      });
      const v2 = (await org.as.viewer.get(`${base(doc.id)}/versions/2`)).json();
      expect(v2).toMatchObject({ state: 'draft', content: expect.objectContaining(content) });
      expect(v2.changeNote).toContain('Add remote work');
      const v1 = (await org.as.viewer.get(`${base(doc.id)}/versions/1`)).json();
      expect(v2.contentHash).toBe(v1.contentHash);
      // a second 'revise' keeps working on the same draft rather than opening another
      expect(
        (await org.as.isms_manager.post(`${base(doc.id)}/reviews`, { outcome: 'revise', note: 'And travel' }))
          .statusCode,
      ).toBe(200);
      expect((await get(doc.id)).latestVersion).toBe(2);
    });

    it('refuses a review dated in the future, or of a document not in force, writing nothing', async () => {
      const doc = await createDocument(org);
      const draftOnly = await createDocument(org);
      await publishDocument(org, doc.id);
      const before = await documentCounts(env.handle);
      const future = await org.as.isms_manager.post(`${base(doc.id)}/reviews`, {
        outcome: 'no_change',
        note: 'x',
        reviewedOn: plusDays(today(), 1),
      });
      expect([400, 409]).toContain(future.statusCode);
      expect(future.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.reviewedOn']);
      expect(
        (await org.as.isms_manager.post(`${base(draftOnly.id)}/reviews`, { outcome: 'no_change', note: 'x' }))
          .statusCode,
      ).toBe(409);
      expect(await documentCounts(env.handle)).toEqual(before);
    });
  });

  describe('retention', () => {
    it('starts at withdrawal for documents, and a changed period moves its end', async () => {
      const doc = await createDocument(org, { retentionMonths: 18 });
      await publishDocument(org, doc.id);
      expect((await get(doc.id)).retentionEndsOn).toBeNull();
      const withdrawn = await org.as.isms_manager.post(`${base(doc.id)}/withdraw`, { reason: 'Superseded by DOC-X' });
      expect(withdrawn.json()).toMatchObject({
        status: 'withdrawn',
        withdrawnOn: today(),
        retentionEndsOn: plusMonths(today(), 18),
      });
      expect((await org.as.isms_manager.patch(base(doc.id), { retentionMonths: 6 })).statusCode).toBe(200);
      expect((await get(doc.id)).retentionEndsOn).toBe(plusMonths(today(), 6));
      expect((await auditOf(doc.id, 'document.withdrawn'))[0]!.payload).toContain(plusMonths(today(), 18));
    });

    it('starts at publication for records', async () => {
      const rec = await createDocument(org, { title: 'Access review 2020', type: 'record', retentionMonths: 6 });
      await publishDocument(org, rec.id, { body: 'Reviewed all accounts.' });
      expect((await get(rec.id)).retentionEndsOn).toBe(plusMonths(today(), 6));
      await setDates(rec.id, { publishedOn: '2020-01-31', retentionEndsOn: '2020-07-31' });
      const withdrawn = await org.as.isms_manager.post(`${base(rec.id)}/withdraw`, { reason: 'Archive' });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', retentionEndsOn: '2020-07-31' });
      expect((await org.as.isms_manager.patch(base(rec.id), { retentionMonths: 1 })).statusCode).toBe(200);
      expect((await get(rec.id)).retentionEndsOn).toBe('2020-02-29');
    });

    it("lists only ended retentions as due for disposal; 'keep' is never due; proposing early is 409", async () => {
      const token = `ret${uniq()}`;
      const ended = await createDocument(org, { title: `${token} ended`, retentionMonths: 0 });
      const running = await createDocument(org, { title: `${token} running`, retentionMonths: 12 });
      const kept = await createDocument(org, { title: `${token} kept`, retentionMonths: 0, retentionAction: 'keep' });
      const inForce = await createDocument(org, { title: `${token} in force`, retentionMonths: 0 });
      for (const d of [ended, running, kept, inForce]) await publishDocument(org, d.id);
      for (const d of [ended, running, kept])
        expect((await org.as.isms_manager.post(`${base(d.id)}/withdraw`, { reason: 'Old' })).statusCode).toBe(200);
      const due = async () => ids(await org.as.viewer.get(`${docsPath(org)}?disposalDue=true&q=${token}`));
      expect(await due()).toEqual([ended.id]);
      // an end in the past is due too; the day after tomorrow is not
      await setDates(running.id, { retentionEndsOn: '2021-06-30' });
      expect((await due()).sort()).toEqual([ended.id, running.id].sort());
      await setDates(running.id, { retentionEndsOn: plusDays(today(), 2) });

      const before = await documentCounts(env.handle);
      for (const d of [running, kept, inForce]) {
        const res = await org.as.isms_manager.post(`${base(d.id)}/disposal`, { reason: 'Tidy up' });
        expect(res.statusCode, res.body).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(await documentCounts(env.handle)).toEqual(before);
      expect(
        (await org.as.isms_manager.post(`${base(ended.id)}/disposal`, { reason: 'Retention ended' })).statusCode,
      ).toBe(200);
      // once more while one awaits its decision: 409
      expect((await org.as.isms_manager.post(`${base(ended.id)}/disposal`, { reason: 'Again' })).statusCode).toBe(409);
    });
  });
});
