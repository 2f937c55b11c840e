import { expect, it } from 'vitest';
import { describeJourney, JOURNEY_TIMEOUT, PATIENCE, shot } from './support/journey.js';

/**
 * The first journey of a new installation, clicked in a real Chromium against the real server (`rampart start`):
 * first-run setup, a second organization, switching between them, an action created and listed, its audit event,
 * sign-out. Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 *
 * Server, browser and databases: ./support/journey.ts.
 */
describeJourney('browser journey', (run) => {
  it(
    'sets up, runs two organizations, tracks an action, audits it and signs out',
    async () => {
      const { dialect, newContext } = run();
      const context = await newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(PATIENCE);
      const prefix = `${dialect}-`;
      try {
        // First run: the start page offers setup.
        await page.goto('/');
        await page.waitForURL('**/setup');
        await page.getByRole('heading', { name: 'Set up Rampart' }).waitFor();
        await shot(page, `${prefix}01-setup`);
        await page.getByLabel('Your name').fill('Ada Admin');
        await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
        await page.getByLabel('Organization name').fill('Alpha');
        await page.getByRole('button', { name: 'Create account and organization' }).click();
        await page.waitForURL('**/o/alpha');
        await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
        await shot(page, `${prefix}02-home`);

        // A second organization, created from the header.
        await page.getByRole('button', { name: 'New organization' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'New organization' });
        await dialog.getByLabel('Name', { exact: true }).fill('Beta');
        await dialog.getByRole('button', { name: 'Create organization' }).click();
        await page.waitForURL('**/o/beta');
        const switcher = page.getByLabel('Organization', { exact: true });
        await expect.poll(() => switcher.inputValue()).toBe('beta');

        // Switch with the organization switcher, and back.
        await switcher.selectOption('alpha');
        await page.waitForURL('**/o/alpha');
        await switcher.selectOption('beta');
        await page.waitForURL('**/o/beta');
        await switcher.selectOption('alpha');
        await page.waitForURL('**/o/alpha');
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');

        // Create an action in Alpha.
        await page
          .getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' })
          .getByRole('link', { name: 'Actions (6.2 plans)' })
          .click();
        await page.waitForURL('**/o/alpha/actions');
        await page.getByRole('heading', { name: 'No actions yet' }).waitFor();
        await shot(page, `${prefix}03-actions-empty`);
        await page.getByRole('link', { name: 'New action' }).first().click();
        await page.waitForURL('**/o/alpha/actions/new');
        await page.getByLabel('What will be done').fill('Enable MFA for remote access');
        await page.getByLabel('Owner').selectOption({ label: 'Ada Admin (ada@example.com)' });
        await page.getByLabel('Due date').fill('2030-06-30');
        await page.getByLabel('Priority').selectOption('high');
        await page.getByLabel('How results are evaluated').fill('All VPN log-ins show a second factor for a month.');
        await shot(page, `${prefix}04-action-form`);
        await page.getByRole('button', { name: 'Create action' }).click();
        await page.waitForURL(/\/o\/alpha\/actions\/[0-9a-f-]{36}/);
        await page.getByRole('heading', { name: 'Enable MFA for remote access' }).waitFor();
        const ref = (await page.locator('.page__eyebrow.ref').textContent())?.trim() ?? '';
        expect(ref).toMatch(/^ACT-\d+$/);
        await shot(page, `${prefix}05-action-detail`);

        // It is in the list.
        await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Actions' }).click();
        await page.waitForURL('**/o/alpha/actions');
        const row = page.getByRole('row').filter({ hasText: 'Enable MFA for remote access' });
        await row.waitFor();
        await expect(row.textContent()).resolves.toContain(ref);
        await shot(page, `${prefix}06-actions-list`);

        // The audit trail holds its record.created event.
        await page.getByRole('link', { name: 'Audit trail' }).click();
        await page.waitForURL('**/o/alpha/audit');
        await page.getByLabel('Event').selectOption('record.created');
        const event = page.getByRole('row').filter({ hasText: 'record.created' }).filter({ hasText: ref });
        await event.waitFor();
        await shot(page, `${prefix}07-audit`);

        // The chain verifies, the page says how far signed checkpoints anchor it, and shows the instance key.
        await page.getByRole('button', { name: 'Verify chain' }).click();
        await page.getByText(/Chain intact: \d+ events checked/).waitFor();
        await expect(page.getByTestId('audit-anchor').textContent()).resolves.toMatch(
          /Anchored up to event no\. \d+|No signed checkpoint yet/,
        );
        await expect(page.getByTestId('signing-key-fingerprint').textContent()).resolves.toMatch(
          /^([0-9a-f]{4}:){15}[0-9a-f]{4}$/,
        );
        await page.getByRole('heading', { name: 'Instance signing key' }).scrollIntoViewIfNeeded();
        await shot(page, `${prefix}07b-audit-verified`);

        // On a phone the navigation waits behind the menu button and closes again when a page is chosen.
        await page.setViewportSize({ width: 390, height: 844 });
        const nav = page.getByRole('navigation', { name: 'ISMS by clause of ISO/IEC 27001' });
        await expect.poll(() => nav.isVisible()).toBe(false);
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect.poll(() => nav.isVisible()).toBe(true);
        await expect(page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).resolves.toBe(
          'true',
        );
        await shot(page, `${prefix}07c-phone-menu`);
        await nav.getByRole('link', { name: 'Actions (6.2 plans)' }).click();
        await page.waitForURL('**/o/alpha/actions');
        await expect.poll(() => nav.isVisible()).toBe(false);
        await expect(page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).resolves.toBe('false');
        await page.setViewportSize({ width: 1280, height: 860 });

        // Sign out lands on sign-in.
        await page.getByLabel('Account menu for Ada Admin').click();
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL('**/sign-in');
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await shot(page, `${prefix}08-signed-out`);
      } catch (e) {
        await shot(page, `${prefix}failure`);
        throw e;
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
