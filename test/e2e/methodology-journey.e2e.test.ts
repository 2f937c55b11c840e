import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  APPROVER,
  describeJourney,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  shotBoth,
  signIn,
} from './support/journey.js';

/**
 * The risk methodology from nothing to an approved 4 × 4 matrix, clicked in Chromium against the real server: the
 * ISMS manager starts from the 3 × 3 starting methodology, grows both scales to four levels, adds a "Critical" level
 * of risk and sets cells in the grid (a message next to an emptied label on the way), and saves; top management
 * sees what approval would do to the risks and approves; the document shows version 1 approved with its 4 × 4 grid.
 * Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 *
 * Later steps (a risk on the heat map, a changed matrix re-scoring it) continue from `approvedMethodology`.
 */
const PAGE = '/o/alpha/risk-methodology';
const GRID = /^Level of risk for each/;

/** The level named in each cell of the view's grid, most likely row first. */
async function gridLevels(page: Page): Promise<string[][]> {
  const grid = page.getByRole('table', { name: GRID }).first();
  return grid
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

/** The ISMS manager creates the methodology from the 3 × 3 starting one; the editor opens on version 1. */
async function createFrom3x3(context: BrowserContext, p: string): Promise<Page> {
  const page = await signIn(context, MANAGER, '');
  await page
    .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
    .getByRole('link', { name: 'Risk methodology' })
    .click();
  await page.waitForURL(`**${PAGE}`);
  await page.getByRole('heading', { name: 'No risk methodology yet' }).waitFor();
  await page.getByRole('radio', { name: /3 × 3 matrix for small organizations/ }).check();
  await shotBoth(page, `${p}01-empty`);
  await page.getByRole('button', { name: 'Create the methodology' }).click();
  await page.getByRole('heading', { name: 'Editing version 1' }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /Risk methodology RM-\d+ created/ })
    .waitFor();
  return page;
}

/** Both scales get a fourth level, the levels of risk a fourth one, and the top-right cells become Critical. */
async function growTo4x4(page: Page, p: string): Promise<void> {
  const likelihood = page.getByRole('group', { name: 'Likelihood scale' });
  await likelihood.getByRole('button', { name: 'Add a likelihood level' }).click();
  await likelihood.getByLabel('Label, likelihood level 4').fill('Very high');
  await likelihood.getByLabel('Description, likelihood level 4').fill('Expected several times a year.');
  const consequence = page.getByRole('group', { name: 'Consequence scale' });
  await consequence.getByRole('button', { name: 'Add a consequence level' }).click();

  const levels = page.getByRole('group', { name: 'Levels of risk' });
  await levels.getByRole('button', { name: 'Add a level of risk' }).click();
  await levels.getByLabel('Label of level Level 4').fill('Critical');
  await levels.getByLabel('Key of level Critical').fill('critical');
  await levels.getByLabel('Colour code of level Critical').fill('#6A1B9A');

  // The new row and column copied their neighbours; now set the corner cells.
  const rule = page.getByRole('group', { name: 'Rule for the level of risk' });
  expect(await rule.getByLabel('Likelihood Very high, consequence High').inputValue()).not.toBe('');
  for (const [l, c] of [
    ['Very high', 'Level 4'],
    ['Very high', 'High'],
    ['High', 'Level 4'],
  ] as const) {
    await rule.getByLabel(`Likelihood ${l}, consequence ${c}`).selectOption({ label: 'Critical' });
  }
  const acceptance = page.getByRole('group', { name: 'Risk acceptance criteria' });
  await acceptance.getByLabel('Who may accept a risk at level Critical').fill('Board of directors');

  // An emptied label is caught before sending, next to its field.
  await consequence.getByLabel('Label, consequence level 4').fill('');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await consequence.getByText('Required').waitFor();
  await consequence.getByLabel('Label, consequence level 4').fill('Very high');
  await shotBoth(page, `${p}02-editor`);
  await page.getByLabel('Change note').fill('4 × 4 with a Critical level');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft.' }).waitFor();
}

/** Top management reads version 1, sees what approving does to the risks, and approves it. */
async function approveVersion(context: BrowserContext, no: number, p: string): Promise<Page> {
  const page = await signIn(context, APPROVER, PAGE);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Approve version ${no}` });
  await dialog.getByRole('region', { name: 'What approving this version does to the risks' }).waitFor();
  await dialog
    .getByText(/No risk has been evaluated yet|If approved, \d+ of \d+ evaluated risks change level/)
    .waitFor();
  await dialog.getByLabel('Comment').fill('Approved at the management meeting');
  await shotBoth(page, `${p}04-approve-dialog`);
  await dialog.getByRole('button', { name: `Approve version ${no}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Version ${no} approved.` })
    .waitFor();
  return page;
}

describeJourney(
  'risk methodology journey',
  (run) => {
    it(
      'creates a methodology from the 3 × 3, makes it a 4 × 4 matrix, and has it approved',
      async () => {
        const { dialect, newContext } = run();
        const p = `methodology-${dialect}-`;
        let page: Page | undefined;
        try {
          let context = await newContext();
          page = await createFrom3x3(context, p);
          await growTo4x4(page, p);

          // The saved draft reads as a 4 × 4 heat grid whose cells name their level.
          expect(await gridLevels(page)).toEqual([
            ['Medium', 'High', 'Critical', 'Critical'],
            ['Medium', 'High', 'High', 'Critical'],
            ['Low', 'Medium', 'High', 'High'],
            ['Low', 'Low', 'Medium', 'Medium'],
          ]);
          expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0); // segregation of duties
          await shotBoth(page, `${p}03-draft`);
          await context.close();

          context = await newContext();
          page = await approveVersion(context, 1, p);
          await page.getByRole('region', { name: 'Re-scoring at the approval of version 1' }).waitFor();
          const card = page.locator('.doc-card');
          await card.getByText('Approved', { exact: true }).first().waitFor();
          await expect.poll(() => page!.locator('.doc-header__meta').textContent()).toContain('Approved version1');
          expect((await gridLevels(page)).map((row) => row.length)).toEqual([4, 4, 4, 4]);
          await page
            .getByRole('region', { name: /^Approval/ })
            .getByText(APPROVER.name)
            .waitFor();
          await shotBoth(page, `${p}05-approved`);
          await context.close();
        } catch (e) {
          if (page && !page.isClosed()) await shot(page, `${p}failure`);
          throw e;
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed: seedAlphaWithMembers },
);
