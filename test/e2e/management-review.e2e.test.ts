import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  APPROVER,
  JOURNEY_TIMEOUT,
  MANAGER,
  apiSession,
  describeJourney,
  expectFitsPhone,
  seedAlphaWithMembers,
  shot,
  shotBoth,
  signIn,
} from './support/journey.js';

/**
 * The management review (27001 9.3) clicked in a real Chromium against the real server. The ISMS manager finds no
 * review held yet (the banner says the first is due), plans one chaired by top management, records who attends,
 * opens the inputs a–g compiled live from the records, writes the commentary of input d (which starts the minutes'
 * draft and freezes the inputs in it), records a decision on performance and creates its action in the tracker;
 * the other inputs get "No action needed" through the API (the form is the same). The manager sees that only the
 * chair approves and that the draft must be saved again to hold the decisions, saves it; the chair approves the
 * minutes and downloads them as PDF. Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */

const today = () => new Date().toISOString().slice(0, 10);
const nav = (page: Page) => page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });

describeJourney(
  'management review journey',
  (run) => {
    it(
      'prepares a review, sees the inputs compiled, records a decision that opens an action, and the chair approves the minutes',
      async () => {
        const { dialect, newContext, server } = run();
        const p = `management-review-${dialect}-`;
        const context = await newContext();
        const chairContext = await newContext();
        let page: Page | undefined;
        let chairPage: Page | undefined;
        try {
          // None held yet: the banner says the first review is due, and offers to plan it.
          page = await signIn(context, MANAGER, '');
          await page
            .getByRole('region', { name: 'Management review' })
            .getByText('No management review has been held yet: the first one is due now.')
            .waitFor();
          await nav(page).getByRole('link', { name: 'Management reviews' }).click();
          await page.waitForURL('**/o/alpha/management-reviews');
          await page.getByText('No management review has been held yet: the first one is due now.').waitFor();
          await page.getByRole('heading', { name: 'No management review yet' }).waitFor();
          await shot(page, `${p}01-none`);
          await page.getByRole('link', { name: 'Plan the review' }).click();

          // Planned for today, chaired by top management.
          await page.getByLabel('Title', { exact: true }).fill('Annual management review');
          await page.getByLabel('Planned date').fill(today());
          await page.getByLabel('Chair').selectOption({ label: `${APPROVER.name} (${APPROVER.email})` });
          await page.getByRole('button', { name: 'Create management review' }).click();
          await page.getByRole('status').filter({ hasText: 'Review MR-001 planned.' }).waitFor();
          const id = new URL(page.url()).pathname.split('/').pop()!;

          // Attendance: the chair (a member) and a consultant by name.
          await page.getByRole('button', { name: 'Edit attendance' }).click();
          await page.getByRole('button', { name: 'Add a member' }).click();
          await page.getByLabel('Member 1').selectOption({ label: APPROVER.name });
          await page.getByLabel('Capacity').first().fill('Chief executive, chair');
          await page.getByRole('button', { name: 'Add someone else' }).click();
          await page.getByLabel('Name 1').fill('Carla Consultant');
          await page.getByRole('button', { name: 'Save attendance' }).click();
          const attendance = page.getByRole('region', { name: 'Attendance' });
          await attendance.getByText('Carla Consultant').waitFor();
          await attendance.getByText(APPROVER.name).waitFor();
          await shotBoth(page, `${p}02-overview`);

          // The inputs a–g, compiled live from the records before any draft exists.
          await page.getByRole('navigation', { name: 'Review views' }).getByRole('link', { name: 'Inputs' }).click();
          await page.getByText(/^Compiled live, as of/).waitFor();
          for (const heading of [
            'a) Status of actions from previous management reviews',
            'b) Changes in external and internal issues relevant to the ISMS',
            'd) Feedback on information security performance, with trends',
            'g) Opportunities for continual improvement',
          ])
            await page.getByRole('heading', { name: heading }).waitFor();
          await shotBoth(page, `${p}03-inputs-live`);

          // The commentary of input d starts the minutes' draft, which holds the inputs as compiled then.
          const d = page.getByRole('region', { name: 'd) Feedback on information security performance, with trends' });
          await d.getByLabel('d) Information security performance: commentary').fill('No nonconformity this year.');
          await d.getByRole('button', { name: 'Save commentary' }).click();
          await page.getByRole('status').filter({ hasText: 'Commentary saved in draft version 1.' }).waitFor();
          await page.getByText('The inputs of the minutes’ version 1 (Draft).').waitFor();
          await page.getByText(/^As kept in the minutes, as of/).waitFor();
          await expect
            .poll(() => d.getByLabel('d) Information security performance: commentary').inputValue())
            .toBe('No nonconformity this year.');

          // A decision on performance, and its action in the tracker.
          await page.getByRole('navigation', { name: 'Review views' }).getByRole('link', { name: 'Decisions' }).click();
          await page.getByText('No decision yet for input(s) a, b, c, d, e, f, g.').waitFor();
          await page.getByRole('button', { name: 'Record a decision' }).click();
          const dialog = page.getByRole('dialog', { name: 'Record a decision' });
          await dialog.getByLabel('Input').selectOption({ label: 'd) Information security performance' });
          await dialog.getByLabel('Kind').selectOption({ label: 'Actions on performance' });
          await dialog.getByLabel('Decision', { exact: true }).fill('Run a phishing exercise for all staff');
          await dialog.getByLabel('Owner').selectOption({ label: `${MANAGER.name} (${MANAGER.email})` });
          await dialog.getByRole('button', { name: 'Create decision' }).click();
          await page.getByRole('status').filter({ hasText: 'Decision MRD-001 saved.' }).waitFor();
          const decisions = page.getByRole('table', { name: 'Decisions of this review' });
          const row = decisions.getByRole('row').filter({ hasText: 'Run a phishing exercise' });
          await row.getByRole('button', { name: 'Create action' }).click();
          const actionDialog = page.getByRole('dialog', { name: 'Action for decision MRD-001' });
          await expect
            .poll(() => actionDialog.getByLabel('What will be done').inputValue())
            .toBe('Run a phishing exercise for all staff');
          await actionDialog.getByRole('button', { name: /^Create / }).click();
          await page
            .getByRole('status')
            .filter({ hasText: /Action ACT-\d+ created\./ })
            .waitFor();
          await row.getByRole('link', { name: /^ACT-\d+$/ }).waitFor();
          await row.locator('.mr-decision-status--open').waitFor();
          await shotBoth(page, `${p}04-decisions`);

          // The decision also changes the scope: "Open draft of…" opens the scope's next draft and links it.
          const api = await apiSession(server.baseUrl, MANAGER.email);
          await api.call('POST', '/scopes', { title: 'ISMS scope of Alpha' });
          await row.getByRole('button', { name: 'Open draft of…' }).click();
          const draftDialog = page.getByRole('dialog', { name: 'Open a draft for decision MRD-001' });
          await draftDialog.getByLabel('Document').selectOption({ label: 'Scope' });
          await draftDialog.getByRole('combobox', { name: 'Which one' }).fill('ISMS scope');
          await page.getByRole('option').filter({ hasText: 'ISMS scope of Alpha' }).click();
          await draftDialog.getByRole('button', { name: 'Open the draft' }).click();
          await draftDialog.getByText(/^Draft version 1 of \S+ opened\.$/).waitFor();
          await draftDialog.getByRole('link', { name: /^Go to \S+ version 1$/ }).waitFor();
          await draftDialog.getByRole('button', { name: 'Close' }).click();
          await row.getByRole('link', { name: 'Draft of the Scope' }).waitFor();

          // The other inputs need no action: recorded explicitly, as 27003 9.3 asks (the same form, through the API).
          for (const input of [
            'previousActions',
            'contextChanges',
            'partyChanges',
            'partyFeedback',
            'riskResults',
            'improvement',
          ])
            await api.call('POST', '/management-review-decisions', {
              reviewId: id,
              input,
              kind: 'no_action',
              statement: 'Reviewed: no action needed',
            });
          await page.reload();
          await decisions.getByRole('row').filter({ hasText: 'MRD-007' }).waitFor();
          expect(await page.getByText(/No decision yet for input/).count()).toBe(0);

          // The minutes: only the chair approves; the draft is saved again to hold the decisions.
          await page.getByRole('navigation', { name: 'Review views' }).getByRole('link', { name: 'Minutes' }).click();
          await page.getByText(`Only the chair, ${APPROVER.name}, approves the minutes.`).waitFor();
          await page.getByText(/Decisions were recorded or changed since draft version 1 was saved/).waitFor();
          expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
          await page.getByRole('button', { name: 'Edit draft' }).click();
          await page.getByLabel('Conclusions').fill('The ISMS remains suitable, adequate and effective.');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft.' }).waitFor();
          expect(await page.getByText(/Decisions were recorded or changed since/).count()).toBe(0);
          await page.getByRole('table', { name: 'Decisions of this review' }).getByText('MRD-007').waitFor();
          await shotBoth(page, `${p}05-minutes-draft`);

          // The chair approves version 1 and downloads the minutes as PDF.
          chairPage = await signIn(chairContext, APPROVER, `/o/alpha/management-reviews/${id}/minutes`);
          await chairPage.getByRole('button', { name: 'Approve', exact: true }).click();
          const approve = chairPage.getByRole('dialog', { name: 'Approve version 1' });
          await approve.getByText('Approved by the chair as the minutes of this management review').waitFor();
          await approve.getByRole('button', { name: 'Approve version 1' }).click();
          await chairPage.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
          await chairPage.getByText('Minutes approved').first().waitFor();
          await shotBoth(chairPage, `${p}06-approved`);
          await expectFitsPhone(chairPage, chairPage.locator('.doc-page'), `${p}07`);
          const [download] = await Promise.all([
            chairPage.waitForEvent('download'),
            chairPage.getByRole('link', { name: 'Export version 1 as PDF' }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/\.pdf$/);
          expect(
            fs
              .readFileSync((await download.path())!)
              .subarray(0, 5)
              .toString(),
          ).toBe('%PDF-');

          // Approved: the decisions are frozen (no new decision offered).
          await chairPage.goto(`/o/alpha/management-reviews/${id}/decisions`);
          await chairPage.getByText(/The minutes were approved \(version 1\)/).waitFor();
          expect(await chairPage.getByRole('button', { name: 'Record a decision' }).count()).toBe(0);

          // Feedback from interested parties (input e) has its register, empty so far, saying what to record.
          await nav(chairPage).getByRole('link', { name: 'Feedback from interested parties' }).click();
          await chairPage.getByRole('heading', { name: 'No feedback recorded yet' }).waitFor();
        } catch (err) {
          if (page && !page.isClosed()) await shot(page, `${p}failure`);
          if (chairPage && !chairPage.isClosed()) await shot(chairPage, `${p}failure-chair`);
          throw err;
        } finally {
          await context.close();
          await chairContext.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed: seedAlphaWithMembers },
);
