import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fourByFour } from '../helpers/risk-factories.js';
import {
  describeJourney,
  shot,
  shotBoth,
  signIn,
  seedAlphaWithMembers,
  APPROVER,
  MANAGER,
  apiSession,
  expectColumnsShownAt1440,
} from './support/journey.js';

/**
 * The Statement of Applicability from its start to an approved version downloaded as XLSX, clicked in a real Chromium
 * against the real server. Through the API: an approved 4 × 4 methodology, the 2022 edition of Annex A, a risk owned
 * by the ISMS manager treated with 5.15 and 8.5 (residual risk within the criteria), and 7.4 excluded as out of
 * scope. In the browser the ISMS manager starts the SoA and reads its lines (the two controls applicable because of
 * the risk, 7.4 excluded with its reason), accepts the residual risk from the risk treatment plan as the risk's
 * owner, and sees the consistency checks; top management approves the SoA and downloads its XLSX table. Runs on
 * SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */

const riskTitle = 'Former staff keep access to the customer portal';
const exclusion = 'The office has no premises of its own: the co-working space monitors its building.';
let riskRef = '';

async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const manager = await apiSession(baseUrl, MANAGER.email);
  const approver = await apiSession(baseUrl, APPROVER.email);
  const { id } = await manager.call<{ id: string }>('POST', '/risk-methodologies', {
    title: 'Information security risk assessment methodology',
  });
  const draft = await manager.call<{ versionNo: number; contentHash: string }>(
    'PUT',
    `/risk-methodologies/${id}/draft`,
    { content: { summary: 'A 4 × 4 matrix.', methodology: fourByFour() } },
  );
  await approver.call('POST', `/risk-methodologies/${id}/versions/${draft.versionNo}/approve`, {
    contentHash: draft.contentHash,
  });

  await manager.call('POST', '/control-settings/edition', { edition: 'iso27001-2022' });
  const controls = await manager.call<{ items: { id: string; ref: string; version: number }[] }>(
    'GET',
    '/controls?pageSize=100',
  );
  const byRef = new Map(controls.items.map((c) => [c.ref, c]));
  const members = await manager.call<{ items: { userId: string; email: string }[] }>('GET', '/members');
  const ownerId = members.items.find((m) => m.email === MANAGER.email)!.userId;
  const risk = await manager.call<{ id: string; ref: string }>('POST', '/risks', {
    title: riskTitle,
    ownerId,
    likelihood: 3,
    consequence: 3,
    affectsConfidentiality: true,
  });
  riskRef = risk.ref;
  await manager.call('PUT', `/risks/${risk.id}/treatment`, {
    options: [{ option: 'modify', rationale: 'A joiner-mover-leaver process and MFA close the gap.' }],
    controls: [
      { controlId: byRef.get('5.15')!.id, effect: 'likelihood' },
      { controlId: byRef.get('8.5')!.id, effect: 'both' },
    ],
    residual: {
      likelihood: 1,
      consequence: 2,
      rationale: 'With MFA a stolen password alone no longer opens the portal.',
    },
  });
  const monitoring = byRef.get('7.4')!;
  await manager.call('PATCH', `/controls/${monitoring.id}`, {
    applicability: 'excluded',
    exclusionReason: 'out_of_scope',
    exclusionExplanation: exclusion,
    expectedVersion: monitoring.version,
  });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });

