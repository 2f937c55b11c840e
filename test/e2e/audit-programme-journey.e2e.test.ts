import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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
 * The internal audit programme (27001 9.2.2) from nothing to an approved version downloaded as DOCX, clicked in a
 * real Chromium against the real server. Through the API: the 2022 edition of Annex A with four controls
 * applicable (5.1, 5.15, 6.3, 8.5). In the browser the ISMS manager starts the programme from its explained empty
 * state, drafts it with 5.1 as a key control and two planned audits (clauses 4 and 5 with 5.15; clause 6 with
 * 8.5), is told next to the field that an audit ends before it starts, saves, and reads in the coverage matrix
 * that 18 clauses and 6.3 are not covered; adds a third audit for the rest and sees everything covered. Top
 * management approves version 1 and downloads it as DOCX. Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL
 * is set.
 */

const APPLICABLE = ['5.1', '5.15', '6.3', '8.5'];

async function seed(baseUrl: string) {
  await seedAlphaWithMembers(baseUrl);
  const { call } = await apiSession(baseUrl, MANAGER.email);
  await call('POST', '/control-settings/edition', { edition: 'iso27001-2022' });
  const controls = (await call('GET', '/controls?pageSize=100')).items as {
    id: string;
    ref: string;
    version: number;
  }[];
  for (const ref of APPLICABLE) {
    const c = controls.find((x) => x.ref === ref)!;
    await call('PATCH', `/controls/${c.id}`, {
      applicability: 'applicable',
      statedReason: 'Needed to treat the risks of the customer portal',
      expectedVersion: c.version,
    });
  }
}

/**
 * An internal audit carrying out planned audit `key` of the programme, completed, with the checklist item of
 * requirement `clause` concluded as conforming (through the API, as the ISMS manager acting as lead auditor).
 */
async function completeAudit(baseUrl: string, key: string, clause: string): Promise<string> {
  const { call } = await apiSession(baseUrl, MANAGER.email);
  const programme = (await call('GET', '/audit-programmes')).items[0] as { id: string };
  const members = (await call('GET', '/members')).items as { userId: string; email: string }[];
  const lead = members.find((m) => m.email === MANAGER.email)!.userId;
  const audit = await call('POST', '/internal-audits', {
    title: 'Context and leadership audit 2027',
    programmeId: programme.id,
    plannedAuditKey: key,
    clauses: clause,
    leadAuditorId: lead,
    plannedStart: '2027-03-01',
    plannedEnd: '2027-03-05',
  });
  const { items } = await call('POST', `/internal-audits/${audit.id}/checklist/generate`, {});
  const item = (items as { id: string; clause: string | null; version: number }[]).find((i) => i.clause === clause)!;
  await call('PATCH', `/internal-audits/${audit.id}/checklist/${item.id}`, {
    conclusion: 'conforms',
    expectedVersion: item.version,
  });
  let version = (await call('GET', `/internal-audits/${audit.id}`)).version as number;
  for (const to of ['in_progress', 'reporting', 'completed']) {
    version = (await call('POST', `/internal-audits/${audit.id}/transition`, { to, expectedVersion: version })).version;
  }
  return audit.ref as string;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });

/** Opens a picker's list (its disclosure) inside `group` and returns the group. */
async function openPicker(group: Locator, summary: RegExp): Promise<Locator> {
  await group.getByText(summary).click();
  return group;
}

/** Adds a planned audit and fills it: title, dates, whole clauses, controls. */
async function addAudit(
  page: Page,
  key: string,
  audit: { title: string; from: string; to: string; clauses: string[]; controls: string[] },
) {
  await page.getByRole('button', { name: 'Add a planned audit' }).click();
  const group = page.getByRole('group', { name: new RegExp(`^Planned audit ${key}:`) });
  await group.getByLabel('Audit', { exact: true }).fill(audit.title);
  await group.getByLabel('Planned from').fill(audit.from);
  await group.getByLabel('Planned to').fill(audit.to);
  const clauses = await openPicker(group.getByRole('group', { name: `Clauses covered by ${key}` }), /^Choose clauses/);
  for (const no of audit.clauses) await clauses.getByRole('button', { name: `All of clause ${no}` }).click();
  const controls = await openPicker(
    group.getByRole('group', { name: `Controls covered by ${key}` }),
    /^Choose controls/,
  );
  for (const name of audit.controls) await controls.getByRole('checkbox', { name, exact: true }).check();
  return group;
}

