import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeJourney, shotBoth, signIn, seedAlphaWithMembers, MANAGER, apiSession } from './support/journey.js';

/**
 * An organization still certified against 27001:2013 moves its SoA to 2022, clicked in Chromium: the ISMS manager
 * sees what would carry over and what needs a decision (the new controls among them), moves it, and finds the
 * decision taken on A.7.1.1 Screening carried to 6.1 Screening.
 */
async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const call = (await apiSession(baseUrl, MANAGER.email)).call;
  await call('POST', '/control-settings/edition', { edition: 'iso27001-2013' });
  const screening = (await call('GET', '/controls?q=Screening')).items.find(
    (c: { ref: string }) => c.ref === 'A.7.1.1',
  );
  await call('PATCH', `/controls/${screening.id}`, {
    applicability: 'applicable',
    statedReason: 'Every hire is screened',
    implementationStatus: 'implemented',
    expectedVersion: screening.version,
  });
}

describeJourney(
  'edition migration journey',
  (run) => {
    it('previews and moves a 2013 SoA to 2022, carrying decisions over', async () => {
      const { dialect, newContext } = run();
      const context = await newContext();
      let page: Page | undefined;
      try {
        page = await signIn(context, MANAGER, '/o/alpha/controls');
        const panel = page.getByRole('region', { name: 'Move the SoA to the 2022 edition' });
        await panel.getByRole('button', { name: 'See what moving to 2022 would do' }).click();
        await panel.getByRole('status').filter({ hasText: 'decisions carry over as they are' }).waitFor();
        const table = panel.getByRole('table', { name: 'Controls that will need a decision' });
        await table
          .getByRole('row')
          .filter({ hasText: '5.7 Threat intelligence' })
          .filter({ hasText: 'New in 2022' })
          .waitFor();
        await table
          .getByRole('row')
          .filter({ hasText: '8.15 Logging' })
          .filter({ hasText: 'Several 2013 controls merged into it' })
          .waitFor();
        await shotBoth(page, `migration-${dialect}-01-preview`);
        await panel.getByRole('button', { name: 'Move the SoA to 2022' }).click();
        await page.getByText('ISO/IEC 27001:2022 Annex A', { exact: false }).first().waitFor();
        await expect
          .poll(() => page!.getByRole('region', { name: 'Move the SoA to the 2022 edition' }).count())
          .toBe(0);
        await page.goto('/o/alpha/controls?q=Screening');
        const row = page.getByRole('row').filter({ hasText: 'Screening' });
        await row.filter({ hasText: '6.1' }).filter({ hasText: 'Applicable' }).waitFor();
        expect(await page.getByRole('row').filter({ hasText: 'A.7.1.1' }).count()).toBe(0);
        await shotBoth(page, `migration-${dialect}-02-moved`);
      } finally {
        await context.close();
      }
    });
  },
  { seed },
);
