import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
 * The scope statement from first draft to approval, clicked in a real Chromium against the real server
 * (`rampart start`): the ISMS manager writes it (an exclusion with its reason) and moves it to "final"; top
 * management approves the exact version read; revising starts version 2 while version 1 stays approved; the two
 * are compared and exported as DOCX. On the way, the register import dialog (dry run, errors, import).
 * Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set. Setup and members go through the API.
 *
 * Server, browser and databases: ./support/journey.ts.
 */
describeJourney(
  'scope journey',
  (run) => {
    it(
      'drafts, finalizes, approves, revises, compares and exports the scope; imports actions',
      async () => {
        const { dialect, newContext } = run();
        const p = `scope-${dialect}-`;
        let page: Page | undefined;
        try {
          // The ISMS manager opens "Context & scope": an empty register that explains the scope statement.
          let context = await newContext();
          page = await signIn(context, MANAGER, '');
          await page
            .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
            .getByRole('link', { name: 'Context & scope' })
            .click();
          await page.waitForURL('**/o/alpha/scopes');
          await page.getByRole('heading', { name: 'No scope statement yet' }).waitFor();
          await shotBoth(page, `${p}01-empty`);

          await page.getByRole('link', { name: 'New scope statement' }).first().click();
          await page.getByLabel('Title').fill('ISMS scope of Alpha');
          await page.getByLabel('Owner').selectOption({ label: `${MANAGER.name} (${MANAGER.email})` });
          await page.getByLabel('Next review').fill('2031-03-31');
          await page.getByRole('button', { name: 'Create scope statement' }).click();
          await page.waitForURL(/\/o\/alpha\/scopes\/[0-9a-f-]{36}/);
          const scopeUrl = new URL(page.url()).pathname;
          await page.getByRole('heading', { name: 'Nothing written yet' }).waitFor();

          // First draft: text sections and an exclusion, whose reason is required (checked before sending).
          await page.getByRole('button', { name: 'Write the first draft' }).first().click();
          await page.getByRole('heading', { name: 'Editing version 1' }).waitFor();
          await page
            .getByLabel('Scope statement', { exact: true })
            .fill('The ISMS covers the online booking service of Alpha.');
          await page
            .getByLabel('Organizational scope', { exact: true })
            .fill('Product, engineering and customer support.');
          await page
            .getByLabel('ICT scope', { exact: true })
            .fill('The booking platform in the cloud tenant alpha-prod.');
          const exclusions = page.getByRole('group', { name: 'Excluded' });
          await exclusions.getByRole('button', { name: 'Add a row' }).click();
          await exclusions.getByLabel('Item, row 1').fill('Canteen');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await exclusions.getByText('Required').waitFor();
          await exclusions.getByLabel('Reason, row 1').fill('Handles no information of the ISMS');
          await shotBoth(page, `${p}02-editor`);
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft, stage Preliminary.' }).waitFor();
          await page.getByRole('cell', { name: 'Handles no information of the ISMS' }).waitFor();

          // Refined straight to final.
          await page.getByRole('button', { name: 'Edit draft' }).click();
          await page.getByLabel('Stage').selectOption('final');
          await page.getByLabel('Change note').fill('Evaluated by all managers in scope');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft, stage Final.' }).waitFor();
          await expect.poll(() => page!.locator('.stepper [aria-current="step"]').textContent()).toContain('Final');
          expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0); // segregation of duties
          await shotBoth(page, `${p}03-final-draft`);
          await context.close();

          // Top management reads version 1 and approves exactly that content.
          context = await newContext();
          page = await signIn(context, APPROVER, scopeUrl);
          await page.getByRole('heading', { name: 'ISMS scope of Alpha' }).waitFor();
          await page.getByRole('button', { name: 'Approve', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Approve version 1' });
          await dialog.getByText('Approved by top management as the scope of the ISMS').waitFor();
          await expect.poll(() => dialog.locator('.hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
          await dialog.getByLabel('Comment').fill('Agreed at the board meeting');
          await shotBoth(page, `${p}04-approve-dialog`);
          await dialog.getByRole('button', { name: 'Approve version 1' }).click();
          await page.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
          const block = page.getByRole('region', { name: /^Approval/ });
          await block.getByText(APPROVER.name).waitFor();
          await block.getByText('Approver (top management)').waitFor();
          await block.getByText('Agreed at the board meeting').waitFor();
          await shotBoth(page, `${p}05-approved`);
          await context.close();

          // Version 1 is locked: revising starts version 2, version 1 stays approved.
          context = await newContext();
          page = await signIn(context, MANAGER, scopeUrl);
          await page.getByRole('button', { name: 'Revise (start version 2)' }).click();
          await page.getByText('Version 1 is approved and never changes. Saving starts version 2').waitFor();
          await page
            .getByLabel('Scope statement', { exact: true })
            .fill('The ISMS covers the online booking service of Alpha and its Leeds office.');
          await page.getByLabel('Change note').fill('Leeds office added');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 2, draft, stage Final.' }).waitFor();
          await expect.poll(() => page!.locator('.doc-header__meta').textContent()).toContain('Approved version1');

          // Someone else saves the draft while it is open here: saving says so and offers to reload.
          await page.getByRole('button', { name: 'Edit draft' }).click();
          await page.getByLabel('Physical scope', { exact: true }).fill('Head office, Leeds office');
          const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
            csrfToken: string;
          };
          const scopeId = scopeUrl.split('/').pop()!;
          const current = (await (
            await page.request.get(`/api/v1/orgs/alpha/scopes/${scopeId}/versions/2`)
          ).json()) as { content: Record<string, unknown> };
          const other = await page.request.put(`/api/v1/orgs/alpha/scopes/${scopeId}/draft`, {
            headers: { 'x-csrf-token': csrfToken },
            data: { content: { ...current.content, physicalScope: 'Head office' }, stage: 'final' },
          });
          expect(other.status()).toBe(200);
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('alert').filter({ hasText: 'Someone else saved this document' }).waitFor();
          await shotBoth(page, `${p}06-conflict`);
          await page.getByRole('button', { name: 'Reload the latest version' }).click();
          await expect.poll(() => page!.getByLabel('Physical scope', { exact: true }).inputValue()).toBe('Head office');
          await page.getByLabel('Physical scope', { exact: true }).fill('Head office, Leeds office');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 2, draft, stage Final.' }).waitFor();

          // Compare 1 and 2.
          await page.getByRole('tab', { name: 'Versions (2)' }).click();
          const rows = page.getByRole('table', { name: 'Versions, newest first' }).getByRole('row');
          await rows.filter({ hasText: 'Leeds office added' }).filter({ hasText: 'Draft' }).waitFor();
          await rows.filter({ hasText: 'Approved' }).first().waitFor();
          await page.getByRole('button', { name: 'Compare', exact: true }).click();
          await page.getByRole('heading', { name: 'Version 1 → version 2' }).waitFor();
          await page.locator('.compare ins').filter({ hasText: 'Leeds' }).first().waitFor();
          await shotBoth(page, `${p}07-compare`);

          // Read version 1 and download it as DOCX.
          await page.getByRole('button', { name: 'Read version 1' }).click();
          await page.getByText('You are reading version 1 (Approved)').waitFor();
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Export version 1 as DOCX' }).click(),
          ]);
          const file = await download.path();
          expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
          expect(download.suggestedFilename()).toMatch(/\.docx$/);
          await page.getByRole('tab', { name: 'History' }).click();
          await page.getByRole('cell', { name: 'Version approved' }).waitFor();
          await shotBoth(page, `${p}08-history`);

          // Import actions: a dry run with an error, then a clean file imported.
          await page.goto('/o/alpha/actions');
          await page.getByRole('button', { name: 'Import' }).click();
          const importer = page.getByRole('dialog', { name: 'Import Actions' });
          const csv = (body: string) => ({ name: 'actions.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
          await importer
            .getByLabel('File to import')
            .setInputFiles(csv('Title,Due date\nReview supplier contracts,not-a-date\n'));
          await importer.getByRole('button', { name: 'Check the file' }).click();
          await importer.getByRole('table', { name: 'Problems in the file' }).getByRole('row').nth(1).waitFor();
          expect(await importer.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
          await shotBoth(page, `${p}09-import-errors`);
          await importer
            .getByLabel('File to import')
            .setInputFiles(csv('Title,Due date\nReview supplier contracts,2031-01-31\n'));
          await importer.getByRole('button', { name: 'Check the file' }).click();
          await importer.getByText('No problems found. Import now to write the changes.').waitFor();
          await importer.getByRole('button', { name: 'Import', exact: true }).click();
          await importer.getByText('Import complete: 1 created, 0 updated, 0 unchanged.').waitFor();
          await importer.getByRole('button', { name: 'Close' }).click();
          await page.getByRole('row').filter({ hasText: 'Review supplier contracts' }).waitFor();
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
