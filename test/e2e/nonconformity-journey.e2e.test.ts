import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  apiSession,
  describeJourney,
  expectColumnsShownAt1440,
  expectFitsPhone,
  joinByInvitation,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';
import { handleNonconformity } from './support/nonconformity-steps.js';

/**
 * A nonconformity found by an internal audit, handled to closure in Chromium (27001:2022 10.2): correction,
 * decision, cause analysis, a corrective action, its effectiveness review refused to the action's owner and taken by
 * another person, closure by the ISMS manager; then the trends page counts it, and a viewer suggests an improvement
 * (10.1: anyone may).
 */
const VIEWER = { email: 'vic@example.com', name: 'Vic Viewer', role: 'viewer' };
let ncId = '';
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
let ncRef = '';
let baseUrl = '';

async function seed(url: string) {
  baseUrl = url;
  await seedAlphaWithMembers(url);
  const setupAdmin = await apiSession(url, ADMIN.email);
  await joinByInvitation(url, { cookie: setupAdmin.cookie, csrfToken: setupAdmin.csrfToken }, VIEWER);
  const manager = (await apiSession(url, MANAGER.email)).call;
  const members = await manager('GET', '/members');
  const maria = members.items.find((m: { email: string }) => m.email === MANAGER.email);
  // as raised from an internal audit's finding: an audit source, a grade, the requirement not fulfilled
  const nc = await manager('POST', '/nonconformities', {
    source: 'internal_audit',
    grade: 'minor',
    title: 'Leavers keep their access after they leave',
    description: 'Two of five sampled leavers still had active accounts two weeks after their last day.',
    requirementKey: '10.2.d',
    ownerId: maria.userId,
  });
  ncId = nc.id;
  ncRef = nc.ref;
  // a 6.1.1 opportunity an improvement will be linked to
  await manager('POST', '/isms-risks', {
    kind: 'opportunity',
    title: 'Automate leaver deprovisioning',
    category: 'automation',
  });
}

