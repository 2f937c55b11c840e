import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  apiSession,
  describeJourney,
  expectFitsPhone,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';

/**
 * Monitoring and measurement (27001 9.1) in Chromium: the ISMS manager defines a derived measure with a target and
 * sees the live check of its formula; an objective (6.2) is measured by it (through the API); an automation account's
 * token pushes a batch of results (the API, as a script would); the measure page shows the trend's table with each
 * period's status in words, the objective's progress follows the measure, the manager writes the period's evaluation
 * (its results are then locked), the dashboard counts it red, the period's values download as XLSX and an earlier
 * month is imported from a CSV file. Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 *
 * Not yet covered, because the server has no such route or call on this branch: the DOCX/PDF report
 * (`/measures/report.docx|pdf`); the objective's stored status refreshed when results are pushed (the skipped test).
 */
let baseUrl = '';
let objectiveId = '';

async function seed(url: string) {
  baseUrl = url;
  await seedAlphaWithMembers(url);
}

/** The last three months as period keys and a day in each: the pushed results. */
function lastMonths(n: number): { key: string; day: string }[] {
  const now = new Date();
  const out: { key: string; day: string }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const key = d.toISOString().slice(0, 7);
    out.push({ key, day: `${key}-01` });
  }
  return out;
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describeJourney(
  'Measurement journey',
  (run) => {
    it(
      'defines a measure, receives pushed results, shows the trend and dashboard, and evaluates a period',
      async () => {
        const { dialect, newContext } = run();
        const context = await newContext();
        let page: Page | undefined;
        try {
          page = await signIn(context, MANAGER, '/o/alpha/measures');
          // the empty register explains 9.1 and points to the built-in catalog
          await page.getByRole('heading', { name: 'No measures yet' }).waitFor();
          await page.getByRole('link', { name: 'Open the built-in catalog' }).click();
          await page.getByRole('heading', { level: 1, name: 'Built-in measures' }).waitFor();
          await page.getByRole('button', { name: 'Switch on Overdue actions' }).waitFor();
          await shot(page, `meas-${dialect}-builtins`);

          // a derived measure: the formula is checked against the declared base measures as it is typed
          await page.goto('/o/alpha/measures/new');
          await page.getByRole('heading', { level: 1, name: 'New measure' }).waitFor();
          await page.getByLabel('Title').fill('Privileged accounts reviewed on time');
          await page.getByLabel('Information need').fill('Are privileged accounts reviewed in time?');
          await page.getByLabel('Kind').selectOption('effectiveness');
          await page
            .getByLabel('Base measures')
            .fill('reviewed: Accounts reviewed on time [count]\ntotal: Privileged accounts [count]');
          await page.getByLabel('Formula').fill('reviewd / total * 100');
          await page.getByText('The formula uses keys not declared in the base measures: reviewd.').waitFor();
          await page.getByLabel('Formula').fill('reviewed / total * 100');
          await page.getByText('The formula uses reviewed, total, all declared.').waitFor();
          await page.getByLabel('Unit').fill('%');
          await page.getByLabel('Target', { exact: true }).fill('95');
          await page.getByLabel('Target direction').selectOption('at_least');
          await page.getByLabel('Amber threshold').fill('90');
          await page.getByLabel('Measured', { exact: true }).selectOption('monthly');
          await shot(page, `meas-${dialect}-new`);
          await page.getByRole('button', { name: 'Create measure' }).click();
          await page.getByRole('heading', { level: 1, name: 'Privileged accounts reviewed on time' }).waitFor();
          const measureId = page.url().split('/measures/')[1]!.split('?')[0]!;
          const manager = await apiSession(baseUrl, MANAGER.email);
          const measure = await manager.call('GET', `/measures/${measureId}`);
          expect(measure.ref).toMatch(/^MSR-/);

          // an objective measured by it (the objectives pages are another helper's)
          const objective = await manager.call('POST', '/objectives', {
            title: 'Privileged access is reviewed on time',
            level: 'organization',
            measurementMode: 'measures',
            targetValue: 95,
            targetUnit: '%',
            targetDirection: 'at_least',
          });
          objectiveId = objective.id;
          await manager.call('POST', `/objectives/${objective.id}/measures`, { measureId });
          const before = await manager.call('GET', `/objectives/${objective.id}/progress-series`);
          expect(before.points).toEqual([]);
          expect(before.status).not.toBe('achieved');

          // an automation account's token pushes three months of base values, as a script would
          const admin = await apiSession(baseUrl, ADMIN.email);
          const account = await admin.call('POST', '/automation-accounts', {
            name: 'Access review job',
            role: 'contributor',
          });
          const issued = await admin.call('POST', `/automation-accounts/${account.userId}/tokens`, { name: 'push' });
          const [earlier, ...months] = lastMonths(4);
          const base = [
            { reviewed: 19, total: 20 }, // 95 %: green
            { reviewed: 18, total: 20 }, // 90 %: amber
            { reviewed: 16, total: 20 }, // 80 %: red
          ];
          const pushed = await fetch(`${baseUrl}/api/v1/orgs/alpha/measure-results/batch`, {
            method: 'POST',
            headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              results: months.map((m, i) => ({ measure: measure.ref, measuredOn: m.day, base: base[i] })),
            }),
          });
          expect(pushed.status, await pushed.clone().text()).toBe(200);
          expect(await pushed.json()).toMatchObject({ stored: 3 });
          // the objective takes its progress from the measure: three points, the latest 80 % short of 95 %
          const after = await manager.call('GET', `/objectives/${objective.id}/progress-series`);
          expect(after.points.map((p: { value: number; source: string }) => [p.value, p.source])).toEqual([
            [95, 'measure'],
            [90, 'measure'],
            [80, 'measure'],
          ]);
          expect(after.points[0].status).toBe('achieved');
          expect(['on_track', 'at_risk', 'missed']).toContain(after.status);

          // the measure page: latest value and status in words, and the trend's table with each period's status
          await page.reload();
          const summary = region(page, 'Information need');
          await summary.getByText('80 %').waitFor();
          await summary.getByText('✗ Red').waitFor();
          const trend = region(page, 'Trend');
          await trend.getByText('Show the values and statuses').click();
          const table = trend.getByRole('table', { name: 'Privileged accounts reviewed on time' });
          await table.getByRole('row', { name: new RegExp(`${months[0]!.key}.*95.*✓ Green`) }).waitFor();
          await table.getByRole('row', { name: new RegExp(`${months[1]!.key}.*90.*▲ Amber`) }).waitFor();
          await table.getByRole('row', { name: new RegExp(`${months[2]!.key}.*80.*✗ Red`) }).waitFor();
          // what it informs: an ISMS risk (6.1.1), listed with the record's links
          await manager.call('POST', '/isms-risks', {
            kind: 'risk',
            title: 'Privileged access outlives its need',
            category: 'weak_risk_management',
          });
          const informs = region(page, 'What this measure informs');
          await informs.getByLabel('Kind of record').selectOption('isms_risk');
          const control = informs.getByLabel('Record', { exact: true });
          // the option of that risk, once the list for the chosen kind has loaded (not a stale one of another kind)
          const option = control.locator('option', { hasText: 'Privileged access outlives its need' });
          await option.waitFor({ state: 'attached' });
          await control.selectOption((await option.getAttribute('value')) ?? '');
          await informs.getByRole('button', { name: 'Link' }).click();
          await region(page, 'Linked records').getByText('Informs').waitFor();
          const results = region(page, 'Results');
          await results.getByText('Automation').first().waitFor();
          await shot(page, `meas-${dialect}-measure`);

          // the period's evaluation: red, with what it means; its results are then locked
          const evaluations = region(page, 'Evaluations');
          const form = evaluations.getByRole('form', { name: 'Evaluate a period' });
          await form.getByLabel('Analysis period').fill(months[2]!.key);
          await form.getByLabel('Status').selectOption('red');
          await form
            .getByLabel('What the results mean')
            .fill('Four accounts were not reviewed: the reviewer left. A deputy is named; see the action.');
          await form.getByRole('button', { name: 'Save evaluation' }).click();
          await evaluations.getByText(`Period ${months[2]!.key} evaluated; 1 result(s) locked.`).waitFor();
          await evaluations.getByRole('row', { name: new RegExp(`${months[2]!.key}.*Red.*Four accounts`) }).waitFor();
          // the red period is raised as a nonconformity (10.2), once: the row then links to it
          await evaluations.getByRole('button', { name: 'Raise a nonconformity' }).click();
          await evaluations.getByRole('link', { name: 'Raised: open it' }).waitFor();
          expect(await evaluations.getByRole('button', { name: 'Raise a nonconformity' }).count()).toBe(0);
          await results.getByRole('row', { name: new RegExp(`${months[2]!.key}.*Evaluated, locked`) }).waitFor();
          // a correction of the evaluated period is refused by the server
          const refused = await manager
            .call('POST', `/measures/${measureId}/results`, {
              measuredOn: months[2]!.day,
              base: { reviewed: 20, total: 20 },
              note: 'late review',
            })
            .then(
              () => 'stored',
              (e: Error) => e.message,
            );
          expect(refused).toMatch(/: 409 /);
          await expectFitsPhone(page, page.locator('.measure-summary'), `meas-${dialect}-phone`);

          // the register lists it red, with its latest value
          await page.goto('/o/alpha/measures');
          const row = page.getByRole('row', { name: new RegExp(measure.ref) });
          await row.getByText('✗ Red').waitFor();
          await row.getByText('80 %').waitFor();

          // the dashboard: one card, counted red; every value of the period downloads as XLSX
          await page.goto('/o/alpha/measures/dashboard');
          await page.getByRole('heading', { level: 1, name: 'Measurement dashboard' }).waitFor();
          const counts = page.getByRole('list', { name: 'Measures by status' });
          await counts.getByRole('listitem').filter({ hasText: 'Red' }).getByText('1', { exact: true }).waitFor();
          await page.getByRole('link', { name: `${measure.ref} Privileged accounts reviewed on time` }).waitFor();
          await shot(page, `meas-${dialect}-dashboard`);
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Values (XLSX)' }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
          // a workbook (a ZIP), not an error page saved under its name
          expect(
            fs
              .readFileSync(await download.path())
              .subarray(0, 2)
              .toString(),
          ).toBe('PK');
          // the report of the period: a PDF holding the measure, its values and the evaluation written above
          const [report] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Report (PDF)' }).click(),
          ]);
          expect(report.suggestedFilename()).toMatch(/\.pdf$/);
          expect(
            fs
              .readFileSync(await report.path())
              .subarray(0, 5)
              .toString(),
          ).toBe('%PDF-');

          // an earlier month's result from a CSV file: checked first (nothing written), then imported
          const importCard = region(page, 'Import results');
          await importCard.getByLabel('File (CSV or XLSX)').setInputFiles({
            name: 'results.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(`Measure,Measured on,reviewed,total\n${measure.ref},${earlier!.day},20,20\n`),
          });
          await importCard.getByRole('button', { name: 'Check the file' }).click();
          await importCard.getByText('The file is fine: 1 row(s); importing stores 1').waitFor();
          await importCard.getByRole('button', { name: 'Import', exact: true }).click();
          await importCard.getByText('Imported: 1 result(s) stored').waitFor();
          const imported = await manager.call('GET', `/measures/${measureId}/results`);
          const sources = imported.items.map((r: { periodKey: string; source: string }) => [r.periodKey, r.source]);
          expect(sources).toContainEqual([earlier!.key, 'import']);
        } catch (error) {
          if (page) await shot(page, `meas-${dialect}-failure`);
          throw error;
        } finally {
          await context.close();
        }
      },
      JOURNEY_TIMEOUT,
    );

    // storing the measure's results refreshed the objective's stored value and status in the same transaction
    it('the objective measured by the measure stores its latest value and status from it', async () => {
      const manager = await apiSession(baseUrl, MANAGER.email);
      const objective = await manager.call('GET', `/objectives/${objectiveId}`);
      expect(objective.latestValue).toBe(80);
      expect(objective.progressStatus).not.toBe('not_measured');
      expect(objective.progressStatus).not.toBe('achieved');
    });
  },
  { seed },
);
