import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  apiSession,
  APPROVER,
  describeJourney,
  joinByInvitation,
  JOURNEY_TIMEOUT,
  MANAGER,
  seedAlphaWithMembers,
  shot,
  expectColumnsShownAt1440,
  shotBoth,
  signIn,
} from './support/journey.js';

/** A member of staff: reads and acknowledges what is published to everyone, writes nothing. */
const STAFF = { email: 'sam@example.com', name: 'Sam Staff', role: 'viewer' };

async function seed(baseUrl: string): Promise<void> {
  await seedAlphaWithMembers(baseUrl);
  const admin = await apiSession(baseUrl, ADMIN.email);
  await joinByInvitation(baseUrl, admin, STAFF);
}

/**
 * The information security policy from template to acknowledgement (5.2, 7.3, 7.5), clicked in a real Chromium
 * against the real server: the ISMS manager writes it from the 27003 Annex A template in Markdown (a script in the
 * text stays text) and sends it for approval; top management approves it; the manager publishes it to all members;
 * a member of staff finds it under "Policies to read" on their home page and acknowledges it; the manager sees
 * that acknowledgement in the list. Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
describeJourney(
  'document journey',
  (run) => {
    it(
      'writes, approves, publishes and has a policy acknowledged',
      async () => {
        const { dialect, newContext, server } = run();
        const p = `documents-${dialect}-`;
        let page: Page | undefined;
        try {
          // The manager opens "Documents & policies": an empty register that says where to start.
          let context = await newContext();
          page = await signIn(context, MANAGER, '');
          await page
            .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
            .getByRole('link', { name: 'Documents & policies' })
            .click();
          await page.waitForURL('**/o/alpha/documents');
          await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
          await page.getByRole('tab', { name: 'Policy hierarchy' }).click();
          await page.getByRole('heading', { name: 'No policy hierarchy yet' }).waitFor();
          await page.getByRole('link', { name: 'Write the information security policy' }).first().click();

          // The information security policy: a policy, marked as such, so its template asks for the 5.2 commitments.
          await page.waitForURL('**/o/alpha/documents/new');
          await page.getByRole('radio', { name: 'Policy', exact: true }).check();
          await page.getByText('27003 Annex A template').first().waitFor();
          await page.getByLabel('This is the information security policy (5.2)').check();
          await page.getByText('also ask for the commitments 5.2 requires').waitFor();
          await page.getByLabel('Title').fill('Information security policy');
          await shotBoth(page, `${p}01-new`);
          await page.getByRole('button', { name: 'Create and write' }).click();
          await page.waitForURL(/\/o\/alpha\/documents\/[0-9a-f-]{36}\?/);
          const docUrl = new URL(page.url()).pathname;
          await page.getByRole('heading', { name: 'Editing version 1' }).waitFor();

          // The template's sections, in Markdown with a live preview; HTML in the text is shown, never run.
          expect(await page.getByLabel('Content', { exact: true }).count()).toBe(0);
          await page
            .getByLabel('Policy summary', { exact: true })
            .fill('Alpha protects the **information** its customers entrust to it.');
          await page
            .getByRole('region', { name: 'Preview: Policy summary' })
            .locator('strong')
            .filter({ hasText: 'information' })
            .waitFor();
          await page
            .getByLabel('Objectives', { exact: true })
            .fill('- No customer data lost\n- Availability of the booking service of 99.9 %');
          await page
            .getByLabel('Commitments', { exact: true })
            .fill('Top management commits to satisfy the applicable requirements and to continually improve the ISMS.');
          await page
            .getByLabel('Principles', { exact: true })
            .fill(
              'Least privilege. <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>\n\n::: confidential\nThe alarm code is kept by facilities.\n:::',
            );
          await shotBoth(page, `${p}02-editor`);
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('status').filter({ hasText: 'Saved: version 1, draft, stage Draft.' }).waitFor();
          await page.locator('.doc li').filter({ hasText: 'No customer data lost' }).waitFor();
          await page
            .getByRole('group', { name: 'Confidential — not shared externally' })
            .getByText('The alarm code is kept by facilities.')
            .waitFor();
          await page.getByText('<img src=x onerror="window.__pwned=1">').waitFor();
          expect(await page.locator('.doc img, .doc script').count()).toBe(0);
          expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

          await page.getByRole('button', { name: 'Send for approval' }).click();
          await page.getByRole('status').filter({ hasText: 'Version 1 sent for approval.' }).waitFor();
          await expect.poll(() => page!.locator('.stepper [aria-current="step"]').textContent()).toContain('In review');
          await shotBoth(page, `${p}03-in-review`);
          await context.close();

          // Top management reads version 1 and approves exactly that content.
          context = await newContext();
          page = await signIn(context, APPROVER, docUrl);
          await page.getByRole('heading', { name: 'Information security policy', level: 1 }).waitFor();
          await page.getByRole('button', { name: 'Approve', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Approve version 1' });
          await expect.poll(() => dialog.locator('.hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
          await dialog.getByRole('button', { name: 'Approve version 1' }).click();
          await page.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
          await page
            .getByRole('region', { name: /^Approval/ })
            .getByText(APPROVER.name)
            .waitFor();
          await context.close();

          // The manager publishes it to all members; nobody has acknowledged yet.
          context = await newContext();
          page = await signIn(context, MANAGER, docUrl);
          const publication = page.getByRole('region', { name: 'Publication' });
          await publication.getByRole('button', { name: 'Publish version 1 to All members' }).click();
          await page.getByRole('status').filter({ hasText: 'Version 1 published.' }).waitFor();
          const acks = page.getByRole('region', { name: 'Acknowledgements' });
          await acks.getByText('0 of 4 acknowledged version 1').waitFor();
          await acks.getByRole('row').filter({ hasText: STAFF.name }).getByText('Pending').waitFor();
          await shotBoth(page, `${p}04-published`);
          await context.close();

          // A member of staff sees it under "Policies to read", reads it and acknowledges that version.
          context = await newContext();
          page = await signIn(context, STAFF, '');
          const toRead = page.getByRole('region', { name: 'Policies to read' });
          await toRead.getByRole('link', { name: /Information security policy/ }).click();
          await page.getByRole('heading', { name: 'Information security policy', level: 1 }).waitFor();
          await page.getByText('Alpha protects the').waitFor();
          await shotBoth(page, `${p}05-to-read`);
          await page.getByRole('button', { name: 'I have read and understood version 1' }).click();
          await page.getByRole('status').filter({ hasText: 'your acknowledgement of version 1 is recorded' }).waitFor();
          expect(await page.getByRole('button', { name: 'I have read and understood version 1' }).count()).toBe(0);
          await page.getByRole('link', { name: 'Overview', exact: true }).click();
          await page.getByRole('region', { name: 'Policies to read' }).getByText('Nothing to read.').waitFor();
          await context.close();

          // The manager sees who acknowledged, and when; the hierarchy marks the information security policy.
          context = await newContext();
          page = await signIn(context, MANAGER, docUrl);
          const list = page.getByRole('region', { name: 'Acknowledgements' });
          await list.getByText('1 of 4 acknowledged version 1').waitFor();
          const row = list.getByRole('row').filter({ hasText: STAFF.name });
          await row.getByText('Acknowledged').waitFor();
          await row.locator('time').waitFor();
          await shotBoth(page, `${p}06-acknowledged`);

          // A review finds nothing to change: it is listed, and the next review moves one interval on.
          const reviews = page.getByRole('region', { name: 'Reviews' });
          await reviews.getByRole('button', { name: 'Record a review' }).click();
          await reviews.getByRole('button', { name: 'Record the review' }).click();
          await reviews.getByText('Say what the review found.').waitFor();
          await reviews.getByLabel('No change needed').check();
          await reviews.getByLabel('What the review found').fill('Still suitable after the move to the new office');
          await reviews.getByRole('button', { name: 'Record the review' }).click();
          await reviews.getByRole('status').filter({ hasText: 'Review recorded' }).waitFor();
          // Recording closes the form; the review is then listed (aim at the list, not the closing form's text).
          await reviews.getByRole('textbox', { name: 'What the review found' }).waitFor({ state: 'detached' });
          await reviews
            .getByRole('listitem')
            .filter({ hasText: 'Still suitable after the move to the new office' })
            .waitFor();
          await page.goto('/o/alpha/documents');
          await page
            .getByRole('row')
            .filter({ hasText: 'DOC-001' })
            .filter({ hasText: 'Published' })
            .filter({ hasText: 'Information security policy' })
            .waitFor();
          await page.getByRole('button', { name: 'Policies', exact: true }).click();
          await page.waitForURL('**/o/alpha/documents?policies=true');
          await page.getByRole('row').filter({ hasText: 'DOC-001' }).waitFor();
          await shotBoth(page, `${p}07-register`);
          await expectColumnsShownAt1440(page, page.getByRole('table', { name: 'Documents and policies' }), [
            'Title',
            'Type',
            'Classification',
            'Owner',
            'Status',
            'Published version',
            'Next review',
          ]);
          await page.goto('/o/alpha/documents?view=tree');
          await page
            .locator('.doc-tree__item--isp')
            .getByText('Information security policy', { exact: true })
            .first()
            .waitFor();
          await shotBoth(page, `${p}08-hierarchy`);

          // When the owner's review falls due (dated back here), the home page says so, with a way to the document.
          const manager = await apiSession(server.baseUrl, MANAGER.email);
          const { items } = await manager.call<{ items: { id: string }[] }>('GET', '/documents?q=security');
          await manager.call('PATCH', `/documents/${items[0]!.id}`, { nextReviewDate: '2025-01-31' });
          await page.goto('/o/alpha/');
          const reviewsDue = page.getByRole('region', { name: /Documents to review/ });
          await reviewsDue.getByText('review overdue since').waitFor();
          await reviewsDue.getByRole('link', { name: /Information security policy/ }).click();
          await page.waitForURL(/\/o\/alpha\/documents\/[0-9a-f-]+/);
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
