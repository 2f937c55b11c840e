import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  APPROVER,
  JOURNEY_TIMEOUT,
  MANAGER,
  describeJourney,
  expectFitsPhone,
  seedAlphaWithMembers,
  shot,
  shotBoth,
  signIn,
} from './support/journey.js';

/**
 * Information security objectives (27001 6.2) clicked in a real Chromium against the real server. The ISMS manager
 * finds the register empty with what 6.2 asks, sets an objective measured by progress entries (≥ 95 % by a year from
 * now, baseline 60 a year ago; the form shows the target for that mode and the reason when measuring is not
 * practicable), records a value a month ago far below the line to the target (at risk, with why), then one meeting
 * the target (target met), reads both in the chart's table and the values table, records that the objective was
 * e-mailed to top management, and starts the objectives document: writes its framework and communication, saves
 * the draft whose table holds the objective. Top management approves version 1 and downloads the XLSX. Runs on
 * SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */

/** An ISO date `days` from today (the server judges progress against its own today). */
const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const nav = (page: Page) => page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });

async function recordProgress(page: Page, date: string, value: string, note: string) {
  const form = page.getByRole('form', { name: 'Record progress' });
  await form.getByLabel('Date', { exact: true }).fill(date);
  await form.getByLabel('Value', { exact: true }).fill(value);
  await form.getByLabel('Note', { exact: true }).fill(note);
  await form.getByRole('button', { name: 'Record the value' }).click();
}

