import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCustomControl,
  chooseEdition,
  controlsByRef,
  putTreatment,
  setTreatment,
  type Control,
} from '../helpers/control-factories.js';
import { controlsSuite, uuid, fields } from '../helpers/controls-suite.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildParty, buildRequirement } from '../helpers/context-factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

/** What needs a control (27003 6.1.3 b), the list filters, and isolation between organizations. */
describe.each(DIALECTS)('what needs a control on %s', (kind) => {
  const s = controlsSuite(kind, { other: true });
  const { url, c, controlRow, listRefs, drivers, patchOk, assessedRisk } = s;

  describe('what needs a control, and the list filters', () => {
    let fresh: TestOrg;
    let fc: Map<string, Control>;
    beforeAll(async () => {
      fresh = await buildOrg(s.env.app, s.env.handle);
      fc = await chooseEdition(fresh);
      await approveMethodology(fresh, startingMethodology('three-by-three'));
    });
    const link = async (fromType: string, fromId: string, toType: string, toId: string) => {
      const res = await fresh.as.contributor.post(url('/links', fresh), { fromType, fromId, toType, toId });
      expect(res.statusCode, res.body).toBe(201);
    };

    it('lists the risks treated (with effect) and the requirements linked from either end', async () => {
      const control = fc.get('5.34')!;
      const party = await buildParty(fresh.as.contributor, fresh.slug, {
        name: 'Data protection authority',
        type: 'regulator',
      });
      const fromReq = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, {
        title: 'GDPR art. 32',
        kind: 'legal',
      });
      const toReq = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, { title: 'Customer DPA' });
      const unrelated = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, { title: 'Not linked' });
      await link('requirement', fromReq.id, 'control', control.id);
      await link('control', control.id, 'requirement', toReq.id);
      // a link to something that is not a requirement is not a driver
      await link('control', control.id, 'risk', (await buildRisk(fresh.as.contributor, fresh.slug)).id);
      const r = await assessedRisk(fresh, { title: 'Personal data leak', likelihood: 1, consequence: 1 });
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'modify', rationale: 'Privacy controls' }],
        controls: [{ controlId: control.id, effect: 'consequence' }],
      });

      const d = await drivers(control.id, fresh);
      expect(d.risks).toEqual([
        {
          id: r.id,
          ref: r.ref,
          title: 'Personal data leak',
          effect: 'consequence',
          level: 'low',
          levelLabel: 'Low',
          acceptable: true,
          status: 'treatment_planned',
        },
      ]);
      expect(d.requirements.map((x) => x.id).sort()).toEqual([fromReq.id, toReq.id].sort());
      expect(d.requirements.map((x) => x.title)).not.toContain(unrelated.title);
      expect(await drivers(fc.get('5.35')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      // an unknown control is not found
      expect((await fresh.as.viewer.get(url(`/controls/${uuid()}/drivers`, fresh))).statusCode).toBe(404);
    });

    it('riskId lists exactly the risk’s controls', async () => {
      const r1 = await assessedRisk(fresh, { title: 'Risk one' });
      const r2 = await assessedRisk(fresh, { title: 'Risk two' });
      await setTreatment(fresh.as.contributor, fresh.slug, r1.id, {
        options: [],
        controls: [
          { controlId: fc.get('8.1')!.id, effect: 'both' },
          { controlId: fc.get('5.10')!.id, effect: 'likelihood' },
        ],
      });
      await setTreatment(fresh.as.contributor, fresh.slug, r2.id, {
        options: [],
        controls: [{ controlId: fc.get('8.2')!.id, effect: 'both' }],
      });
      // catalog order, whatever the order in the treatment
      expect(await listRefs(`&riskId=${r1.id}`, fresh)).toEqual(['5.10', '8.1']);
      expect(await listRefs(`&riskId=${r2.id}`, fresh)).toEqual(['8.2']);
      expect(await listRefs(`&riskId=${uuid()}`, fresh)).toEqual([]);
      // no options: the risk is treated by controls but has no decision yet, so it stays assessed
      expect((await fresh.as.viewer.get(url(`/risks/${r1.id}`, fresh))).json().status).toBe('assessed');
    });

    it('untouched leaves out controls a risk, a requirement or a decision has touched', async () => {
      // an organization of its own: the count below must not depend on what the tests above touched
      fresh = await buildOrg(s.env.app, s.env.handle);
      fc = await chooseEdition(fresh);
      await approveMethodology(fresh, startingMethodology('three-by-three'));
      const treatedRisk = await assessedRisk(fresh, { title: 'Touches four controls' });
      await setTreatment(fresh.as.contributor, fresh.slug, treatedRisk.id, {
        options: [{ option: 'modify', rationale: 'Four controls' }],
        controls: ['5.34', '8.1', '8.2', '5.10'].map((ref) => ({ controlId: fc.get(ref)!.id, effect: 'both' })),
      });
      const party = await buildParty(fresh.as.contributor, fresh.slug);
      const req = await buildRequirement(fresh.as.contributor, fresh.slug, party.id);
      // linked to a requirement but still undecided
      await link('control', fc.get('7.7')!.id, 'requirement', req.id);
      await link('requirement', req.id, 'control', fc.get('7.8')!.id);
      // decided by hand, with no risk or requirement
      await patchOk(fresh, fc.get('7.9')!.id, { applicability: 'excluded', exclusionReason: 'not_needed' });
      await patchOk(fresh, fc.get('7.10')!.id, { applicability: 'applicable', statedReason: 'Best practice' });
      const untouched = await listRefs('&untouched=true', fresh);
      for (const ref of ['5.34', '8.1', '8.2', '5.10', '7.7', '7.8', '7.9', '7.10'])
        expect(untouched, ref).not.toContain(ref);
      expect(untouched).toEqual(expect.arrayContaining(['5.1', '5.35', '7.11', '8.34']));
      // everything else is untouched: 93 minus the eight above
      expect(untouched).toHaveLength(85);
      const undecidedTotal = (
        await fresh.as.viewer.get(url('/controls?applicability=undecided&pageSize=1', fresh))
      ).json().total;
      // 7.7 and 7.8 are undecided yet touched by a requirement
      expect(undecidedTotal).toBe(85 + 2);
    });

    it('unjustified lists applicable controls with no risk, requirement or stated reason', async () => {
      const party = await buildParty(fresh.as.contributor, fresh.slug);
      const req = await buildRequirement(fresh.as.contributor, fresh.slug, party.id);
      const mk = async (ref: string, body: Record<string, unknown>) => {
        const res = await fresh.as.isms_manager.patch(url(`/controls/${fc.get(ref)!.id}`, fresh), {
          applicability: 'applicable',
          ...body,
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      await mk('6.1', {});
      await mk('6.2', { statedReason: 'Contract with the client' });
      await mk('6.3', {});
      await link('requirement', req.id, 'control', fc.get('6.3')!.id);
      const r = await assessedRisk(fresh, { title: 'Insider' });
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'modify', rationale: 'Screening' }],
        controls: [{ controlId: fc.get('6.4')!.id, effect: 'likelihood' }],
      });
      expect((await controlRow(fc.get('6.4')!.id)).applicability).toBe('applicable');
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1']);
      // dropped from the treatment: applicable still, with no reason left
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'retain', rationale: 'Accepted' }],
        controls: [],
      });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.4']);
      // an archived risk or requirement is no reason any more (drivers and the SoA no longer show it)
      const r2 = await assessedRisk(fresh, { title: 'Retired risk' });
      await setTreatment(fresh.as.contributor, fresh.slug, r2.id, {
        options: [{ option: 'modify', rationale: 'Awareness' }],
        controls: [{ controlId: fc.get('6.5')!.id, effect: 'likelihood' }],
      });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.4']);
      expect((await fresh.as.isms_manager.del(url(`/risks/${r2.id}`, fresh))).statusCode).toBe(204);
      expect((await fresh.as.isms_manager.del(url(`/requirements/${req.id}`, fresh))).statusCode).toBe(204);
      expect(await drivers(fc.get('6.5')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      expect(await drivers(fc.get('6.3')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.3', '6.4', '6.5']);
      // excluded and undecided controls are never "unjustified"
      for (const x of (await fresh.as.viewer.get(url('/controls?unjustified=true&pageSize=200', fresh))).json()
        .items as Control[])
        expect(x.applicability).toBe('applicable');
    });
  });

  describe('between organizations', () => {
    let theirControl: Control;
    let theirRisk: { id: string };
    beforeAll(async () => {
      s.org = await buildOrg(s.env.app, s.env.handle);
      s.controls = await chooseEdition(s.org);
      await approveMethodology(s.org, startingMethodology('three-by-three'));
      await chooseEdition(s.other);
      await approveMethodology(s.other, startingMethodology('three-by-three'));
      theirControl = (await controlsByRef(s.other)).get('5.1')!;
      theirRisk = await assessedRisk(s.other);
      await setTreatment(s.other.as.contributor, s.other.slug, theirRisk.id, {
        options: [{ option: 'modify', rationale: 'Theirs' }],
        controls: [{ controlId: theirControl.id, effect: 'both' }],
      });
    });

    it('another organization’s control and risk are not found on any new route', async () => {
      const before = await writeCounts(s.env.handle);
      expect((await s.org.as.admin.get(url(`/controls/${theirControl.id}/drivers`))).statusCode).toBe(404);
      expect((await s.org.as.admin.get(url(`/controls/${theirControl.id}`))).statusCode).toBe(404);
      expect(
        (await s.org.as.admin.patch(url(`/controls/${theirControl.id}`), { implementation: 'Mine now' })).statusCode,
      ).toBe(404);
      expect((await s.org.as.admin.del(url(`/controls/${theirControl.id}`))).statusCode).toBe(404);
      expect((await s.org.as.admin.get(url(`/risks/${theirRisk.id}/treatment`))).statusCode).toBe(404);
      const put = await putTreatment(s.org.as.admin, s.org.slug, theirRisk.id, {
        options: [{ option: 'avoid', rationale: 'Hijack' }],
      });
      expect(put.statusCode).toBe(404);
      expect(await listRefs(`&riskId=${theirRisk.id}`)).toEqual([]);
      expect(await writeCounts(s.env.handle)).toEqual(before);
      expect((await s.other.as.viewer.get(url(`/risks/${theirRisk.id}/treatment`, s.other))).json()).toMatchObject({
        version: 1,
        options: [{ option: 'modify' }],
      });
    });

    it('a treatment or a replacement cannot point at another organization’s control', async () => {
      const mine = await assessedRisk(s.org, { title: 'Mine' });
      const before = await writeCounts(s.env.handle);
      const res = await putTreatment(s.org.as.contributor, s.org.slug, mine.id, {
        options: [],
        controls: [{ controlId: theirControl.id, effect: 'both' }],
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.controls.0.controlId']);
      const theirCustom = await buildCustomControl(s.other.as.admin, s.other.slug);
      const before2 = await writeCounts(s.env.handle);
      const replace = await s.org.as.isms_manager.patch(url(`/controls/${c('5.20').id}`), {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: theirCustom.id,
      });
      expect(replace.statusCode).toBe(400);
      expect(fields(replace)).toEqual(['body.replacedById']);
      expect(await writeCounts(s.env.handle)).toEqual(before2);
      expect(before2.auditEvents).toBe(before.auditEvents + 1);
      expect((await controlRow(theirControl.id)).applicability).toBe('applicable');
    });
  });
});
