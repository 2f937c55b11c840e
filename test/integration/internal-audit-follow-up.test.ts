import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWithFinding, followUpPlan } from '../helpers/audit-finding-factories.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildAudit } from '../helpers/internal-audit-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';
import { buildRegisterRecord, registerOf } from '../helpers/route-fixtures.js';

interface OpenNc {
  ref: string;
  auditRef: string | null;
  reasons: string[];
}

/** Previous results with open nonconformities, criteria records, auditees, and the report facts that show them. */
describe.each(DIALECTS)('following up and reporting an internal audit on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path: string, o = org) => `/api/v1/orgs/${o.slug}${path}`;
  const raiseNc = async (f: Awaited<ReturnType<typeof auditWithFinding>>) => {
    const res = await org.as.auditor.post(f.raiseUrl, {
      expectedVersion: f.item.version,
      ownerId: org.users.contributor.id,
      followUp: followUpPlan(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; ref: string };
  };
  const openNcs = async (auditId: string) =>
    (await org.as.viewer.get(url(`/internal-audits/${auditId}/previous-results`))).json()
      .openNonconformities as OpenNc[];

  it('previous results list the open nonconformities of other audits and those linked to its processes and controls', async () => {
    const earlier = await auditWithFinding(org, 'minor_nc');
    const fromAudit = await raiseNc(earlier);
    const process = await buildProcess(org.as.admin, org.slug);
    const control = (await chooseEdition(org)).get('5.15')!;
    const incident = (
      await org.as.contributor.post(url('/nonconformities'), { title: 'Laptop lost unencrypted', source: 'incident' })
    ).json();
    const onControl = (
      await org.as.contributor.post(url('/nonconformities'), { title: 'Access review skipped', source: 'staff_report' })
    ).json();
    const unrelated = (
      await org.as.contributor.post(url('/nonconformities'), { title: 'Unrelated', source: 'complaint' })
    ).json();
    for (const [from, toType, toId] of [
      [incident.id, 'isms_process', process.id],
      [onControl.id, 'control', control.id],
    ] as const) {
      const l = await org.as.contributor.post(url('/links'), {
        fromType: 'nonconformity',
        fromId: from,
        toType,
        toId,
        kind: 'concerns',
      });
      expect(l.statusCode, l.body).toBe(201);
    }

    const next = await buildAudit(org, { clauses: '8.1' });
    const scope = await org.as.auditor.request('PUT', url(`/internal-audits/${next.id}/scope-processes`), {
      processIds: [process.id],
    });
    expect(scope.statusCode, scope.body).toBe(200);
    const item = await org.as.auditor.post(url(`/internal-audits/${next.id}/checklist`), {
      title: 'Access control',
      controlId: control.id,
    });
    expect(item.statusCode, item.body).toBe(200);

    const open = await openNcs(next.id);
    const byRef = new Map(open.map((n) => [n.ref, n]));
    expect(byRef.get(fromAudit.ref)).toMatchObject({ auditRef: earlier.audit.ref, reasons: ['earlier_audit'] });
    expect(byRef.get(incident.ref)).toMatchObject({ auditRef: null, reasons: ['scope_process'] });
    expect(byRef.get(onControl.ref)).toMatchObject({ reasons: ['scope_control'] });
    expect(byRef.has(unrelated.ref)).toBe(false);
    // the audit that raised it does not follow itself up
    expect((await openNcs(earlier.audit.id)).map((n) => n.ref)).not.toContain(fromAudit.ref);
  });

  it('criteria records: documents and 4.2 requirements, checked to be the organization’s, shown in the report', async () => {
    const f = await auditWithFinding(org, 'minor_nc', { clauses: '9.2', auditees: 'Facility staff, Site B' });
    const nc = await raiseNc(f);
    const doc = await buildRegisterRecord(org.as.admin, org, registerOf('document'));
    const req = await buildRegisterRecord(org.as.admin, org, registerOf('requirement'));
    const foreignDoc = await buildRegisterRecord(other.as.admin, other, registerOf('document'));
    const criteria = url(`/internal-audits/${f.audit.id}/criteria`);
    const bad = [
      [{ documentIds: [foreignDoc.id], requirementIds: [] }, 'body.documentIds.0'],
      [{ documentIds: [doc.id], requirementIds: [doc.id] }, 'body.requirementIds.0'],
      [{ documentIds: ['nope'], requirementIds: [] }, 'body.documentIds.0'],
      [{ documentIds: [] }, 'body.requirementIds'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await org.as.auditor.request('PUT', criteria, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect((await org.as.viewer.get(criteria)).json()).toEqual({ documents: [], requirements: [] });
    const set = await org.as.auditor.request('PUT', criteria, { documentIds: [doc.id], requirementIds: [req.id] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      documents: [{ id: doc.id, ref: doc.ref, title: expect.any(String) }],
      requirements: [{ id: req.id, ref: req.ref, title: expect.any(String) }],
    });

    const auditees = url(`/internal-audits/${f.audit.id}/auditees`);
    const notMember = await org.as.auditor.request('PUT', auditees, { memberIds: [other.users.viewer.id] });
    expect(notMember.statusCode, notMember.body).toBe(400);
    expect(notMember.json().errors[0].field).toBe('body.memberIds.0');
    const lead = await org.as.auditor.request('PUT', auditees, {
      memberIds: [org.users.contributor.id, org.users.auditor.id],
    });
    expect(lead.statusCode, lead.body).toBe(409);
    expect(lead.json().errors[0].field).toBe('body.memberIds.1');
    const ok = await org.as.auditor.request('PUT', auditees, { memberIds: [org.users.contributor.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      members: [{ userId: org.users.contributor.id, name: expect.any(String) }],
      text: 'Facility staff, Site B',
    });

    const d = await org.as.auditor.request('PUT', url(`/internal-audits/${f.audit.id}/draft`), {
      content: { summary: 'Done' },
    });
    expect(d.statusCode, d.body).toBe(200);
    const facts = (await org.as.viewer.get(url(`/internal-audits/${f.audit.id}/versions/${d.json().versionNo}`))).json()
      .content.facts;
    expect(facts.criteria).toEqual([
      'ISO/IEC 27001:2022 clauses 9.2',
      expect.stringContaining(`Document ${doc.ref}`),
      expect.stringContaining(`(4.2) ${req.ref}`),
    ]);
    expect(facts.auditees).toEqual([expect.stringContaining('contributor'), 'Facility staff, Site B']);
    expect(facts.findingsByClause).toEqual([expect.objectContaining({ raised: nc.ref })]);
    const pdf = await org.as.viewer.get(
      url(`/internal-audits/${f.audit.id}/versions/${d.json().versionNo}/export.pdf`),
    );
    expect(pdf.statusCode).toBe(200);
  });
});
