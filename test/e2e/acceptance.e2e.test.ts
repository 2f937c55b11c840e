import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fourByFour } from '../helpers/risk-factories.js';
import {
  describeJourney,
  shotBoth,
  signIn,
  seedAlphaWithMembers,
  APPROVER,
  MANAGER,
  apiSession,
} from './support/journey.js';

/**
 * The risk owner accepts a residual risk beyond the criteria, clicked in Chromium: the treatment card says it is a
 * concession, refuses it without a reason, then records it; the risk comes off the "without owner approval" check.
 */
let riskId = '';

async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const manager = (await apiSession(baseUrl, MANAGER.email)).call;
  const approver = (await apiSession(baseUrl, APPROVER.email)).call;
  const { id } = await manager('POST', '/risk-methodologies', { title: 'Risk assessment methodology' });
  const draft = await manager('PUT', `/risk-methodologies/${id}/draft`, {
    content: { summary: 'A 4 × 4 matrix.', methodology: fourByFour() },
  });
  await approver('POST', `/risk-methodologies/${id}/versions/${draft.versionNo}/approve`, {
    contentHash: draft.contentHash,
  });
  await manager('POST', '/control-settings/edition', { edition: 'iso27001-2022' });
  const me = (await manager('GET', '/members')).items.find((m: { email: string }) => m.email === MANAGER.email);
  const risk = await manager('POST', '/risks', {
    title: 'Legacy payroll server cannot be patched',
    ownerId: me.userId ?? me.id,
    likelihood: 4,
    consequence: 4,
  });
  riskId = risk.id;
  const t = await manager('PUT', `/risks/${risk.id}/treatment`, {
    options: [{ option: 'retain', rationale: 'Replaced next year; isolating it costs more than the harm' }],
    controls: [],
    residual: { likelihood: 4, consequence: 4 },
  });
  if (t.residualEvaluation?.acceptable !== false) throw new Error('the residual risk should be beyond acceptance');
}

describeJourney(
  'acceptance journey',
  (run) => {
    it('accepts a residual risk beyond the criteria as a justified concession', async () => {
      const { dialect, newContext } = run();
      const context = await newContext();
      let page: Page | undefined;
      try {
        page = await signIn(context, MANAGER, `/o/alpha/risks/${riskId}`);
        const card = page.getByRole('region', { name: 'Treatment' });
        await card.getByText('accepting it is a concession, and you must say why').waitFor();
        await card.getByRole('button', { name: 'Accept residual risk and approve this treatment' }).click();
        await card.getByText('Say why the risk is accepted beyond the criteria.').waitFor();
        await card
          .getByLabel('Why the risk is accepted beyond the criteria')
          .fill('The server is replaced in March; isolating it now would cost more than the harm.');
        await card.getByRole('button', { name: 'Accept residual risk and approve this treatment' }).click();
        await card.getByText(/Concession by Maria Manager on/).waitFor();
        expect(
          await card.getByRole('button', { name: 'Accept residual risk and approve this treatment' }).count(),
        ).toBe(0);
        await shotBoth(page, `acceptance-${dialect}-01-concession`);
        // the treatment's work goes into the action tracker from the risk, and shows in the plan
        const actions = page.getByRole('region', { name: 'Treatment actions (6.1.3 e)' });
        await actions.getByText('No action planned yet.', { exact: false }).waitFor();
        await actions.getByRole('link', { name: 'Plan an action' }).click();
        await page.getByRole('heading', { name: /^Plan an action for RISK-/ }).waitFor();
        await page
          .getByLabel('What will be done')
          .fill('Move the legacy payroll server to an isolated network segment');
        await page.getByLabel('Due date').fill('2030-03-31');
        await page.locator('form.register-form button[type="submit"]').click();
        await page.waitForURL(`**/o/alpha/risks/${riskId}`);
        await page
          .getByRole('region', { name: 'Treatment actions (6.1.3 e)' })
          .getByRole('link', { name: 'Move the legacy payroll server to an isolated network segment' })
          .waitFor();
        await page.goto('/o/alpha/risk-treatment-plan');
        await page.getByText('0 of 1 actions done', { exact: false }).waitFor();
        await page.goto('/o/alpha/treatment-checks');
        await page.getByRole('heading', { level: 1 }).waitFor();
        const body = await page.locator('main').textContent();
        expect(body).not.toContain('Legacy payroll server cannot be patched');
      } finally {
        await context.close();
      }
    });
  },
  { seed },
);
