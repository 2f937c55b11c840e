import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fourByFour } from '../helpers/risk-factories.js';
import {
  describeJourney,
  shot,
  shotBoth,
  signIn,
  seedAlphaWithMembers,
  APPROVER,
  MANAGER,
  apiSession,
} from './support/journey.js';

/**
 * Risk treatment and the Statement of Applicability, clicked in a real Chromium against the real server. Through the
 * API: a 4 × 4 methodology is approved and a risk with its owner is rated High. In the browser, the ISMS manager
 * chooses the 2022 edition of Annex A (93 controls, none decided), treats the risk by modifying it with two
 * controls (5.15 access control, 8.5 secure authentication) and a residual rating within the criteria, sees both
 * controls made applicable because of the risk, finds them in the SoA filtered to applicable, and sees the risk as
 * the reason on a control's page. Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */

async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const manager = await apiSession(baseUrl, MANAGER.email);
  const approver = await apiSession(baseUrl, APPROVER.email);
  const { id } = await manager.call<{ id: string }>('POST', '/risk-methodologies', {
    title: 'Information security risk assessment methodology',
  });
  const draft = await manager.call<{ versionNo: number; contentHash: string }>(
    'PUT',
    `/risk-methodologies/${id}/draft`,
    { content: { summary: 'A 4 × 4 matrix.', methodology: fourByFour() } },
  );
  await approver.call('POST', `/risk-methodologies/${id}/versions/${draft.versionNo}/approve`, {
    contentHash: draft.contentHash,
  });
}

const risk = 'Former staff keep access to the customer portal';

/** Picks the control with this identifier in the treatment form's typeahead. */
async function addControl(page: Page, ref: string) {
  const box = page.getByRole('combobox', { name: 'Add a control' });
  await box.fill(ref);
  const option = page.getByRole('option').filter({ hasText: new RegExp(`^${ref.replace('.', '\\.')} `) });
  await option.waitFor();
  await option.click();
  await page.getByLabel(`What ${ref} changes`).waitFor();
}

