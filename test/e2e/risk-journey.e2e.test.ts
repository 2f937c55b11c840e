import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Methodology } from '../../src/schema/risks/methodology.schema.js';
import { fourByFour } from '../helpers/risk-factories.js';
import {
  describeJourney,
  shot,
  expectFitsPhone,
  shotBoth,
  signIn,
  seedAlphaWithMembers,
  APPROVER,
  MANAGER,
  apiSession,
} from './support/journey.js';

/**
 * The risk register from the first rated risk to a re-scored one, clicked in a real Chromium against the real server
 * (`rampart start`). Through the API: a 4 × 4 methodology (from the 3 × 3 starting one) is approved. In the browser,
 * the ISMS manager records the example 27003 works through — theft or loss of a mobile phone, losing availability
 * and disclosing information — with its owner and analysis, sees it beyond acceptance, finds it on the heat map
 * and follows the cell to the list, and closes an assessment cycle. Through the API again, top management approves
 * a stricter matrix; the browser shows the risk re-scored, the re-scoring report, and the comparison of the closed
 * cycle with the register today. Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 *
 * Server, browser and databases: ./support/journey.ts.
 */

/** Saves `methodology` as the next draft (the ISMS manager) and approves it (top management), as the API allows. */
async function approveVersion(baseUrl: string, recordId: string, methodology: Methodology, summary: string) {
  const manager = await apiSession(baseUrl, MANAGER.email);
  const approver = await apiSession(baseUrl, APPROVER.email);
  const draft = await manager.call<{ versionNo: number; contentHash: string }>(
    'PUT',
    `/risk-methodologies/${recordId}/draft`,
    { content: { summary, methodology } },
  );
  await approver.call('POST', `/risk-methodologies/${recordId}/versions/${draft.versionNo}/approve`, {
    contentHash: draft.contentHash,
  });
  return draft.versionNo;
}

/** Version 2: the board adds a "Critical" level for the likeliest, most serious risks and accepts "Medium". */
function stricterMatrix(): Methodology {
  const m = fourByFour();
  m.levels.push({ key: 'critical', label: 'Critical', colour: '#7F1D1D', description: 'Treat at once.' });
  m.rule = {
    kind: 'matrix',
    cells: [
      ['low', 'low', 'medium', 'medium'],
      ['low', 'medium', 'medium', 'high'],
      ['medium', 'medium', 'critical', 'critical'],
      ['medium', 'high', 'critical', 'critical'],
    ],
  };
  m.acceptance.acceptableLevels = ['low', 'medium'];
  return m;
}

let methodologyId = '';

async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const manager = await apiSession(baseUrl, MANAGER.email);
  ({ id: methodologyId } = await manager.call<{ id: string }>('POST', '/risk-methodologies', {
    title: 'Information security risk assessment methodology',
  }));
  await approveVersion(
    baseUrl,
    methodologyId,
    fourByFour(),
    'A 4 × 4 matrix, assessed yearly and after significant changes.',
  );
}

const phone = 'Theft or loss of a mobile phone';