describeJourney(
  'objectives journey',
  (run) => {
    it(
      'sets an objective, records progress to the target, communicates it and has the objectives document approved',
      async () => {
        const { dialect, newContext } = run();
        const p = `objectives-${dialect}-`;
        const context = await newContext();
        const approverContext = await newContext();
        let page: Page | undefined;
        let approverPage: Page | undefined;
        try {
          // Nothing yet: the register explains 6.2 and offers to set the first objective.
          page = await signIn(context, MANAGER, '');
          await nav(page).getByRole('link', { name: 'Objectives', exact: true }).click();
          await page.waitForURL('**/o/alpha/objectives');
          await page.getByRole('heading', { name: 'No objective set yet' }).waitFor();
          await shot(page, `${p}01-empty`);
          await page.getByRole('link', { name: 'Set an objective' }).first().click();

          // The form follows the measurement mode: a reason when not practicable, a target when measured.
          await page.getByLabel('Title', { exact: true }).fill('Staff complete security awareness training');
          await page
            .getByLabel('Statement', { exact: true })
            .fill('Every member of staff completes the yearly awareness course.');
          await page.getByLabel('Measured by').selectOption({ label: 'Not practicable to measure' });
          await page.getByLabel('Why it cannot be measured').waitFor();
          expect(await page.getByLabel('Target', { exact: true }).count()).toBe(0);
          await page.getByLabel('Measured by').selectOption({ label: 'Manual progress entries' });
          await page.getByLabel('Target', { exact: true }).fill('95');
          expect(await page.getByLabel('Why it cannot be measured').count()).toBe(0);
          await page.getByLabel('Unit', { exact: true }).fill('%');
          await page.getByLabel('Direction').selectOption({ label: 'At least' });
          await page.getByLabel('Baseline').fill('60');
          await page.getByLabel('Start', { exact: true }).fill(fromToday(-365));
          await page.getByLabel('Deadline').fill(fromToday(365));
          await page.getByRole('button', { name: 'Create objective' }).click();
          await page.getByRole('status').filter({ hasText: 'Objective OBJ-001 set.' }).waitFor();
          await page.getByText('No value yet: record progress or link a measure with results.').waitFor();

          // A value far below the line from the baseline to the target: at risk, and the page says why.
          await recordProgress(page, fromToday(-30), '62', 'Course records from the HR system');
          await page.getByRole('status').filter({ hasText: 'Progress recorded: 62.' }).waitFor();
          const progress = page.locator('.obj-progress');
          await progress.getByText(/does not meet the target ≥ 95 %, and at this pace it will not/).waitFor();
          await shotBoth(page, `${p}02-at-risk`);

          // The course campaign worked: the target is met.
          await recordProgress(page, fromToday(0), '96', 'After the autumn campaign');
          await page.getByRole('status').filter({ hasText: 'Progress recorded: 96.' }).waitFor();
          await progress.getByText(/meets the target ≥ 95 %/).waitFor();
          const values = page.getByRole('table', { name: 'Values and the status each gave' });
          await values.getByRole('row').filter({ hasText: '96' }).getByText('Target met').waitFor();
          await values.getByRole('row').filter({ hasText: '62' }).getByText('At risk').waitFor();
          // the chart's numbers, folded under it
          await progress.getByText('Show the values as a table').click();
          const chartTable = progress.getByRole('table', { name: 'Values over time' });
          await chartTable.getByRole('rowheader', { name: fromToday(-30) }).waitFor();
          await chartTable.getByRole('cell', { name: '96', exact: true }).waitFor();
          await page.getByRole('table', { name: 'Progress entries' }).getByText('After the autumn campaign').waitFor();
          await shotBoth(page, `${p}03-met`);
          await expectFitsPhone(page, progress, `${p}04`);

          // Communicated to top management by e-mail (6.2 d).
          const comms = page.getByRole('form', { name: 'Record a communication' });
          await comms.getByLabel('Channel').selectOption({ label: 'Email' });
          await comms.getByRole('checkbox', { name: 'Approver (top management)' }).check();
          await comms.getByRole('button', { name: 'Record the communication' }).click();
          await page.getByRole('status').filter({ hasText: 'Communication recorded.' }).waitFor();
          await page
            .getByRole('table', { name: 'Communicated (6.2 d)' })
            .getByRole('row')
            .filter({ hasText: 'Email' })
            .getByText('Approver (top management)')
            .waitFor();

          // The objectives document: started, its texts written, the draft saved with the objective in it.
          await nav(page).getByRole('link', { name: 'Objectives document' }).click();
          await page.waitForURL('**/o/alpha/objectives-document');
          await page.getByRole('heading', { name: 'No objectives document yet' }).waitFor();
          await page.getByRole('button', { name: 'Start the objectives document' }).click();
          await page.getByRole('status').filter({ hasText: 'Objectives document OD-001 started' }).waitFor();
          await page
            .getByLabel('Framework for setting objectives')
            .fill('Objectives are set each year from the information security policy by the ISMS manager.');
          await page.getByLabel('Communication', { exact: true }).fill('E-mailed to top management and staff.');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft.' }).waitFor();
          const snapshot = page.getByRole('table', { name: 'Information security objectives' });
          await snapshot.getByText('Staff complete security awareness training').waitFor();
          await snapshot.getByText('≥ 95 %').waitFor();
          await shotBoth(page, `${p}05-draft`);

          // Top management approves version 1 and downloads the objectives as XLSX.
          approverPage = await signIn(approverContext, APPROVER, '/o/alpha/objectives-document');
          await approverPage.getByRole('button', { name: 'Approve', exact: true }).click();
          const dialog = approverPage.getByRole('dialog', { name: 'Approve version 1' });
          await dialog.getByText('Approved by top management as the information security objectives').waitFor();
          await dialog.getByRole('button', { name: 'Approve version 1' }).click();
          await approverPage.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
          await shotBoth(approverPage, `${p}06-approved`);
          await expectFitsPhone(approverPage, approverPage.locator('.doc-page'), `${p}07`);
          const [download] = await Promise.all([
            approverPage.waitForEvent('download'),
            approverPage.getByRole('link', { name: 'Export the objectives of version 1 as XLSX' }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
          const head = fs.readFileSync((await download.path())!).subarray(0, 4);
          expect([...head]).toEqual([0x50, 0x4b, 0x03, 0x04]);
        } catch (err) {
          if (page && !page.isClosed()) await shot(page, `${p}failure`);
          if (approverPage && !approverPage.isClosed()) await shot(approverPage, `${p}failure-approver`);
          throw err;
        } finally {
          await context.close();
          await approverContext.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed: seedAlphaWithMembers },
);
