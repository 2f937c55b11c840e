import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';
import {
  APPROVER,
  JOURNEY_TIMEOUT,
  MANAGER,
  apiSession,
  describeJourney,
  expectFitsPhone,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';

/**
 * The certification pack (27001 7.5) clicked in a real Chromium against the real server. Through the API the ISMS
 * manager drafts the scope (4.3) and top management approves it. In the browser the manager opens the pack from the
 * navigation: the index as of today lists the scope as included (version 1, approved by top management, its hash),
 * the SoA as missing, competence (7.2) as not built, with a legend counting each status; a day before the approval
 * the scope is not in force. Back to today, the manager downloads the ZIP (the page says it is building, then
 * names the file) and the pack passes the CLI's offline check against the fingerprint the page shows. Runs on
 * SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });
const rowOf = (page: Page, requirement: RegExp) =>
  page
    .getByRole('table', { name: /Items of the pack as of/ })
    .getByRole('row')
    .filter({ hasText: requirement });

async function seed(baseUrl: string): Promise<void> {
  await seedAlphaWithMembers(baseUrl);
  const manager = await apiSession(baseUrl, MANAGER.email);
  const approver = await apiSession(baseUrl, APPROVER.email);
  const scope = await manager.call<{ id: string }>('POST', '/scopes', { title: 'ISMS scope of Alpha' });
  const draft = await manager.call<{ versionNo: number; contentHash: string }>('PUT', `/scopes/${scope.id}/draft`, {
    content: { statement: 'The ISMS covers the development and operation of the Alpha platform.' },
    stage: 'final',
  });
  await approver.call('POST', `/scopes/${scope.id}/versions/${draft.versionNo}/approve`, {
    contentHash: draft.contentHash,
  });
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return fs.readFileSync(file);
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describeJourney(
  'certification pack journey',
  (run) => {
    it(
      'reads the index with its statuses as of today and a day before, downloads the pack and verifies it offline',
      async () => {
        const { dialect, newContext } = run();
        const p = `pack-${dialect}-`;
        const context = await newContext();
        let page: Page | undefined;
        try {
          page = await signIn(context, MANAGER, '');
          await nav(page).getByRole('link', { name: 'Certification pack', exact: true }).click();
          await page.waitForURL('**/o/alpha/certification-pack');
          await page.getByRole('heading', { name: 'Certification pack', level: 1 }).waitFor();

          // Today: the approved scope is in the pack, the SoA is missing, competence has no module yet.
          const scope = rowOf(page, /scope/i).first();
          await scope.getByText('Included').waitFor();
          await scope.getByText('v1', { exact: true }).waitFor();
          await scope.getByText(new RegExp(APPROVER.name)).waitFor();
          expect(await scope.locator('code').innerText()).toMatch(/^[0-9a-f]{12}$/);
          await scope.getByRole('link', { name: /ISMS scope of Alpha/ }).waitFor();
          await rowOf(page, /applicability/i)
            .first()
            .getByText('Missing')
            .waitFor();
          await rowOf(page, /competence/i)
            .first()
            .getByText('Not built in Rampart')
            .waitFor();
          const legend = page.getByRole('region', { name: 'What each status means' });
          await legend.getByText('Included').waitFor();
          await legend.getByText('Not built in Rampart').waitFor();
          await shot(page, `${p}01-today`);
          await expectFitsPhone(page, page.getByRole('heading', { name: 'Certification pack', level: 1 }));

          // A day before the approval, the scope had no version in force.
          await page.getByLabel('As it stood on').fill(yesterday());
          await page.waitForURL(`**/certification-pack?date=${yesterday()}`);
          await page.getByRole('table', { name: /Items of the pack as of/ }).waitFor();
          await expect
            .poll(() => rowOf(page!, /scope/i).first().getByText('Included').count(), { timeout: 60_000 })
            .toBe(0);
          await shot(page, `${p}02-yesterday`);

          // Today again: download the pack; the page says it is building, then names the file.
          await page.goto('/o/alpha/certification-pack');
          const fingerprint = (await page.getByTestId('pack-fingerprint').innerText()).trim();
          expect(fingerprint.length).toBeGreaterThan(10);
          await page.getByText(`--key ${fingerprint}`).waitFor();
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: /Download the pack as of/ }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/\.zip$/);
          await page
            .getByRole('status')
            .filter({ hasText: /Downloaded .*\.zip/ })
            .waitFor();
          await shot(page, `${p}03-downloaded`);

          // The auditor's check: every hash, each item's content and approvals, the signature by this key.
          const report = await verifyPackage(await bytesOf(download), [{ fingerprint, source: '--key' }]);
          expect(report.checks.filter((c) => !c.ok)).toEqual([]);
          expect(report.ok).toBe(true);
          expect(report.signature?.trust.status).toBe('trusted');
        } finally {
          await page?.close();
          await context.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed },
);
