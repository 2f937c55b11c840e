import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  APPROVER,
  apiSession,
  describeJourney,
  expectFitsPhone,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';
import { raiseNonconformityStep } from './support/internal-audit-steps.js';
import { handleNonconformity } from './support/nonconformity-steps.js';

/**
 * An internal audit (27001 9.2), clicked in Chromium: Maria plans an audit of clauses 7.5.3 and 10.2 with herself as
 * lead auditor; putting Tom in the team is refused in plain words because he owns a process in scope, and goes
 * through with a justified exception; the checklist is generated, three items are concluded (one with an evidence
 * file uploaded and linked), the findings show the minor nonconformity and the observation; the report is written,
 * approved by the lead auditor, downloaded as DOCX and PDF and distributed to top management; the minor
 * nonconformity, raised from its finding with the follow-up plan agreed, is then handled to closure.
 */
let baseUrl = '';
let ncRef = '';
let processRef = '';
let otherProcessRef = '';

async function seed(url: string) {
  baseUrl = url;
  await seedAlphaWithMembers(url);
  const manager = (await apiSession(url, MANAGER.email)).call;
  const members = await manager<{ items: { userId: string; email: string }[] }>('GET', '/members');
  const tom = members.items.find((m) => m.email === APPROVER.email)!;
  const process = await manager('POST', '/isms-processes', { name: 'Document control', ownerId: tom.userId });
  processRef = process.ref;
  const other = await manager('POST', '/isms-processes', { name: 'Supplier management', ownerId: tom.userId });
  otherProcessRef = other.ref;
}