describeJourney(
  'soa journey',
  (run) => {
    it('starts the SoA from the controls, accepts the residual risk, approves the SoA and downloads it as XLSX', async () => {
      const { dialect, newContext } = run();
      const p = `soa-${dialect}-`;
      const context = await newContext();
      const approverContext = await newContext();
      let page: Page | undefined;
      let approverPage: Page | undefined;
      try {
        // The ISMS manager opens the SoA from the navigation: none yet, so the page explains it and offers to start.
        page = await signIn(context, MANAGER, '');
        await nav(page).getByRole('link', { name: 'Statement of Applicability' }).click();
        await page.waitForURL('**/o/alpha/soa');
        await page.getByRole('heading', { name: 'No Statement of Applicability yet' }).waitFor();
        await shotBoth(page, `${p}01-empty`);
        await page.getByRole('button', { name: 'Start the Statement of Applicability' }).click();

        // The first draft took its 93 lines from the controls: two applicable because of the risk, one excluded.
        await page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
        await page.getByRole('status').filter({ hasText: 'SOA-001 started' }).waitFor();
        const lines = page.getByRole('table', { name: 'Statement of Applicability' });
        await lines.getByRole('link', { name: '5.1', exact: true }).waitFor();
        const chips = page.getByRole('group', { name: 'Show controls' });
        await chips.getByRole('button', { name: 'All (93)' }).waitFor();
        await page.getByRole('img', { name: /Implementation of the 2 applicable controls: Not started: 2/ }).waitFor();
        await shotBoth(page, `${p}02-draft`);
        // At 1440 px every column of the statement shows, the control owner's too.
        await expectColumnsShownAt1440(page, lines, [
          'Control',
          'Applicability',
          'Justification',
          'Implementation',
          'Control owner',
        ]);

        await chips.getByRole('button', { name: 'Applicable (2)' }).click();
        await expect.poll(() => lines.getByRole('row').count()).toBe(3);
        for (const ref of ['5.15', '8.5']) {
          const row = lines.getByRole('row').filter({ has: page.getByRole('link', { name: ref, exact: true }) });
          await row.getByText('Applicable', { exact: true }).waitFor();
          await row.getByText(`Treats ${riskRef}`).waitFor();
        }
        await chips.getByRole('button', { name: 'Excluded (1)' }).click();
        await expect.poll(() => lines.getByRole('row').count()).toBe(2);
        const excluded = lines.getByRole('row').nth(1);
        await excluded.getByRole('rowheader', { name: '7.4 Physical security monitoring' }).waitFor();
        await excluded.getByText('Outside the scope of the ISMS').waitFor();
        await excluded.getByText(exclusion).waitFor();
        await shotBoth(page, `${p}03-excluded`);

        // The draft editor does not edit the lines: it says where they come from.
        await page.getByRole('button', { name: 'Edit draft' }).click();
        await page.getByText('The lines are not edited here: they come from the Controls page').waitFor();
        await page.getByRole('button', { name: 'Cancel' }).click();

        // The risk treatment plan: the risk, 0 of 0 actions, not accepted; its owner accepts the residual risk.
        await nav(page).getByRole('link', { name: 'Risk treatment plan' }).click();
        await page.waitForURL('**/o/alpha/risk-treatment-plan');
        const plan = page.getByRole('table', { name: 'The plan as it stands' });
        const planRow = plan.getByRole('row').filter({ hasText: riskTitle });
        await planRow.getByText('Not accepted by the risk owner').waitFor();
        await shotBoth(page, `${p}04-plan`);
        await expectColumnsShownAt1440(page, plan, [
          'Risk',
          'Level → expected residual',
          'Controls',
          'Progress',
          'Owner acceptance',
        ]);
        await planRow.getByRole('button', { name: `Accept the residual risk of ${riskRef}` }).click();
        const dialog = page.getByRole('dialog', { name: `Owner acceptance of ${riskRef}` });
        await dialog.getByText('is within the risk acceptance criteria').waitFor();
        await shot(page, `${p}05-accept-dialog`);
        await dialog.getByRole('button', { name: 'Accept residual risk and approve this treatment' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Residual risk of ${riskRef} accepted` })
          .waitFor();
        await planRow.getByText(`Accepted by ${MANAGER.name}`).waitFor();

        // The consistency checks: the exclusion is justified, the treatment approved by its owner.
        await nav(page).getByRole('link', { name: 'Treatment checks' }).click();
        await page.waitForURL('**/o/alpha/treatment-checks');
        for (const name of [
          'Exclusions without a justification',
          'Treatments not approved by the risk owner',
          'Excluded controls a risk treatment relies on',
        ]) {
          await page
            .getByRole('region', { name: new RegExp(`^${name}`) })
            .getByText('Nothing to fix.')
            .waitFor();
        }
        await shotBoth(page, `${p}06-checks`);

        // Top management approves version 1 of the SoA, then downloads its table as XLSX.
        approverPage = await signIn(approverContext, APPROVER, '/o/alpha/soa');
        await approverPage.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
        await approverPage.getByRole('button', { name: 'Approve', exact: true }).click();
        const approve = approverPage.getByRole('dialog', { name: /Approve version 1/ });
        await approve.getByText('Approved by top management as the Statement of Applicability').waitFor();
        await approve.getByRole('button', { name: 'Approve version 1' }).click();
        await approverPage.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
        await shotBoth(approverPage, `${p}07-approved`);

        const [download] = await Promise.all([
          approverPage.waitForEvent('download'),
          approverPage.getByRole('link', { name: 'Download version 1 as a XLSX table' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('alpha-soa-v1-approved.xlsx');
        const file = await download.path();
        const head = fs.readFileSync(file!).subarray(0, 4);
        expect([...head]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      } catch (err) {
        if (page) await shot(page, `${p}failure`);
        if (approverPage) await shot(approverPage, `${p}failure-approver`);
        throw err;
      } finally {
        await context.close();
        await approverContext.close();
      }
    });
  },
  { seed },
);