async function save(page: Page, no = 1) {
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Saved: version ${no}, draft.` })
    .waitFor();
}

describeJourney(
  'audit programme journey',
  (run) => {
    it(
      'drafts a programme with two planned audits, finds what is uncovered, covers it, and has it approved',
      async () => {
        const { dialect, newContext } = run();
        const p = `audit-programme-${dialect}-`;
        const context = await newContext();
        const approverContext = await newContext();
        let page: Page | undefined;
        let approverPage: Page | undefined;
        try {
          // No programme yet: the page explains 9.2.2 and offers to start one.
          page = await signIn(context, MANAGER, '');
          await nav(page).getByRole('link', { name: 'Audit programme' }).click();
          await page.waitForURL('**/o/alpha/audit-programme');
          await page.getByRole('heading', { name: 'No audit programme yet' }).waitFor();
          await shotBoth(page, `${p}01-empty`);
          await page.getByRole('button', { name: 'Start the audit programme' }).click();

          // The draft editor: text sections, then the coverage plan.
          await page.getByRole('status').filter({ hasText: 'Audit programme AP-001 started' }).waitFor();
          await page.getByLabel('Objectives').fill('Audit the whole ISMS once in the certification cycle.');
          await page.getByLabel('Extent and frequency').fill('Access control every audit; physical security once.');
          await page.getByLabel('Methods', { exact: true }).fill('Interviews, document review, sampling of records.');
          await page.getByLabel('Programme starts').fill('2027-01-01');
          await page.getByLabel('Programme ends').fill('2029-12-31');
          const keys = await openPicker(
            page.getByRole('group', { name: 'Key controls (in every audit)' }),
            /^Choose controls/,
          );
          await keys.getByRole('checkbox', { name: '5.1 Policies for information security', exact: true }).check();
          await page.getByRole('button', { name: 'Add a competence requirement' }).click();
          await page.getByRole('textbox', { name: 'Competence requirement 1' }).fill('ISO 19011 lead auditor course');

          await addAudit(page, 'A1', {
            title: 'Context and leadership',
            from: '2027-03-01',
            to: '2027-03-05',
            clauses: ['4', '5'],
            controls: ['5.15 Access control'],
          });
          // The second audit ends before it starts: said next to its field, nothing is sent.
          const a2 = await addAudit(page, 'A2', {
            title: 'Risk management',
            from: '2027-09-10',
            to: '2027-09-01',
            clauses: ['6'],
            controls: ['8.5 Secure authentication'],
          });
          await page.getByRole('button', { name: 'Save draft' }).click();
          await a2.getByText('Ends before it starts').waitFor();
          await shotBoth(page, `${p}02-error`);
          await a2.getByLabel('Planned to').fill('2027-09-12');
          await save(page);
          await shotBoth(page, `${p}03-draft`);
          await page.getByRole('table', { name: 'Planned audits' }).getByText('Context and leadership').waitFor();

          // An auditor carried out planned audit A1 (through the API: its own pages are another module's) and
          // concluded on 4.1: the matrix reads 4.1 done and names the audit under A1.
          const auditRef = await completeAudit(run().server.baseUrl, 'A1', '4.1');

          // The coverage matrix: what the two audits leave uncovered, counted and filtered.
          await nav(page).getByRole('link', { name: 'Audit coverage' }).click();
          await page.waitForURL('**/o/alpha/audit-programme/coverage');
          await page.getByText('18 clauses and 1 control not covered.').waitFor();
          const matrix = page.getByRole('table', { name: 'Coverage of clauses and controls by the planned audits' });
          const awareness = matrix.locator('.ap-matrix__row').filter({ hasText: 'awareness, education' });
          await awareness.getByText('Not covered').waitFor();
          await matrix.getByRole('link', { name: `Carried out by ${auditRef}` }).waitFor();
          // A2 is carried out by no audit yet: the matrix offers to plan it, prefilled from the programme
          expect(await matrix.getByRole('link', { name: 'Plan audit A2' }).getAttribute('href')).toMatch(
            /\/internal-audits\/new\?planned=A2$/,
          );
          expect(await matrix.getByRole('link', { name: 'Plan audit A1' }).count()).toBe(0);
          const context41 = matrix
            .locator('.ap-matrix__row')
            .filter({ hasText: 'Understanding the organization and its' });
          await context41.getByText('Done', { exact: true }).last().waitFor();
          const access = matrix.locator('.ap-matrix__row').filter({ hasText: 'Access control' });
          await access.getByText('Planned', { exact: true }).first().waitFor();
          await shotBoth(page, `${p}04-coverage`);
          await page.getByRole('button', { name: 'Show only what is not covered' }).click();
          await expect.poll(() => matrix.locator('.ap-matrix__row').count(), { timeout: 60_000 }).toBe(19);
          await expectFitsPhone(page, page.getByRole('region', { name: 'Coverage matrix (scrolls)' }), `${p}05`);

          // The rest goes into a third audit; the matrix then reads everything covered.
          await nav(page).getByRole('link', { name: 'Audit programme' }).click();
          await page.getByRole('button', { name: 'Edit draft' }).click();
          await addAudit(page, 'A3', {
            title: 'Support, operation, evaluation and improvement',
            from: '2028-03-01',
            to: '2028-03-05',
            clauses: ['7', '8', '9', '10'],
            controls: ['6.3 Information security awareness, education and training'],
          });
          await page.getByLabel('Change note').fill('Third audit covers the rest');
          await save(page);
          await nav(page).getByRole('link', { name: 'Audit coverage' }).click();
          await page.getByText('Every clause and applicable control is covered.').waitFor();
          await shotBoth(page, `${p}06-covered`);

          // The requirements the audits check, for reference: 10.2 is where a 2013 reader looks under 10.1.
          await nav(page).getByRole('link', { name: 'ISMS requirements (4–10)' }).click();
          await page.getByRole('status').filter({ hasText: '95 of 95 requirements shown.' }).waitFor();
          await page.getByLabel('Search requirements').fill('2013: 10.1');
          const requirements = page.getByRole('table', { name: 'Requirements of ISO/IEC 27001:2022 clauses 4 to 10' });
          await requirements.getByText('10.2 (2013: 10.1) Nonconformity and corrective action').waitFor();
          await requirements.getByRole('rowheader', { name: '10.2 c)', exact: true }).waitFor();
          await shotBoth(page, `${p}07-requirements`);
          await expectFitsPhone(page, requirements.locator('xpath=..'), `${p}07-requirements`);

          // Top management approves version 1 and downloads it as DOCX.
          approverPage = await signIn(approverContext, APPROVER, '/o/alpha/audit-programme');
          await approverPage.getByRole('button', { name: 'Approve', exact: true }).click();
          const dialog = approverPage.getByRole('dialog', { name: 'Approve version 1' });
          await dialog.getByText('Approved as the internal audit programme').waitFor();
          await dialog.getByRole('button', { name: 'Approve version 1' }).click();
          await approverPage.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
          await shotBoth(approverPage, `${p}08-approved`);
          await expectFitsPhone(approverPage, approverPage.locator('.doc-page'), `${p}09`);
          const [download] = await Promise.all([
            approverPage.waitForEvent('download'),
            approverPage.getByRole('link', { name: 'Export version 1 as DOCX' }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/v1.*\.docx$/);
          const head = fs.readFileSync((await download.path())!).subarray(0, 4);
          expect([...head]).toEqual([0x50, 0x4b, 0x03, 0x04]);

          // The manager extends the period in version 2 and compares it with the approved version 1, in words;
          // the matrix keeps reading the approved version.
          await page.goto('/o/alpha/audit-programme');
          await page.getByRole('button', { name: 'Revise (start version 2)' }).click();
          await page.getByLabel('Programme ends').fill('2030-06-30');
          await page.getByLabel('Change note').fill('Period extended by six months');
          await save(page, 2);
          await page.getByRole('tab', { name: 'Versions (2)' }).click();
          await page.getByRole('button', { name: 'Compare', exact: true }).click();
          await page.getByRole('heading', { name: 'Version 1 → version 2' }).waitFor();
          const changes = page.getByRole('table', { name: 'Coverage plan' });
          await changes
            .getByRole('row')
            .filter({ hasText: 'Period of the programme' })
            .getByText('2027-01-01 – 2030-06-30')
            .waitFor();
          await shotBoth(page, `${p}10-compare`);
          await nav(page).getByRole('link', { name: 'Audit coverage' }).click();
          await page.getByText('Reading AP-001 version 1 (Approved).').waitFor();
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
  { seed },
);