describeJourney(
  'internal audit journey',
  (run) => {
    it('plans an audit, is refused an auditor of his own process, completes the checklist and approves the report', async () => {
      const { dialect, newContext } = run();
      const p = `internal-audit-${dialect}-`;
      const context = await newContext();
      let page: Page | undefined;
      try {
        // The register is empty and says where audits come from.
        page = await signIn(context, MANAGER, '/o/alpha/internal-audits');
        await page.getByRole('heading', { name: 'No internal audit yet' }).waitFor();
        await page.getByRole('link', { name: 'Plan an audit' }).first().click();

        // Plan: title, criteria by 2022 clause (2013 number beside), dates, lead auditor.
        await page.getByRole('heading', { name: 'Plan an audit', level: 1 }).waitFor();
        await page.getByLabel('Title', { exact: true }).fill('Documented information and corrective action');
        await page
          .getByLabel('Scope', { exact: true })
          .fill('Document control and nonconformity handling, head office');
        await page.getByLabel('7.5.3 Control of documented information').check();
        await page.getByLabel('10.2 (2013: 10.1) Nonconformity and corrective action').check();
        await page.getByLabel('Planned start').fill('2027-02-01');
        await page.getByLabel('Planned end').fill('2027-02-05');
        await page.getByLabel('Lead auditor').selectOption({ label: `${MANAGER.name} (${MANAGER.email})` });
        await page.getByRole('button', { name: 'Plan the audit' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^AUD-\S+ planned\./ })
          .waitFor();
        const auditId = /internal-audits\/([^/?]+)/.exec(page.url())![1]!;
        const facts = page.getByRole('region', { name: 'Scope and criteria' });
        await facts.getByText('10.2 (2013: 10.1) Nonconformity and corrective action').waitFor();

        // The process in scope, then the team: Tom owns the process, so he may not audit it.
        const scope = page.getByRole('region', { name: 'Processes in scope' });
        await scope.getByRole('button', { name: 'Set the processes' }).click();
        await scope.getByRole('combobox', { name: 'Add an ISMS process' }).fill('Document');
        await page.getByRole('option').filter({ hasText: 'Document control' }).click();
        await scope.getByRole('button', { name: 'Save' }).click();
        await scope.getByText(`${processRef} — Document control`).waitFor();

        const team = page.getByRole('region', { name: 'Audit team' });
        await team.getByRole('button', { name: 'Set the team' }).click();
        await team.getByRole('button', { name: 'Add a member' }).click();
        await team.getByLabel('Member 1', { exact: true }).selectOption({ label: APPROVER.name });
        await team.getByLabel('Role of member 1').selectOption({ label: 'Auditor' });
        await team.getByRole('button', { name: 'Save' }).click();
        await team
          .getByRole('alert')
          .filter({
            hasText: `${APPROVER.name} owns process ${processRef}: an auditor may not audit their own work.`,
          })
          .waitFor();
        await shot(page, `${p}01-refused`);
        await expectFitsPhone(page, team, `${p}01-refused`);
        await team
          .getByLabel('Justification of the exception')
          .fill('Tom is the only person trained in the document workflow; Maria reviews his notes.');
        await team.getByRole('button', { name: 'Save with the exception' }).click();
        await team.getByText(`${APPROVER.name} — Auditor`).waitFor();
        await team.getByText(/Tom is the only person trained/).waitFor();

        // Fieldwork: start the audit, generate the checklist.
        await page.getByRole('button', { name: 'Start the audit' }).click();
        await page.getByRole('status').filter({ hasText: 'The audit is now: In progress.' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Parts of this audit' })
          .getByRole('link', { name: 'Checklist' })
          .click();
        await page.getByRole('heading', { name: 'No checklist yet' }).waitFor();
        await page.getByRole('button', { name: 'Generate the checklist' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /items added from the criteria/ })
          .waitFor();
        await page.getByRole('heading', { name: /^Clause 10\.2 \(2013: 10\.1\)/ }).waitFor();
        const manager = await apiSession(baseUrl, MANAGER.email);
        const { items } = await manager.call<{ items: { id: string; title: string }[] }>(
          'GET',
          `/internal-audits/${auditId}/checklist`,
        );
        expect(items.length).toBeGreaterThan(3);
        await page.getByText(`0 of ${items.length} assessed`).waitFor();

        // Item 1 conforms, with an evidence file uploaded and linked to it.
        const [first, second, third] = items;
        await conclude(page, first!.title, 'Conforms', 'Approval records sampled for five documents');
        const panel = page.locator('.checklist-item--open');
        await panel.getByRole('button', { name: 'Upload evidence' }).click();
        const upload = page.getByRole('dialog', { name: 'Upload evidence' });
        await upload.getByLabel('File', { exact: true }).setInputFiles({
          name: 'approval-records.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('document,approved by\nDOC-1,Maria\n'),
        });
        await expect.poll(() => upload.getByLabel('Title', { exact: true }).inputValue()).toBe('approval records');
        await upload.getByRole('button', { name: 'Upload', exact: true }).click();
        await panel
          .getByRole('list', { name: 'Evidence' })
          .getByText(/approval records/)
          .waitFor();
        expect(await page.getByRole('dialog').count()).toBe(0);

        // Item 2 a minor nonconformity, after another auditor saved it first: the stale save says so and reloads.
        await page.getByRole('button', { name: `Open item: ${second!.title}` }).click();
        const secondForm = page.getByRole('form', { name: `Conclusion on ${second!.title}` });
        await secondForm.getByLabel('Notes').fill('Draft note');
        await manager.call('PATCH', `/internal-audits/${auditId}/checklist/${second!.id}`, {
          notes: 'Seen by Tom: records of two closures missing',
          expectedVersion: 1,
        });
        await secondForm.getByRole('button', { name: 'Save the conclusion' }).click();
        await secondForm.getByText('Someone changed this record while you were editing.', { exact: false }).waitFor();
        await secondForm.getByRole('button', { name: 'Reload' }).click();
        await expect
          .poll(() => secondForm.getByLabel('Notes').inputValue())
          .toBe('Seen by Tom: records of two closures missing');
        await conclude(page, second!.title, 'Minor nonconformity', 'Two corrective actions closed without review');
        await conclude(page, third!.title, 'Observation', 'Cause analysis is thin');
        // An object audited that Tom owns is refused too, and linked with a justification.
        await panel.getByLabel('As', { exact: true }).selectOption({ label: 'Objects audited' });
        await panel.getByLabel('Register', { exact: true }).selectOption({ label: 'ISMS processes' });
        await panel.getByRole('combobox', { name: 'Record' }).fill('Supplier');
        await page.getByRole('option').filter({ hasText: 'Supplier management' }).click();
        await panel
          .getByRole('alert')
          .filter({
            hasText: `${APPROVER.name} owns record ${otherProcessRef}: an auditor may not audit their own work.`,
          })
          .waitFor();
        await panel
          .getByLabel('Justification of the exception')
          .fill('Supplier files are only read, not judged, by Tom.');
        await panel.getByRole('button', { name: `Link ${otherProcessRef} with the exception` }).click();
        await panel.getByRole('list', { name: 'Objects audited' }).getByText(new RegExp(otherProcessRef)).waitFor();
        await expectFitsPhone(page, panel, `${p}02-item`);
        await page.getByText(`3 of ${items.length} assessed`).waitFor();
        await page.getByLabel('Show').selectOption({ label: 'Only items not assessed' });
        expect(await page.getByRole('button', { name: `Open item: ${second!.title}` }).count()).toBe(0);
        await shot(page, `${p}02-checklist`);

        // Findings: the minor NC and the observation, each with its follow-up action.
        await page
          .getByRole('navigation', { name: 'Parts of this audit' })
          .getByRole('link', { name: 'Findings' })
          .click();
        const findings = page.getByRole('table', { name: 'Findings of this audit' });
        await findings.getByRole('row').filter({ hasText: second!.title }).getByText('Minor nonconformity').waitFor();
        await findings.getByRole('row').filter({ hasText: third!.title }).getByText('Observation').waitFor();
        await findings
          .getByRole('row')
          .filter({ hasText: third!.title })
          .getByRole('button', { name: 'Record as improvement' })
          .waitFor();
        await shot(page, `${p}03-findings`);
        // The lead auditor raises the minor NC finding as a nonconformity, with the follow-up plan agreed.
        ncRef = await raiseNonconformityStep(page, second!.title, MANAGER.name);
        expect(ncRef).toMatch(/^NC-\d+$/);

        // Report: written, filled with the audit's facts, approved by the lead auditor, downloaded, distributed.
        await page
          .getByRole('navigation', { name: 'Parts of this audit' })
          .getByRole('link', { name: 'Report' })
          .click();
        await page
          .getByRole('tabpanel', { name: 'Document' })
          .getByRole('button', { name: 'Write the first draft' })
          .click();
        await page
          .getByLabel('Summary', { exact: true })
          .fill('Documented information is controlled; corrective action needs a review step.');
        await page
          .getByLabel('Conclusions', { exact: true })
          .fill('The ISMS conforms except for one minor nonconformity.');
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft.' }).waitFor();
        await page.getByText(/Tom Topmanagement audits .*Tom is the only person trained/).waitFor();
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        const approve = page.getByRole('dialog', { name: 'Approve version 1' });
        await approve.getByRole('button', { name: 'Approve version 1' }).click();
        await page.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();

        for (const [format, type] of [
          ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
          ['PDF', 'application/pdf'],
        ] as const) {
          const link = page.getByRole('link', { name: `Export version 1 as ${format}` });
          const href = await link.getAttribute('href');
          // a reused keep-alive socket may be reset on a loaded machine: Playwright retries such network errors once
          const answer = await context.request.get(href!, { maxRetries: 1 });
          expect(answer.status()).toBe(200);
          expect(answer.headers()['content-type']).toContain(type);
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
        }

        const distribution = page.getByRole('region', { name: 'Distribution to top management' });
        await distribution.getByLabel(new RegExp(`^${APPROVER.name} \\(Approver`)).check();
        await distribution.getByRole('button', { name: 'Record the distribution' }).click();
        await distribution.getByText(/^Version 1, .*: Tom Topmanagement/).waitFor();
        await shot(page, `${p}04-report`);

        // The nonconformity raised from the finding is handled to closure (10.2): correction, decision, cause
        // analysis, a corrective action, its effectiveness reviewed by another person, closure.
        await page
          .getByRole('navigation', { name: 'Parts of this audit' })
          .getByRole('link', { name: 'Findings' })
          .click();
        await page.getByRole('link', { name: ncRef, exact: true }).click();
        await page.waitForURL(/\/nonconformities\/[^/?]+$/);
        const reviewerContext = await newContext();
        try {
          const reviewer = await signIn(reviewerContext, ADMIN);
          await handleNonconformity(page, reviewer, { label: 'Audit finding', shots: `${p}nc` });
        } finally {
          await reviewerContext.close();
        }
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

/** Opens a checklist item (unless it is open), sets its conclusion and notes, and saves them. */
async function conclude(page: Page, title: string, conclusion: string, notes: string) {
  // an open item's button reads "Close item: …"
  const open = page.getByRole('button', { name: `Open item: ${title}` });
  if ((await page.getByRole('button', { name: `Close item: ${title}` }).count()) === 0) await open.click();
  const form = page.getByRole('form', { name: `Conclusion on ${title}` });
  await form.getByLabel('Conclusion').selectOption({ label: conclusion });
  await form.getByLabel('Notes').fill(notes);
  await form.getByRole('button', { name: 'Save the conclusion' }).click();
  await page
    .locator('.checklist-item--open')
    .locator('.conclusion')
    .filter({ hasText: new RegExp(`^${conclusion}$`) })
    .waitFor();
}
