import { expect, it } from 'vitest';
import {
  APPROVER,
  describeJourney,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';

/**
 * The context of the organization, clicked in a real Chromium against the real server (`rampart start`): the ISMS
 * manager records the climate-change decision, an external issue (and changes it: the history shows it), a
 * regulator and its legal requirement, created from the regulator's page and shown there.
 * Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set. Setup and members go through the API.
 * Server, browser and databases: ./support/journey.ts.
 */
describeJourney(
  'context journey',
  (run) => {
    it(
      'records the climate decision, an external issue, a regulator and its legal requirement',
      async () => {
        const { dialect, newContext } = run();
        const context = await newContext();
        const p = `context-${dialect}-`;
        const page = await signIn(context, MANAGER, '');
        try {
          const nav = page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });
          await nav.getByRole('link', { name: 'Issues & climate (4.1)' }).click();
          await expect.poll(() => page.getByText('No issues recorded yet').isVisible()).toBe(true);
          await expect.poll(() => page.locator('.climate__status').textContent()).toBe('Not yet decided');
          await shot(page, `${p}01-empty`);

          // climate change: not relevant, with the reasoning, who and when
          await page.getByRole('button', { name: 'Record the decision' }).click();
          await page.getByLabel('No, it is not relevant').check();
          await page.getByLabel('Reasoning').fill('Offices only; the hosting provider guarantees regional failover.');
          await page.getByLabel('Decided by').selectOption({ label: `${APPROVER.name} (${APPROVER.email})` });
          await page.getByRole('button', { name: 'Save decision' }).click();
          await expect.poll(() => page.locator('.climate__status').textContent()).toBe('Not relevant');

          // an external issue; a category of the other side is not offered as valid
          await page.getByRole('link', { name: 'New issue' }).first().click();
          await page.getByLabel('Issue', { exact: true }).fill('New breach-notification rules');
          await page.getByLabel('Inside or outside').selectOption('external');
          await page.getByLabel('Category').selectOption('culture');
          await page.getByRole('button', { name: 'Create issue' }).click();
          await expect.poll(() => page.locator('.field__error').first().textContent()).toContain('does not fit');
          await page.getByLabel('Category').selectOption('political_legal_regulatory');
          await page.getByLabel('Effect on the ISMS').fill('Incident handling must meet a 72-hour deadline.');
          await page.getByRole('button', { name: 'Create issue' }).click();
          await page.waitForURL(/\/issues\/[0-9a-f-]{36}/);
          await expect
            .poll(() => page.getByRole('heading', { level: 1 }).textContent())
            .toBe('New breach-notification rules');
          await page.getByRole('link', { name: 'Edit' }).click();
          await page.getByLabel('Relevance').selectOption('high');
          await page.getByRole('button', { name: 'Save' }).click();
          await page.waitForURL(/\/issues\/[0-9a-f-]{36}$/);
          await expect.poll(() => page.getByText('Relevance: — → high').isVisible()).toBe(true);
          await shot(page, `${p}02-issue`);

          // a regulator, then its legal requirement from the regulator's page
          await nav.getByRole('link', { name: 'Interested parties (4.2)' }).click();
          await page.getByRole('link', { name: 'New interested party' }).first().click();
          await page.getByLabel('Name', { exact: true }).fill('Data protection authority');
          await page.getByLabel('Inside or outside').selectOption('external');
          await page.getByLabel('Type', { exact: true }).selectOption('regulator');
          await page.getByRole('button', { name: 'Create interested party' }).click();
          await page.waitForURL(/\/interested-parties\/[0-9a-f-]{36}/);
          await expect
            .poll(() => page.getByText('No requirements recorded for this party yet', { exact: false }).isVisible())
            .toBe(true);
          await page.getByRole('link', { name: 'Add a requirement' }).click();
          await expect
            .poll(() => page.getByLabel('Interested party', { exact: true }).locator('option:checked').textContent())
            .toBe('IP-001 — Data protection authority');
          await page.getByLabel('Requirement', { exact: true }).fill('Notify personal-data breaches within 72 hours');
          await page.getByLabel('Kind').selectOption('legal');
          await page.getByLabel('Source').fill('Data protection act, art. 33');
          await page.getByRole('button', { name: 'Create requirement' }).click();
          await page.waitForURL(/\/requirements\/[0-9a-f-]{36}/);
          await page.getByRole('link', { name: 'IP-001 — Data protection authority' }).click();
          await page.waitForURL(/\/interested-parties\/[0-9a-f-]{36}/);
          await expect
            .poll(() => page.getByRole('link', { name: 'Notify personal-data breaches within 72 hours' }).isVisible())
            .toBe(true);
          await shot(page, `${p}03-party`);
        } catch (err) {
          await shot(page, `${p}failure`);
          throw err;
        } finally {
          await context.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed: seedAlphaWithMembers },
);
