import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import {
  apiSession,
  APPROVER,
  describeJourney,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  shotBoth,
  signIn,
} from './support/journey.js';

const PROCEDURE = 'Visitor registration procedure';
const POLICY = 'Acceptable use policy';
const ACTION = 'Move the visitor log to the building system';

/**
 * Through the API: a published procedure kept 0 months once withdrawn (so it can be disposed of at once) and a
 * published topic-specific policy with a confidential part. The manager writes, top management approves (four eyes).
 */
async function seed(baseUrl: string): Promise<void> {
  await seedAlphaWithMembers(baseUrl);
  const manager = await apiSession(baseUrl, MANAGER.email);
  const approver = await apiSession(baseUrl, APPROVER.email);
  const publish = async (fields: Record<string, unknown>, content: Record<string, string>) => {
    const doc = await manager.call<{ id: string }>('POST', '/documents', fields);
    const draft = await manager.call<{ versionNo: number; contentHash: string }>('PUT', `/documents/${doc.id}/draft`, {
      content,
      stage: 'in_review',
    });
    await approver.call('POST', `/documents/${doc.id}/versions/${draft.versionNo}/approve`, {
      contentHash: draft.contentHash,
    });
    await manager.call('POST', `/documents/${doc.id}/publish`, { versionNo: draft.versionNo });
  };
  await publish(
    { title: PROCEDURE, type: 'procedure', retentionMonths: 0, retentionAction: 'dispose' },
    { body: 'Every visitor signs in at reception and wears a badge.' },
  );
  await publish(
    { title: POLICY, type: 'topic_policy' },
    {
      summary: 'Alpha equipment is used for work.',
      requirements:
        'Lock the screen when leaving the desk.\n\n::: confidential\nAdmin passwords live in the vault.\n:::',
    },
  );
  // a record of another kind, for the evidence to be attached to from its own page
  await manager.call('POST', '/actions', { title: ACTION });
}

