import { beforeAll, describe, expect, it } from 'vitest';
import { buildCustomControl, chooseEdition, controlsByRef, type Control } from '../helpers/control-factories.js';
import { controlsSuite, REFS_2022, uuid, fields } from '../helpers/controls-suite.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts } from '../helpers/factories.js';

/** Custom controls and the SoA fields of a control: catalog wording, exclusions, replacements, planned dates, archiving. */
describe.each(DIALECTS)('custom controls and SoA fields on %s', (kind) => {
  const s = controlsSuite(kind);
  const { url, c, controlRow, listRefs, patchOk } = s;

  describe('custom controls and the SoA fields', () => {
    // an organization of its own with the 2022 edition chosen, so no test here needs the edition tests above
    beforeAll(async () => {
      s.org = await buildOrg(s.env.app, s.env.handle);
      s.controls = await chooseEdition(s.org);
    });

    it('a control made by people is custom, CUS-001, and sorts after the catalog', async () => {
      const first = await buildCustomControl(s.org.as.isms_manager, s.org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
        description: 'MDM on every phone',
      });
      expect(first).toMatchObject({
        source: 'custom',
        ref: 'CUS-001',
        applicability: 'undecided',
        implementationStatus: 'not_started',
        theme: 'technological',
      });
      const second = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Aardvark control' });
      expect(second.ref).toBe('CUS-002');
      // catalog order, then custom controls in the order they were made (not by title)
      expect(await listRefs('')).toEqual([...REFS_2022, 'CUS-001', 'CUS-002']);
      expect((await s.org.as.viewer.get(url('/control-settings'))).json().counts).toEqual({ catalog: 93, custom: 2 });
      // a client cannot make a control that claims to be Annex A
      const claim = await s.org.as.isms_manager.post(url('/controls'), { title: 'Fake 5.1', source: 'iso27001-2022' });
      expect(claim.statusCode).toBe(400);
      expect(fields(claim)).toContain('body.source');
      s.controls = await controlsByRef(s.org);
    });

    it('custom controls imported in one go keep the order they were made in', async () => {
      const o = await buildOrg(s.env.app, s.env.handle);
      const csv = `title\n${Array.from({ length: 25 }, (_, i) => `Imported control ${i + 1}`).join('\n')}\n`;
      const res = await o.as.isms_manager.request('POST', url('/controls/import?dryRun=false', o), csv, {
        'content-type': 'text/csv',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: 25 });
      const expected = Array.from({ length: 25 }, (_, i) => `CUS-${String(i + 1).padStart(3, '0')}`);
      expect(await listRefs('', o)).toEqual(expected);
      const items = (await o.as.viewer.get(url('/controls?pageSize=200', o))).json().items as Control[];
      expect(items.map((x) => x.title)).toEqual(expected.map((_, i) => `Imported control ${i + 1}`));
      expect(items.every((x) => x.source === 'custom')).toBe(true);
    });

    it('the catalog’s wording of an Annex A control cannot be changed; a custom control’s can', async () => {
      const annex = c('5.1');
      for (const [name, value] of [
        ['title', 'My own policies'],
        ['theme', 'people'],
        ['description', 'Reworded'],
      ] as const) {
        const before = await writeCounts(s.env.handle);
        const res = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), { [name]: value });
        expect(res.statusCode, res.body).toBe(400);
        expect(fields(res)).toEqual([`body.${name}`]);
        expect(await writeCounts(s.env.handle)).toEqual(before);
      }
      expect(await controlRow(annex.id)).toMatchObject({
        title: annex.title,
        theme: 'organizational',
        description: null,
        version: annex.version,
      });
      // the organization's own fields of an Annex A control are editable
      const impl = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        implementation: 'Policy set approved yearly',
        ownerId: s.org.users.contributor.id,
      });
      expect(impl.statusCode, impl.body).toBe(200);
      expect(impl.json()).toMatchObject({
        implementation: 'Policy set approved yearly',
        ownerId: s.org.users.contributor.id,
        title: annex.title,
      });

      const custom = await buildCustomControl(s.org.as.isms_manager, s.org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
        description: 'MDM on every phone',
      });
      const res = await s.org.as.isms_manager.patch(url(`/controls/${custom.id}`), {
        title: 'Mobile device management (MDM)',
        theme: 'physical',
        description: 'Enrolled devices only',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        title: 'Mobile device management (MDM)',
        theme: 'physical',
        description: 'Enrolled devices only',
        source: 'custom',
      });
    });

    it('an exclusion says why; a replaced control names a custom replacement', async () => {
      const annex = c('7.4');
      const custom = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Landlord monitoring' });
      const reject = async (body: Record<string, unknown>, field: string) => {
        const before = await writeCounts(s.env.handle);
        const res = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400);
        expect(fields(res), JSON.stringify(body)).toEqual([field]);
        expect(await writeCounts(s.env.handle)).toEqual(before);
      };
      await reject({ applicability: 'excluded' }, 'body.exclusionReason');
      await reject({ applicability: 'excluded', exclusionReason: 'replaced' }, 'body.replacedById');
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: c('5.2').id },
        'body.replacedById',
      );
      await reject(
        { applicability: 'excluded', exclusionReason: 'not_needed', replacedById: custom.id },
        'body.replacedById',
      );
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: uuid() },
        'body.replacedById',
      );
      const archived = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Retired replacement' });
      expect((await s.org.as.isms_manager.del(url(`/controls/${archived.id}`))).statusCode).toBe(204);
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: archived.id },
        'body.replacedById',
      );
      await reject({ applicability: 'applicable', exclusionReason: 'out_of_scope' }, 'body.exclusionReason');
      expect(await controlRow(annex.id)).toMatchObject({
        applicability: 'undecided',
        exclusionReason: null,
        replacedById: null,
        version: annex.version,
      });

      const replaced = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: custom.id,
        exclusionExplanation: 'Monitoring is done by the landlord',
      });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json()).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: custom.id,
      });

      // another reason: the replacement goes (otherwise the former replacement could never be archived)
      const reason = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        exclusionReason: 'out_of_scope',
      });
      expect(reason.statusCode, reason.body).toBe(200);
      expect(reason.json()).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'out_of_scope',
        replacedById: null,
        exclusionExplanation: 'Monitoring is done by the landlord',
      });
      expect(await controlRow(annex.id)).toMatchObject({ replacedById: null });
      await patchOk(s.org, annex.id, { exclusionReason: 'replaced', replacedById: custom.id });

      // back to applicable: the exclusion's fields go with it
      const back = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        statedReason: 'Landlord contract ended',
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({
        applicability: 'applicable',
        exclusionReason: null,
        replacedById: null,
        exclusionExplanation: null,
      });
      expect(await controlRow(annex.id)).toMatchObject({
        exclusionReason: null,
        replacedById: null,
        exclusionExplanation: null,
      });
    });

    it('a planned control says when', async () => {
      const annex = c('8.7');
      const res = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        implementationStatus: 'planned',
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.plannedDate']);
      expect((await controlRow(annex.id)).implementationStatus).toBe('not_started');
      const ok = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        statedReason: 'Best practice',
        implementationStatus: 'planned',
        plannedDate: '2030-06-30',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ implementationStatus: 'planned', plannedDate: '2030-06-30' });
      // the date cannot be taken away while the control is planned
      const clear = await s.org.as.isms_manager.patch(url(`/controls/${annex.id}`), { plannedDate: null });
      expect(clear.statusCode).toBe(400);
      expect(fields(clear)).toEqual(['body.plannedDate']);
    });

    it('Annex A controls are never archived; a custom control is, unless something still relies on it', async () => {
      const annex = c('5.3');
      const res = await s.org.as.isms_manager.del(url(`/controls/${annex.id}`));
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain('5.3');
      expect((await controlRow(annex.id)).archivedAt).toBeNull();

      // a replacement of its own to check that guard
      const replacement = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Replacement of 7.5' });
      await patchOk(s.org, c('7.5').id, {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: replacement.id,
      });
      const replacing = await s.org.as.isms_manager.del(url(`/controls/${replacement.id}`));
      expect(replacing.statusCode).toBe(409);
      expect(replacing.json().detail).toContain('7.5');
      expect((await controlRow(replacement.id)).archivedAt).toBeNull();
      // once 7.5 is excluded for another reason, the former replacement may go
      await patchOk(s.org, c('7.5').id, { exclusionReason: 'out_of_scope' });
      expect((await s.org.as.isms_manager.del(url(`/controls/${replacement.id}`))).statusCode).toBe(204);

      const unused = await buildCustomControl(s.org.as.isms_manager, s.org.slug, { title: 'Short-lived' });
      const gone = await s.org.as.isms_manager.del(url(`/controls/${unused.id}`));
      expect(gone.statusCode).toBe(204);
      expect((await controlRow(unused.id)).archivedAt).not.toBeNull();
      expect(await listRefs('')).not.toContain(unused.ref);
      s.controls = await controlsByRef(s.org);
    });
  });
});