describeJourney(
  'risk journey',
  (run) => {
    it('rates the 27003 example risk, finds it on the heat map, and sees it re-scored by a new matrix', async () => {
      const { dialect, newContext, server } = run();
      const p = `risk-${dialect}-`;
      const context = await newContext();
      let page: Page | undefined;
      try {
        // The ISMS manager opens the risk register: the 4 × 4 heat map is there, empty; the list explains how to start.
        page = await signIn(context, MANAGER, '');
        await page
          .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
          .getByRole('link', { name: 'Risk register' })
          .click();
        await page.waitForURL('**/o/alpha/risks');
        await page.getByRole('heading', { name: 'No risks identified yet' }).waitFor();
        const map = page.locator('.heat-map__grid');
        await expect.poll(() => map.locator('td.heat-map__cell').count()).toBe(16);
        await map.getByRole('rowheader', { name: 'Very high' }).waitFor();
        await shotBoth(page, `${p}01-empty-register`);

        // The example of 27003: event scenario, confidentiality and availability, owner, rated on the 4 × 4 scales.
        await page.getByRole('link', { name: 'Describe an event scenario' }).click();
        await page.waitForURL('**/o/alpha/risks/new?approach=event');
        await page.getByLabel('Risk', { exact: true }).fill(phone);
        expect(await page.getByRole('radio', { name: 'Event scenario' }).isChecked()).toBe(true);
        await page.getByLabel('Risk source').fill('Thieves, and staff who mislay their phones');
        await page.getByLabel('Event', { exact: true }).fill('A company mobile phone is stolen or lost');
        await page
          .getByLabel('Cause', { exact: true })
          .fill('Phones travel everywhere; older ones have no screen lock enforced');
        await page
          .getByLabel('Consequence', { exact: true })
          .fill(
            'The phone and its data are no longer available, and the mail and customer contacts on it may be disclosed',
          );
        await page.getByLabel('Confidentiality').check();
        await page.getByLabel('Availability').check();
        await page.getByLabel('Existing controls').fill('Device encryption on phones bought since 2024');
        await page.getByLabel('Likelihood').selectOption({ label: 'High' });
        await page.getByLabel('Consequence level').selectOption({ label: 'High' });
        const preview = page.getByRole('region', { name: 'Resulting evaluation' });
        await preview.getByText('Choose the risk owner').waitFor();
        await page.getByLabel('Risk owner').selectOption({ label: `${MANAGER.name} (${MANAGER.email})` });
        await page.getByLabel('Rationale').fill('Two phones were lost last year; one held unencrypted customer mail.');
        await preview.getByText('Needs treatment').waitFor();
        expect(await preview.locator('.level-badge').textContent()).toBe('High');
        await shotBoth(page, `${p}02-form`);
        await page.getByRole('button', { name: 'Create risk' }).click();

        // Its page: level beyond acceptance, first priority, the methodology version it was rated with.
        await page.waitForURL(/\/o\/alpha\/risks\/[0-9a-f-]{36}\?created=1$/);
        const riskUrl = new URL(page.url()).pathname;
        await page.getByRole('heading', { level: 1, name: new RegExp(phone) }).waitFor();
        const evaluation = page.getByRole('region', { name: 'Evaluation' });
        await evaluation.getByText('Needs treatment').waitFor();
        expect(await evaluation.locator('.level-badge--large').textContent()).toBe('High');
        await evaluation.getByText('RM-001 version 1').waitFor();
        await shotBoth(page, `${p}03-risk`);

        // On the heat map: High × High holds it; the cell link filters the list to that cell.
        await page.getByRole('link', { name: 'Risk register' }).first().click();
        await page.waitForURL('**/o/alpha/risks');
        const cell = page.getByRole('link', { name: 'High × High: level High, 1 risk' });
        await cell.waitFor();
        await shotBoth(page, `${p}04-heat-map`);
        // On a phone the heat map fits its card: nothing runs off the page.
        await expectFitsPhone(page, page.locator('.heat-map'), `${p}04-heat-map`);
        await cell.click();
        await page.waitForURL(/likelihood=3/);
        expect(new URL(page.url()).searchParams.get('consequenceLevel')).toBe('3');
        await page
          .getByRole('status')
          .filter({ hasText: 'Showing the open risks in one cell of the heat map: High × High.' })
          .waitFor();
        const rows = page.getByRole('table', { name: 'Risk register' }).getByRole('row');
        await expect.poll(() => rows.count()).toBe(2);
        await rows.nth(1).getByRole('link', { name: phone }).waitFor();
        await rows.nth(1).getByText('Needs treatment').waitFor();
        expect(await page.locator('.heat-map__cell--selected').count()).toBe(1);
        await shotBoth(page, `${p}05-cell-list`);

        // A second risk through the API, rated Medium (not acceptable under version 1).
        const manager = await apiSession(server.baseUrl, MANAGER.email);
        const members = await manager.call<{ items: { userId: string; email: string }[] }>('GET', '/members');
        const ownerId = members.items.find((m) => m.email === MANAGER.email)!.userId;
        await manager.call('POST', '/risks', {
          title: 'Printed customer lists left on desks',
          ownerId,
          likelihood: 2,
          consequence: 2,
          affectsConfidentiality: true,
        });

        // The ISMS manager opens an assessment cycle and closes it: the confirmation says what freezing means.
        await page
          .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
          .getByRole('link', { name: 'Risk assessments' })
          .click();
        await page.getByRole('heading', { name: 'No assessment cycle yet' }).waitFor();
        await page.getByRole('link', { name: 'New assessment' }).first().click();
        await page.getByLabel('Assessment', { exact: true }).fill('Annual risk assessment 2026');
        await page.getByLabel('Started').fill('2026-01-15');
        await page.getByRole('button', { name: 'Create risk assessment' }).click();
        await page.waitForURL(/\/risk-assessments\/[0-9a-f-]{36}/);
        await page.getByRole('button', { name: 'Close and freeze' }).click();
        const dialog = page.getByRole('dialog', { name: /Close RA-001/ });
        await dialog
          .getByText('the analysis and evaluation of the 2 current risks are copied into a snapshot;')
          .waitFor();
        await dialog.getByLabel('Conclusion').fill('Two risks need treatment; the phone first.');
        await shot(page, `${p}06-close-dialog`);
        await dialog.getByRole('button', { name: 'Close and freeze the results' }).click();
        await page.getByRole('status').filter({ hasText: 'RA-001 closed: 2 risks frozen.' }).waitFor();
        await page.getByRole('table', { name: 'Frozen results' }).getByRole('link', { name: 'RISK-001' }).waitFor();
        expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
        await shotBoth(page, `${p}07-assessment-closed`);

        // Top management approves a stricter matrix (API): every risk is re-scored in the same transaction.
        await approveVersion(
          server.baseUrl,
          methodologyId,
          stricterMatrix(),
          'Critical level added; Medium now acceptable.',
        );

        // The risk now shows its new level, on version 2.
        await page.goto(riskUrl);
        const after = page.getByRole('region', { name: 'Evaluation' });
        await after.getByText('RM-001 version 2').waitFor();
        expect(await after.locator('.level-badge--large').textContent()).toBe('Critical');
        await after.getByText('Needs treatment').waitFor();
        await shotBoth(page, `${p}08-risk-rescored`);

        // The re-scoring report, from the register: the phone rose to Critical, the printed lists became acceptable.
        await page.getByRole('link', { name: 'Risk register' }).first().click();
        await page.getByRole('link', { name: 'High × High: level Critical, 1 risk' }).waitFor();
        await page.getByRole('link', { name: 'Re-scoring reports' }).click();
        await page.getByRole('heading', { name: 'Re-scoring reports', level: 1 }).waitFor();
        // newest first: the approval of version 2 (version 1's own approval re-scored nothing)
        await page.getByRole('table', { name: 'Re-scoring reports' }).getByRole('row').nth(1).getByRole('link').click();
        await page.getByRole('heading', { name: 'Re-scoring: version 1 → version 2' }).waitFor();
        const moves = page.getByRole('table', { name: 'Risks moved by this methodology version' });
        const phoneRow = moves.getByRole('row').filter({ hasText: phone });
        // the badges show the level keys until the methodology's labels have loaded
        await expect.poll(() => phoneRow.locator('.level-badge').allTextContents()).toEqual(['High', 'Critical']);
        await phoneRow.getByText('Not crossed').waitFor();
        await moves
          .getByRole('row')
          .filter({ hasText: 'Printed customer lists' })
          .getByText('Now acceptable')
          .waitFor();
        await shotBoth(page, `${p}09-rescore-report`);

        // Comparing the closed cycle with the register today: the phone rose, the lists crossed to acceptable.
        await page.goto('/o/alpha/risk-assessments/compare');
        await page
          .getByRole('heading', { name: 'RA-001 — Annual risk assessment 2026 → The register today' })
          .waitFor();
        const rose = page.getByRole('region', { name: /Level rose/ });
        await rose.getByRole('row').filter({ hasText: phone }).waitFor();
        await page.getByRole('row').filter({ hasText: 'Printed customer lists' }).getByText('Now acceptable').waitFor();
        const tiles = page.getByRole('definition');
        await expect.poll(() => tiles.count()).toBe(7);
        await shotBoth(page, `${p}10-compare`);
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