describeJourney(
  'Nonconformity journey',
  (run) => {
    it(
      'handles a nonconformity to closure, counts it in the trends, and takes a viewer’s suggestion',
      async () => {
        const { dialect, newContext } = run();
        const managerContext = await newContext();
        const adminContext = await newContext();
        const viewerContext = await newContext();
        let page: Page | undefined;
        try {
          page = await signIn(managerContext, MANAGER, `/o/alpha/nonconformities/${ncId}`);
          await page.getByRole('heading', { level: 1, name: 'Leavers keep their access after they leave' }).waitFor();
          // the requirement shows with its 2022 number and the 2013 one beside it
          await page.getByText('10.2 d) (2013: 10.1)').first().waitFor();
          const reviewer = await signIn(adminContext, ADMIN);
          await handleNonconformity(page, reviewer, { label: 'Leavers', shots: `nc-${dialect}` });
          await expectFitsPhone(page, page.locator('.step-progress'), `nc-${dialect}-closed`);

          // the register lists it closed, with its requirement
          await page.goto('/o/alpha/nonconformities');
          const row = page.getByRole('row', { name: new RegExp(ncRef) });
          await row.getByText('Closed', { exact: true }).waitFor();
          await row.getByText('10.2 d) (2013: 10.1)').waitFor();
          await expectColumnsShownAt1440(
            page,
            page.getByRole('table'),
            ['Title', 'Status', 'Source', 'Grade', 'Requirement', 'Owner (handles it)'],
            `nc-${dialect}-register`,
          );
          await expectFitsPhone(page, page.locator('section.nonconformities'), `nc-${dialect}-register`);

          // the trends: one closed, from an internal audit, against clause 10.2 (2013: 10.1)
          await page.getByRole('link', { name: 'Trends' }).click();
          await page.getByRole('heading', { level: 1, name: 'Nonconformity trends' }).waitFor();
          const closedTile = page.locator('.nc-tile', { hasText: 'Closed in the period' });
          await expect.poll(() => closedTile.locator('.nc-tile__value').textContent(), { timeout: 60_000 }).toBe('1');
          const found = page.getByRole('figure', { name: 'Found and closed' });
          await found.locator('svg.recharts-surface').first().waitFor();
          const bySource = page.getByRole('figure', { name: 'By source' });
          await bySource.getByText('Show the numbers as a table').click();
          await bySource.getByRole('row', { name: 'Internal audit 1' }).waitFor();
          const byClause = page.getByRole('figure', { name: 'By clause not fulfilled' });
          await byClause.getByText('Show the numbers as a table').click();
          await byClause.getByRole('row', { name: '10.2 (2013: 10.1) 1' }).waitFor();
          await shot(page, `nc-${dialect}-04-trends`);
          await expectFitsPhone(page, found, `nc-${dialect}-trends`);

          // reporting one by hand: the requirement is picked by its number and text, 2013 numbering beside
          await page.goto('/o/alpha/nonconformities');
          await page.getByRole('link', { name: 'Report a nonconformity' }).first().click();
          await page.getByRole('heading', { level: 1, name: 'Report a nonconformity' }).waitFor();
          await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'External audit' });
          await page.getByRole('textbox', { name: 'Title' }).fill('Backups are not restored to test them');
          await page.getByRole('button', { name: 'Report the nonconformity' }).click();
          // an audit's finding is graded: the form says so beside the grade before anything is sent
          await page.locator('.field__error', { hasText: 'An audit finding is graded' }).waitFor();
          await page.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'Major' });
          await shot(page, `nc-${dialect}-07-report-form`);
          const picker = page.getByRole('combobox', { name: 'Requirement not fulfilled (27001)' });
          await picker.selectOption({ label: (await picker.locator('option[value="10.2.c"]').textContent()) ?? '' });
          expect(await picker.locator('option[value="10.2.c"]').textContent()).toMatch(/^10\.2 c\) \(2013: 10\.1\) — /);
          await page.getByRole('button', { name: 'Report the nonconformity' }).click();
          await page.getByRole('heading', { level: 1, name: 'Backups are not restored to test them' }).waitFor();
          await page.getByText('Nonconformity NC-002 reported.').waitFor();
          await region(page, 'Correction (10.2 a)').getByText('Current step').waitFor();
          // what was found can be corrected before it is handled: here, who handles it
          await page.getByRole('link', { name: 'Edit', exact: true }).click();
          await page.getByRole('combobox', { name: 'Owner (handles it)' }).selectOption({ label: ADMIN.name });
          await page.getByRole('button', { name: 'Save changes' }).click();
          await region(page, 'What was found').getByText(ADMIN.name, { exact: true }).waitFor();

          // a step taken on a version someone else moved past is refused as stale, said once, and reloads
          const ncTwoId = page.url().split('/').pop()?.split('?')[0] ?? '';
          const manager = (await apiSession(baseUrl, MANAGER.email)).call;
          const before = await manager('GET', `/nonconformities/${ncTwoId}`);
          const correctionCard = region(page, 'Correction (10.2 a)');
          await correctionCard.getByRole('textbox', { name: 'Correction (10.2 a)' }).fill('Restored one backup.');
          await manager('PATCH', `/nonconformities/${ncTwoId}`, {
            description: 'Seen on the file server and the CRM.',
            expectedVersion: before.version,
          });
          await correctionCard.getByRole('button', { name: 'Record the correction' }).click();
          await correctionCard
            .getByText('Someone changed this record while you were editing.', { exact: false })
            .waitFor();
          await correctionCard.getByRole('button', { name: 'Reload' }).click();
          await region(page, 'What was found').getByText('Seen on the file server and the CRM.').waitFor();
          await correctionCard.getByRole('textbox', { name: 'Correction (10.2 a)' }).fill('Restored one backup.');
          await correctionCard.getByRole('button', { name: 'Record the correction' }).click();
          await correctionCard.locator('.step-card__state', { hasText: 'Done' }).waitFor();

          // a viewer suggests an improvement (anyone may, 10.1)
          const viewer = await signIn(viewerContext, { email: VIEWER.email }, '/o/alpha/improvements');
          await viewer.getByRole('link', { name: 'Suggest an improvement' }).first().click();
          await viewer.getByRole('textbox', { name: 'Title' }).fill('Remind managers of the leaver checklist');
          await viewer
            .getByRole('textbox', { name: 'Your suggestion' })
            .fill('A reminder in the monthly managers’ meeting would help.');
          await viewer.getByRole('button', { name: 'Send the suggestion' }).click();
          await viewer.getByRole('heading', { level: 1, name: 'Remind managers of the leaver checklist' }).waitFor();
          await viewer.locator('.nc__pills').getByText('Suggested', { exact: true }).waitFor();
          // a viewer reads it but does not evaluate it
          expect(await viewer.getByRole('button', { name: 'Record the evaluation' }).count()).toBe(0);
          await shot(viewer, `nc-${dialect}-05-suggested`);

          // the ISMS manager follows it up: worth pursuing, linked to a 6.1.1 opportunity, acted on, reviewed
          await page.goto(viewer.url());
          const evaluation = region(page, 'Evaluation');
          await evaluation.getByRole('combobox', { name: 'Worth pursuing' }).selectOption({ label: 'Yes' });
          await evaluation.getByRole('textbox', { name: 'Evaluation' }).fill('Cheap, and it addresses NC-001’s cause.');
          await evaluation.getByRole('button', { name: 'Record the evaluation' }).click();
          await evaluation.locator('.step-card__state', { hasText: 'Done' }).waitFor();
          const linkForm = page.getByRole('form', { name: 'Link a record' });
          await linkForm
            .getByRole('combobox', { name: 'Register' })
            .selectOption({ label: 'ISMS risk or opportunity' });
          const opportunity = linkForm.locator('option', { hasText: 'Automate leaver deprovisioning' });
          await opportunity.waitFor({ state: 'attached' });
          await linkForm
            .getByRole('combobox', { name: 'ISMS risk or opportunity', exact: true })
            .selectOption((await opportunity.getAttribute('value')) ?? '');
          await linkForm.getByRole('button', { name: 'Link', exact: true }).click();
          await page.getByText(/^Linked RO-/).waitFor();
          await region(page, 'Actions').getByRole('link', { name: 'Plan an action' }).click();
          await page
            .getByRole('textbox', { name: 'What will be done' })
            .fill('Add the checklist to the managers’ agenda');
          await page.getByRole('button', { name: 'Create action' }).click();
          await page.locator('.nc__pills').getByText('Planned', { exact: true }).waitFor();
          const improvementUrl = page.url();
          // not implemented while its action is open: the refusal says which action
          const change = region(page, 'Change to the ISMS');
          await change
            .getByRole('textbox', { name: 'Change to the ISMS' })
            .fill('Leaver checklist on the monthly agenda.');
          await change.getByRole('button', { name: 'Record as implemented' }).click();
          await change
            .getByText(/still open/i)
            .first()
            .waitFor();
          // the action is carried out: done in the tracker
          await region(page, 'Actions')
            .getByRole('link', { name: 'Add the checklist to the managers’ agenda' })
            .click();
          await page.getByRole('link', { name: 'Edit', exact: true }).click();
          await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Done' });
          await page.getByRole('button', { name: 'Save changes' }).click();
          await page.getByRole('heading', { level: 1, name: 'Add the checklist to the managers’ agenda' }).waitFor();
          await page.goto(improvementUrl);
          await change
            .getByRole('textbox', { name: 'Change to the ISMS' })
            .fill('Leaver checklist on the monthly agenda.');
          await change.getByRole('button', { name: 'Record as implemented' }).click();
          await change.locator('.step-card__state', { hasText: 'Done' }).waitFor();
          const impReview = region(page, 'Effectiveness review');
          await impReview.getByRole('combobox', { name: 'Effective' }).selectOption({ label: 'Yes' });
          await impReview.getByRole('textbox', { name: 'Effectiveness review' }).fill('No leaver missed since.');
          await impReview.getByRole('button', { name: 'Record the review' }).click();
          await page.locator('.nc__pills').getByText('Reviewed', { exact: true }).waitFor();
          await shot(page, `nc-${dialect}-06-improvement-reviewed`);
          await expectFitsPhone(page, page.locator('.step-progress'), `nc-${dialect}-improvement`);
        } catch (error) {
          if (page) await shot(page, `nc-${dialect}-failure`);
          throw error;
        } finally {
          await managerContext.close();
          await adminContext.close();
          await viewerContext.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed },
);
