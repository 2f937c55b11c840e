import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildAudit } from '../helpers/internal-audit-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';

describe.each(DIALECTS)('internal audit report and previous results (9.2.2 f) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path: string) => `/api/v1/orgs/${org.slug}${path}`;

  /** An audit of clause 5.2 with a process in scope (excepted), a team, and a minor nonconformity on 5.2. */
  async function auditWithFinding() {
    const process = await buildProcess(org.as.admin, org.slug, { ownerId: org.users.auditor.id });
    const audit = await buildAudit(org, { clauses: '5.2', scope: 'Head office, policy management' });
    const a = `/internal-audits/${audit.id}`;
    expect(
      (
        await org.as.auditor.request('PUT', url(`${a}/scope-processes`), {
          processIds: [process.id],
          independenceException: { justification: 'Only auditor trained on this process' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await org.as.auditor.request('PUT', url(`${a}/team`), {
          members: [{ userId: org.users.isms_manager.id, role: 'auditor' }],
        })
      ).statusCode,
    ).toBe(200);
    const items = (await org.as.auditor.post(url(`${a}/checklist/generate`), {})).json().items;
    const item = items[0] as { id: string; version: number };
    const c = await org.as.auditor.patch(url(`${a}/checklist/${item.id}`), {
      conclusion: 'minor_nc',
      notes: 'Policy not communicated to new staff',
      expectedVersion: item.version,
    });
    expect(c.statusCode, c.body).toBe(200);
    return { audit, a, process, item };
  }

  it('fills the report draft with scope, criteria, team, exceptions and findings by clause, whatever the client sent', async () => {
    const { a, process } = await auditWithFinding();
    const d = await org.as.auditor.request('PUT', url(`${a}/draft`), {
      content: {
        summary: 'Policy management audited',
        facts: {
          scope: 'forged',
          criteria: [],
          team: [],
          exceptions: [],
          findingsByClause: [],
          findingsByControl: [],
          counts: {},
        },
      },
    });
    expect(d.statusCode, d.body).toBe(200);
    const v = (await org.as.viewer.get(url(`${a}/versions/${d.json().versionNo}`))).json();
    const facts = v.content.facts;
    expect(facts.scope).toContain('Head office');
    expect(facts.scope).toContain(process.ref);
    expect(facts.criteria).toEqual(['ISO/IEC 27001:2022 clauses 5.2']);
    expect(facts.team.map((t: { role: string }) => t.role)).toEqual(['lead', 'auditor']);
    expect(facts.exceptions[0].object).toContain(process.ref);
    expect(facts.findingsByClause).toHaveLength(1);
    expect(facts.findingsByClause[0]).toMatchObject({ conclusion: 'Minor nonconformity' });
    expect(facts.findingsByClause[0].clause).toMatch(/^5\.2/);
    expect(facts.counts.minor_nc).toBe(1);
  });

  it('is approved by the lead auditor only, then exported as DOCX and PDF and distributed to top management', async () => {
    const { a } = await auditWithFinding();
    const d = (await org.as.auditor.request('PUT', url(`${a}/draft`), { content: { summary: 'Done' } })).json();
    const notLead = await org.as.isms_manager.post(url(`${a}/versions/${d.versionNo}/approve`), {
      contentHash: d.contentHash,
    });
    expect(notLead.statusCode, notLead.body).toBeGreaterThanOrEqual(400);
    expect(notLead.statusCode).toBeLessThan(500);
    // no distribution before approval, nothing written
    const early = await org.as.auditor.post(url(`${a}/distributions`), { memberIds: [org.users.approver.id] });
    expect(early.statusCode, early.body).toBe(409);
    const ok = await org.as.auditor.post(url(`${a}/versions/${d.versionNo}/approve`), { contentHash: d.contentHash });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await org.as.viewer.get(url(a))).json().approvedVersion).toBe(d.versionNo);
    const docx = await org.as.viewer.get(url(`${a}/versions/${d.versionNo}/export.docx`));
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await org.as.viewer.get(url(`${a}/versions/${d.versionNo}/export.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const bad = await org.as.auditor.post(url(`${a}/distributions`), {
      memberIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.memberIds.0');
    const sent = await org.as.auditor.post(url(`${a}/distributions`), {
      memberIds: [org.users.approver.id],
      note: 'Sent to the board',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().items).toEqual([
      expect.objectContaining({
        versionNo: d.versionNo,
        members: [expect.objectContaining({ id: org.users.approver.id })],
      }),
    ]);
  });

  it('shows the findings of completed earlier audits in this audit’s clauses as previous results', async () => {
    const { audit, a, item } = await auditWithFinding();
    let version = audit.version;
    for (const to of ['in_progress', 'reporting', 'completed']) {
      const t = await org.as.auditor.post(url(`${a}/transition`), { to, expectedVersion: version });
      expect(t.statusCode, t.body).toBe(200);
      version = t.json().version;
    }
    const next = await buildAudit(org, { clauses: '5' });
    const prev = (await org.as.viewer.get(url(`/internal-audits/${next.id}/previous-results`))).json();
    expect(prev.previousAudit).toBeTruthy();
    expect(prev.findings.map((f: { itemId: string }) => f.itemId)).toContain(item.id);
    const unrelated = await buildAudit(org, { clauses: '8.1' });
    const none = (await org.as.viewer.get(url(`/internal-audits/${unrelated.id}/previous-results`))).json();
    expect(none.findings.map((f: { itemId: string }) => f.itemId)).not.toContain(item.id);
    // the completed audit's checklist no longer changes
    const late = await org.as.auditor.patch(url(`${a}/checklist/${item.id}`), { notes: 'late', expectedVersion: 2 });
    expect(late.statusCode, late.body).toBe(409);
  });
});