/** The file a download saved, as bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return fs.readFileSync(file);
}

/**
 * The end of a document's life and the evidence around it (7.5.3), clicked in a real Chromium against the real
 * server: the manager names the approver and a named audience, reminds them, withdraws the procedure, finds it due
 * for disposal and proposes disposal; top management (who did not propose it) approves, the text is destroyed and
 * the disposal with each version's hash is on record. The manager also renames a classification level (documents
 * show the new name), shares a policy externally (the DOCX copy downloads), files evidence on it (a file of a kind not
 * accepted is refused at once; the one uploaded is then attached to an action from its own page) and downloads the
 * evidence package.
 * Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
describeJourney(
  'document retention journey',
  (run) => {
    it(
      'reminds, withdraws, disposes with four eyes, renames a level and exports evidence',
      async () => {
        const { dialect, newContext } = run();
        const p = `document-retention-${dialect}-`;
        let page: Page | undefined;
        try {
          // The manager opens the published procedure from the register.
          let context = await newContext();
          page = await signIn(context, MANAGER, '/o/alpha/documents');
          await page.getByRole('link', { name: PROCEDURE }).click();
          await page.getByRole('heading', { name: PROCEDURE, level: 1 }).waitFor();
          const docUrl = new URL(page.url()).pathname;

          // Approvers and audience: top management approves; the audience is two named people.
          const people = page.getByRole('region', { name: 'Approvers and audience' });
          await people.getByRole('button', { name: 'Change approvers and audience' }).click();
          await people
            .getByRole('group', { name: 'Approvers' })
            .getByLabel('Tom Topmanagement (Approver (top management))')
            .check();
          await people.getByRole('radio', { name: 'Named people' }).check();
          const audience = people.getByRole('group', { name: 'People in the audience' });
          await audience.getByLabel('Tom Topmanagement (Approver (top management))').check();
          await audience.getByLabel('Ada Admin (Administrator)').check();
          await shotBoth(page, `${p}01-people`);
          await people.getByRole('button', { name: 'Save approvers and audience' }).click();
          await people.getByRole('status').filter({ hasText: 'Approvers and audience saved.' }).waitFor();
          await people
            .getByText('Named people: Ada Admin, Tom Topmanagement')
            .or(people.getByText('Named people: Tom Topmanagement, Ada Admin'))
            .waitFor();
          await people.getByText('Tom Topmanagement', { exact: true }).waitFor();

          // Neither has acknowledged: a reminder is recorded for both and counted on their rows.
          const acks = page.getByRole('region', { name: 'Acknowledgements' });
          await acks.getByText('0 of 2 acknowledged version 1').waitFor();
          await acks.getByRole('button', { name: 'Remind the 2 who have not acknowledged' }).click();
          await acks.getByRole('status').filter({ hasText: 'Reminder recorded for 2 people.' }).waitFor();
          await expect
            .poll(() => acks.getByRole('row').filter({ hasText: APPROVER.name }).locator('td').last().textContent())
            .toMatch(/^1 \(last /);
          await shotBoth(page, `${p}02-reminded`);

          // Withdrawn with a reason: with no retention period, it is due for disposal at once.
          const publication = page.getByRole('region', { name: 'Publication' });
          await publication.getByRole('button', { name: 'Withdraw…' }).click();
          await publication.getByRole('button', { name: 'Withdraw the document' }).click();
          await publication.getByText('Say why the document is withdrawn.').waitFor();
          await publication.getByLabel('Why is it withdrawn?').fill('Visitors now register in the new building system');
          await publication.getByRole('button', { name: 'Withdraw the document' }).click();
          await publication.getByRole('status').filter({ hasText: 'Document withdrawn.' }).waitFor();
          await page.locator('.doc-banner').getByText('Withdrawn', { exact: true }).waitFor();

          await page.goto('/o/alpha/documents');
          await page.getByRole('button', { name: 'Disposal due', exact: true }).click();
          await page.waitForURL('**/o/alpha/documents?disposalDue=true');
          // the published policy is not due: the filtered list holds the procedure only
          await expect.poll(() => page!.getByRole('row').filter({ hasText: POLICY }).count()).toBe(0);
          await page.getByRole('row').filter({ hasText: 'DOC-001' }).filter({ hasText: 'Withdrawn' }).waitFor();
          await shotBoth(page, `${p}03-disposal-due`);
          await page.getByRole('link', { name: PROCEDURE }).click();

          // The manager proposes disposal; someone else must decide.
          const retention = page.getByRole('region', { name: 'Retention and disposal' });
          await retention
            .getByLabel('Why can it be disposed of?')
            .fill('Retention ended; superseded by the building system');
          await retention.getByRole('button', { name: 'Propose disposal' }).click();
          await retention
            .getByRole('status')
            .filter({ hasText: 'Disposal proposed. Someone else must approve it.' })
            .waitFor();
          await retention.getByText('Someone other than you must decide on this disposal.').waitFor();
          expect(await retention.getByRole('button', { name: /Approve disposal/ }).count()).toBe(0);
          await context.close();

          // Top management, who did not propose it, approves: the text is destroyed, its record kept.
          context = await newContext();
          page = await signIn(context, APPROVER, docUrl);
          await page.getByRole('heading', { name: PROCEDURE, level: 1 }).waitFor();
          const decide = page.getByRole('region', { name: 'Retention and disposal' });
          await decide.getByText('Retention ended; superseded by the building system').waitFor();
          await decide.getByLabel('Note on the decision').fill('Checked: nothing refers to it any more');
          await shotBoth(page, `${p}04-decide`);
          await decide.getByRole('button', { name: 'Approve disposal (destroys the text)' }).click();
          await decide.getByRole('status').filter({ hasText: 'Disposal approved' }).waitFor();
          await page.locator('.doc-banner').getByText('Disposed', { exact: true }).waitFor();
          await decide
            .getByRole('list', { name: 'Versions disposed of, with their hashes' })
            .locator('.hash')
            .first()
            .waitFor();
          expect(await page.getByText('Every visitor signs in at reception').count()).toBe(0);

          // The disposal is on record, with each version's hash.
          await page.goto('/o/alpha/documents?view=disposals');
          const row = page.getByRole('row').filter({ hasText: 'DOC-001' });
          await row.getByText('Disposed of').waitFor();
          await row.getByText('Retention ended; superseded by the building system').waitFor();
          await row.getByText(MANAGER.name).waitFor();
          await row.getByText(APPROVER.name).waitFor();
          await expect.poll(() => row.locator('.hash').first().textContent()).toMatch(/^[0-9a-f]{64}$/);
          await shotBoth(page, `${p}05-disposals`);
          await context.close();

          // The manager renames the internal level; documents show the new name.
          context = await newContext();
          page = await signIn(context, MANAGER, '/o/alpha/documents');
          await page.getByRole('tab', { name: 'Classification scheme' }).click();
          await page.waitForURL('**/o/alpha/documents?view=scheme');
          await page
            .getByText('Only the document’s owner, author, named approvers, its named audience and administrators.')
            .waitFor();
          await page.getByRole('button', { name: 'Rename levels and describe their handling' }).click();
          await page.getByLabel('Name of level 2').fill('Company only');
          await page
            .getByLabel('Handling of level 2')
            .fill('Not to leave Alpha; e-mail only to alpha.example addresses.');
          await page.getByLabel('Name of level 3').fill('company only');
          await page.getByRole('button', { name: 'Save the classification scheme' }).click();
          await page.getByText('Two levels cannot have the same name.').waitFor();
          await page.getByLabel('Name of level 3').fill('Confidential');
          await page.getByRole('button', { name: 'Save the classification scheme' }).click();
          await page.getByRole('status').filter({ hasText: 'Classification scheme saved.' }).waitFor();
          await page.getByText('Not to leave Alpha; e-mail only to alpha.example addresses.').waitFor();
          await shotBoth(page, `${p}06-scheme`);
          await page.getByRole('tab', { name: 'Register' }).click();
          await page
            .getByRole('row')
            .filter({ hasText: POLICY })
            .locator('.pill--classification-internal')
            .filter({ hasText: 'Company only' })
            .waitFor();

          // The policy may be shared externally: its external copy downloads as DOCX (confidential parts left out).
          await page.getByRole('link', { name: POLICY }).click();
          await page.getByRole('heading', { name: POLICY, level: 1 }).waitFor();
          await page.locator('.doc-header__meta').getByText('Company only', { exact: true }).waitFor();
          await page.getByRole('link', { name: 'Edit details' }).click();
          await page
            .getByLabel('Classification')
            .locator('option', { hasText: 'Company only' })
            .waitFor({ state: 'attached' });
          await page.getByLabel('May be shared externally').check();
          await page.getByRole('button', { name: 'Save changes' }).click();
          await page.getByRole('heading', { name: POLICY, level: 1 }).waitFor();
          const external = page.getByRole('group', { name: 'External copy (without confidential parts)' });
          const [docx] = await Promise.all([
            page.waitForEvent('download'),
            external.getByRole('link', { name: 'Download the external copy as DOCX' }).click(),
          ]);
          expect(docx.suggestedFilename()).toMatch(/\.docx$/);
          expect((await bytesOf(docx)).subarray(0, 2).toString('latin1')).toBe('PK');
          const evidence = page.getByRole('region', { name: 'Evidence package' });
          const [one] = await Promise.all([
            page.waitForEvent('download'),
            evidence.getByRole('button', { name: 'Evidence package of this document' }).click(),
          ]);
          expect((await bytesOf(one)).subarray(0, 2).toString('latin1')).toBe('PK');
          await evidence.getByRole('status').filter({ hasText: 'Evidence package downloaded' }).waitFor();

          // Evidence on the policy: a kind of file not accepted is refused as soon as it is chosen; a CSV is uploaded
          // (its title taken from its name while none is written) and attached to the policy, then attached to an action from its own page.
          const card = page.locator('section.evidence-card');
          await card.getByRole('button', { name: 'Upload', exact: true }).click();
          const upload = page.getByRole('dialog', { name: /^Upload evidence for DOC-/ });
          const file = upload.getByLabel('File', { exact: true });
          await file.setInputFiles({
            name: 'setup.exe',
            mimeType: 'application/octet-stream',
            buffer: Buffer.from('MZ'),
          });
          await upload.getByText('This kind of file is not accepted as evidence').waitFor();
          await expect.poll(() => upload.getByLabel('Title', { exact: true }).inputValue()).toBe('setup');
          await upload.getByLabel('Title', { exact: true }).fill('');
          await file.setInputFiles({
            name: 'visitor_log-2026.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from('date,name\n2026-01-05,Eve Visitor\n'),
          });
          await expect.poll(() => upload.getByLabel('Title', { exact: true }).inputValue()).toBe('visitor log 2026');
          expect(await upload.getByText('This kind of file is not accepted as evidence').count()).toBe(0);
          await upload.getByLabel('Valid until', { exact: true }).fill('2020-01-31');
          await shotBoth(page, `${p}08-upload`);
          await upload.getByRole('button', { name: 'Upload', exact: true }).click();
          await card.getByRole('status').filter({ hasText: 'uploaded and attached.' }).waitFor();
          expect(await page.getByRole('dialog').count()).toBe(0);
          await card.getByRole('link', { name: /visitor log 2026/ }).click();
          await page.getByRole('heading', { name: 'visitor log 2026', level: 1 }).waitFor();
          const attachedTo = page.getByRole('region', { name: 'Attached to' });
          await attachedTo.getByRole('link', { name: new RegExp(POLICY) }).waitFor();
          await attachedTo.getByLabel('Kind of record').selectOption({ label: 'Action' });
          const action = attachedTo.getByLabel('Action', { exact: true });
          await action.locator('option', { hasText: ACTION }).waitFor({ state: 'attached' });
          await action.selectOption({ label: `ACT-001 — ${ACTION}` });
          await attachedTo.getByRole('button', { name: 'Attach', exact: true }).click();
          await attachedTo.getByRole('status').filter({ hasText: 'Attached to ACT-001.' }).waitFor();
          await attachedTo.getByRole('link', { name: `ACT-001 — ${ACTION}` }).waitFor();
          await shotBoth(page, `${p}09-evidence-attached`);
          // The evidence register lists it, its validity (long over) flagged.
          await page.getByRole('link', { name: 'Evidence', exact: true }).first().click();
          const evidenceRow = page.getByRole('row').filter({ hasText: 'visitor log 2026' });
          await evidenceRow.getByText('visitor_log-2026.csv').waitFor();
          await evidenceRow.locator('.evidence-validity .badge--expired').waitFor();

          // The evidence package of the register downloads as a ZIP.
          await page.goto('/o/alpha/documents');
          await page.getByText('rampart verify-package <file>').first().waitFor();
          const [zip] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: 'Evidence package (ZIP)' }).click(),
          ]);
          expect(zip.suggestedFilename()).toMatch(/\.zip$/);
          expect((await bytesOf(zip)).subarray(0, 2).toString('latin1')).toBe('PK');
          await page.getByRole('status').filter({ hasText: 'Evidence package downloaded' }).waitFor();
          await shotBoth(page, `${p}07-evidence`);
          await context.close();
        } catch (e) {
          if (page && !page.isClosed()) await shot(page, `${p}failure`);
          throw e;
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
  { seed },
);