describeJourney(
  'treatment journey',
  (run) => {
    it('chooses the 2022 edition, treats a risk with two controls and finds them applicable in the SoA', async () => {
      const { dialect, newContext, server } = run();
      const p = `treatment-${dialect}-`;
      const context = await newContext();
      let page: Page | undefined;
      try {
        // The ISMS manager opens Controls & SoA: no edition yet, so the page explains the SoA and offers the two.
        page = await signIn(context, MANAGER, '');
        await page
          .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
          .getByRole('link', { name: 'Controls & SoA' })
          .click();
        await page.waitForURL('**/o/alpha/controls');
        await page
          .getByRole('heading', { name: 'Choose the Annex A edition for your Statement of Applicability' })
          .waitFor();
        await shotBoth(page, `${p}01-choose-edition`);
        await page.getByRole('button', { name: 'ISO/IEC 27001:2022 — 93 controls' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: 'ISO/IEC 27001:2022 Annex A chosen: 93 controls created' })
          .waitFor();
        const summary = page.getByRole('region', { name: 'The SoA at a glance' });
        await summary.getByRole('button', { name: '93 Not decided' }).waitFor();
        const table = page.getByRole('table', { name: 'Controls' });
        await table.getByRole('link', { name: '5.1', exact: true }).waitFor();
        await shotBoth(page, `${p}02-controls`);

        // A risk with its owner, rated High × High (beyond acceptance), through the API.
        const manager = await apiSession(server.baseUrl, MANAGER.email);
        const members = await manager.call<{ items: { userId: string; email: string }[] }>('GET', '/members');
        const ownerId = members.items.find((m) => m.email === MANAGER.email)!.userId;
        const created = await manager.call<{ id: string; ref: string }>('POST', '/risks', {
          title: risk,
          ownerId,
          likelihood: 3,
          consequence: 3,
          affectsConfidentiality: true,
        });

        // Its page: no treatment yet. The manager modifies it with 5.15 and 8.5 and rates the residual risk.
        await page.goto(`/o/alpha/risks/${created.id}`);
        const card = page.getByRole('region', { name: 'Treatment' });
        await card.getByText('No treatment decided yet.').waitFor();
        await card.getByRole('button', { name: 'Decide the treatment' }).click();
        await card.getByLabel('Modify the likelihood and/or the consequence').check();
        // saving without a rationale: the field says what is missing, nothing is sent
        await card.getByRole('button', { name: 'Save treatment' }).click();
        const rationale = card.getByLabel('Why “Modify the likelihood and/or the consequence”');
        await expect.poll(() => rationale.getAttribute('aria-invalid')).toBe('true');
        await rationale.fill(
          'Access is not removed when people leave; a joiner-mover-leaver process and MFA close the gap.',
        );
        await addControl(page, '5.15');
        await addControl(page, '8.5');
        await card.getByLabel('What 5.15 changes').selectOption({ label: 'Likelihood' });
        await card.getByLabel('What 8.5 changes').selectOption({ label: 'Likelihood and consequence' });
        await card.getByLabel('Note on 5.15 (optional)').fill('Leavers’ accounts disabled on their last day');
        await card.getByLabel('Likelihood', { exact: true }).selectOption({ label: 'Low' });
        await card.getByLabel('Consequence level', { exact: true }).selectOption({ label: 'Medium' });
        const preview = card.getByRole('region', { name: 'Expected residual level' });
        await preview.getByText('Acceptable').waitFor();
        expect(await preview.locator('.level-badge').textContent()).toBe('Low');
        await card
          .getByLabel('Why this residual risk')
          .fill('With MFA a stolen password alone no longer opens the portal.');
        await shotBoth(page, `${p}03-treatment-form`);
        await card.getByRole('button', { name: 'Save treatment' }).click();

        // Saved: both controls became applicable because of this risk; the card shows the treatment.
        await card
          .getByRole('status')
          .filter({ hasText: '5.15 and 8.5 are now applicable in the SoA because of this risk.' })
          .waitFor();
        const controls = card.getByRole('table', { name: 'Controls determined for the risk' });
        await controls.getByRole('row').filter({ hasText: '5.15' }).getByText('Applicable').waitFor();
        await controls.getByRole('row').filter({ hasText: '8.5' }).getByText('Likelihood and consequence').waitFor();
        expect(await card.locator('.level-badge--large').textContent()).toBe('Low');
        await card.getByText('Acceptable').first().waitFor();
        await shotBoth(page, `${p}04-treated`);

        // The SoA filtered to applicable: exactly those two.
        await page
          .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
          .getByRole('link', { name: 'Controls & SoA' })
          .click();
        await page.waitForURL('**/o/alpha/controls');
        await page.getByRole('group', { name: 'Quick filters' }).getByRole('button', { name: 'Applicable' }).click();
        await page.waitForURL(/applicability=applicable/);
        const rows = page.getByRole('table', { name: 'Controls' }).getByRole('row');
        await expect.poll(() => rows.count()).toBe(3);
        await rows.nth(1).getByRole('link', { name: '5.15', exact: true }).waitFor();
        await rows.nth(2).getByRole('link', { name: '8.5', exact: true }).waitFor();
        await summary.getByRole('button', { name: '2 Applicable' }).waitFor();
        await shotBoth(page, `${p}05-applicable`);

        // 5.15's page: the risk is its reason, with what the control changes; no "no reason" warning.
        await rows.nth(1).getByRole('link', { name: '5.15', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Access control' }).waitFor();
        const drivers = page.getByRole('region', { name: 'What needs this control' });
        await drivers.getByRole('link', { name: `${created.ref} ${risk}` }).waitFor();
        await drivers.getByText('Changes: Likelihood').waitFor();
        expect(await page.getByText('No reason left for including this control').count()).toBe(0);
        await shotBoth(page, `${p}06-control`);

        // Compare with Annex A: the 91 controls nothing has touched yet, with what the view is for.
        await page.getByRole('link', { name: 'Controls', exact: true }).first().click();
        await page
          .getByRole('group', { name: 'Quick filters' })
          .getByRole('button', { name: 'Not considered yet' })
          .click();
        await page.waitForURL(/untouched=true/);
        await page.getByRole('note').filter({ hasText: 'Compare with Annex A (6.1.3 c)' }).waitFor();
        await page.getByText('1–25 of 91').waitFor();

        // 7.4 is excluded: the exclusion fields appear only then, and the server's message lands next to its field.
        await page.goto('/o/alpha/controls?q=7.4');
        await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: '7.4', exact: true }).click();
        await page.getByRole('link', { name: 'Edit' }).click();
        await page.getByText('The wording of an Annex A control is the standard’s own').waitFor();
        expect(await page.getByLabel('Reason for exclusion').count()).toBe(0);
        await page.getByLabel('Applicability').selectOption({ label: 'Excluded' });
        await page.getByRole('button', { name: 'Save changes' }).click();
        const reason = page.getByLabel('Reason for exclusion');
        await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
        await page.getByText('Say why the control is excluded').waitFor();
        await reason.selectOption({ label: 'Outside the scope of the ISMS' });
        await page
          .getByLabel('Explanation of the exclusion')
          .fill('The office is in a shared building whose owner runs the surveillance.');
        await shot(page, `${p}07-exclude`);
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForURL(/\/controls\/[0-9a-f-]{36}$/);
        await page.getByText('Outside the scope of the ISMS').waitFor();

        // A custom control, applicable with no reason yet: its page says so.
        await page.getByRole('link', { name: 'Controls', exact: true }).first().click();
        await page.getByRole('link', { name: 'New custom control' }).click();
        await page.getByLabel('Control', { exact: true }).fill('Mobile device management');
        await page.getByLabel('Theme').selectOption({ label: 'Technological' });
        await page.getByLabel('Applicability').selectOption({ label: 'Applicable' });
        await page.getByRole('button', { name: 'Create control' }).click();
        await page.waitForURL(/\/controls\/[0-9a-f-]{36}\?created=1$/);
        await page.getByRole('heading', { level: 1, name: 'Mobile device management' }).waitFor();
        await page.getByRole('note').filter({ hasText: 'No reason left for including this control' }).waitFor();
        await shotBoth(page, `${p}08-custom-control`);
      } catch (err) {
        if (page) await shot(page, `${p}failure`);
        throw err;
      } finally {
        await context.close();
      }
    });
  },
  { seed },
);
