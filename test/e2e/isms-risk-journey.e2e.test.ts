import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiSession,
  describeJourney,
  expectFitsPhone,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';

/**
 * Recording the evaluation of an ISMS risk's actions (27001 6.1.1 e), clicked in Chromium: the form asks for the
 * effectiveness, says "someone changed this record" with a reload when the record moved on meanwhile (the version it
 * sent is stale), and records the evaluation after the reload.
 */
let riskId = '';
let baseUrl = '';

async function seed(url: string) {
  baseUrl = url;
  await seedAlphaWithMembers(url);
  const manager = (await apiSession(url, MANAGER.email)).call;
  const risk = await manager('POST', '/isms-risks', {
    kind: 'risk',
    title: 'Staff fall for phishing e-mails',
    category: 'weak_awareness',
    status: 'action_planned',
    evaluationMethod: 'Click rate of the quarterly phishing test',
  });
  riskId = risk.id;
}

describeJourney(
  'ISMS risk journey',
  (run) => {
    it('records the evaluation of an ISMS risk, after a stale save and a reload', async () => {
      const { dialect, newContext } = run();
      const context = await newContext();
      let page: Page | undefined;
      try {
        page = await signIn(context, MANAGER, `/o/alpha/isms-risks/${riskId}`);
        const card = page.getByRole('region', { name: 'Evaluation of effectiveness (6.1.1 e)' });
        await card.getByRole('button', { name: 'Record the evaluation' }).click();
        const form = card.getByRole('form', { name: 'What did the evidence show about the actions taken?' });
        await form.getByRole('button', { name: 'Save the evaluation' }).click();
        await form.locator('.field__error').filter({ hasText: 'Required' }).waitFor();

        // Someone else changes the record while the form is open: the save is refused as stale, and says so once.
        const manager = (await apiSession(baseUrl, MANAGER.email)).call;
        const current = await manager('GET', `/isms-risks/${riskId}`);
        await manager('PATCH', `/isms-risks/${riskId}`, {
          description: 'Seen twice last quarter',
          expectedVersion: current.version,
        });
        await form.getByLabel('Effectiveness').selectOption({ label: 'Partly effective' });
        await form.getByRole('button', { name: 'Save the evaluation' }).click();
        await form.getByText('Someone changed this record while you were editing.', { exact: false }).waitFor();
        if (process.env.E2E_SCREENSHOTS) {
          await page.setViewportSize({ width: 1440, height: 900 });
          await shot(page, `isms-risk-${dialect}-01-stale-1440`);
        }
        // the page, its progress steps and the form fit a phone without scrolling sideways
        await expectFitsPhone(page, form, `isms-risk-${dialect}-01-stale`);
        await form.getByRole('button', { name: 'Reload' }).click();

        // After the reload the record is read again, with the other person's change, and the evaluation is saved.
        await page.getByText('Seen twice last quarter', { exact: true }).waitFor();
        await card.getByRole('button', { name: 'Record the evaluation' }).click();
        await form.getByLabel('Effectiveness').selectOption({ label: 'Partly effective' });
        await form.getByLabel('Evaluation notes', { exact: false }).fill('Click rate fell from 14 % to 6 %.');
        await form.getByRole('button', { name: 'Save the evaluation' }).click();
        await card.getByText('Evaluation recorded.').waitFor();
        await card.getByText('Click rate fell from 14 % to 6 %.', { exact: true }).waitFor();
        expect(await card.getByRole('form').count()).toBe(0);
        const saved = await manager('GET', `/isms-risks/${riskId}`);
        expect(saved).toMatchObject({ effectiveness: 'partially_effective', version: current.version + 2 });
        if (process.env.E2E_SCREENSHOTS) {
          await page.setViewportSize({ width: 1440, height: 900 });
          await shot(page, `isms-risk-${dialect}-02-evaluated-1440`);
        }
      } catch (err) {
        if (page) await shot(page, `isms-risk-${dialect}-failure`);
        throw err;
      } finally {
        await context.close();
      }
    });
  },
  { seed },
);
