import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  MANAGER,
  PASSWORD,
  apiSession,
  describeJourney,
  expectColumnsShownAt1440,
  expectFitsPhone,
  seedAlphaWithMembers,
  shot,
  signIn,
} from './support/journey.js';

const NEWCOMER = { email: 'nina@example.com', name: 'Nina Newcomer' };
const NEW_PASSWORD = 'quartz lantern orchard 42';

/**
 * Joining by invitation and changing your own password, clicked in a real Chromium against the real server: the
 * admin invites a new e-mail on the members page and gets the link once; the newcomer opens it, is refused a weak
 * password, joins; then changes their password on the account page (the current one required) and signs in with
 * the new one. Server, browser and databases: ./support/journey.ts.
 */
describeJourney(
  'account journey',
  (run) => {
    it('invites a newcomer who joins through the link, then changes their password and signs in with it', async () => {
      const { dialect, newContext } = run();
      const p = `account-${dialect}-`;
      const adminContext = await newContext();
      const admin = await signIn(adminContext, ADMIN, '/o/alpha/members');
      let link = '';
      try {
        await admin.getByRole('heading', { name: 'Invite a member' }).waitFor();
        await admin.getByLabel('Email', { exact: true }).fill(NEWCOMER.email);
        await admin.getByLabel('Role', { exact: true }).selectOption('viewer');
        await admin.getByRole('button', { name: 'Invite', exact: true }).click();
        const linkField = admin.getByRole('textbox', { name: 'Invitation link' });
        await linkField.waitFor();
        link = await linkField.inputValue();
        expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{40,}$/);
        await expect.poll(() => admin.getByText('Rampart sends no e-mail').isVisible()).toBe(true);
        await shot(admin, `${p}01-invitation-link`);
        await admin.getByRole('button', { name: 'Done' }).click();
        await expect
          .poll(() => admin.getByRole('table', { name: 'Pending invitations' }).getByText(NEWCOMER.email).isVisible())
          .toBe(true);
      } finally {
        await adminContext.close();
      }

      const context = await newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await page.goto(link);
        await page.getByRole('heading', { name: 'Join Alpha' }).waitFor();
        await page.getByLabel('Your name').fill(NEWCOMER.name);
        await page.getByLabel('Password').fill('aaaaaaaaaaaa');
        await page.getByRole('button', { name: 'Join' }).click();
        await expect.poll(() => page.locator('.field__error').first().textContent()).toContain('Repeated characters');
        await shot(page, `${p}02-weak-password`);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.waitForURL('**/o/alpha');

        // the account page, from the user menu
        await page.getByLabel(`Account menu for ${NEWCOMER.name}`).click();
        await page.getByRole('link', { name: 'Your account' }).click();
        await page.waitForURL('**/o/alpha/account');
        await page.getByRole('heading', { name: 'Change your password' }).waitFor();

        await fillPasswords(page, 'not-my-password-at-all', NEW_PASSWORD, NEW_PASSWORD);
        await expect.poll(() => page.locator('.field__error').first().textContent()).toBe('Not your current password');
        await fillPasswords(page, PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`);
        await expect
          .poll(() => page.locator('.field__error').first().textContent())
          .toBe('The two new passwords differ');
        await fillPasswords(page, PASSWORD, NEWCOMER.email, NEWCOMER.email);
        await expect.poll(() => page.locator('.field__error').first().textContent()).toContain('e-mail');
        await fillPasswords(page, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        await expect.poll(() => page.getByText('Your password was changed').isVisible()).toBe(true);
        await shot(page, `${p}03-password-changed`);

        // signed out, the old password no longer works and the new one does
        await page.getByLabel(`Account menu for ${NEWCOMER.name}`).click();
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL('**/sign-in**');
        await page.getByLabel('Email').fill(NEWCOMER.email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('do not match');
        await page.getByLabel('Password').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL('**/o/alpha');
      } finally {
        await context.close();
      }
    });

    it('someone who already has an account sees the invitation on their home page and accepts it', async () => {
      const { dialect, server, newContext } = run();
      const ada = await apiSession(server.baseUrl, ADMIN.email);
      const headers = { 'content-type': 'application/json', cookie: ada.cookie, 'x-csrf-token': ada.csrfToken };
      const org = await fetch(`${server.baseUrl}/api/v1/orgs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Beta', slug: 'beta' }),
      });
      expect(org.status).toBe(201);
      const invited = await fetch(`${server.baseUrl}/api/v1/orgs/beta/members`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: MANAGER.email, role: 'auditor' }),
      });
      expect(invited.status).toBe(202);

      const context = await newContext();
      const page = await signIn(context, MANAGER);
      try {
        const card = page.getByRole('region', { name: /Invitations/ });
        await expect.poll(() => card.getByText('Beta invites you as Auditor').isVisible()).toBe(true);
        await shot(page, `account-${dialect}-04-invitation-card`);
        await card.getByRole('button', { name: 'Accept' }).click();
        await page.waitForURL('**/o/beta');
        await expect.poll(() => page.getByLabel('Organization').inputValue()).toBe('beta');
      } finally {
        await context.close();
      }
    });

    it('an admin adds an automation account from the admin navigation, issues it a token and sees it among the tokens', async () => {
      const { dialect, newContext } = run();
      const p = `account-${dialect}-`;
      const context = await newContext();
      const page = await signIn(context, ADMIN, '/o/alpha');
      try {
        await page.getByRole('navigation').getByRole('link', { name: 'Automation accounts' }).click();
        await page.waitForURL('**/o/alpha/automation-accounts');
        // before the first one, the page says what they are for
        await expect.poll(() => page.getByText('No automation accounts yet').isVisible()).toBe(true);
        await shot(page, `${p}05-automation-empty`);

        const form = page.getByRole('form', { name: 'Add an automation account' });
        const role = form.getByLabel('Role', { exact: true });
        // never an admin: the choice is not offered
        expect(await role.locator('option').allTextContents()).not.toContain('Administrator');
        await form.getByLabel('Name', { exact: true }).fill('CI pipeline');
        await role.selectOption('contributor');
        await form.getByRole('button', { name: 'Add account' }).click();
        const table = page.getByRole('table', { name: 'Automation accounts' });
        const row = table.getByRole('row', { name: /CI pipeline/ });
        await expect.poll(() => row.getByRole('cell', { name: 'Contributor' }).isVisible()).toBe(true);

        await row.getByRole('button', { name: 'Issue a token for CI pipeline' }).click();
        const dialog = page.getByRole('dialog', { name: 'Issue a token for CI pipeline' });
        await dialog.getByLabel('Name', { exact: true }).fill('Nightly export');
        await shot(page, `${p}06-automation-issue`);
        await dialog.getByRole('button', { name: 'Issue token' }).click();
        // the secret, shown once, and the account now counts one active token
        const secret = page.getByRole('textbox', { name: 'Token secret' });
        await secret.waitFor();
        expect(await secret.inputValue()).toMatch(/^rpt_/);
        // the name is the row's header; Role, Created, Active tokens follow
        await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('1');
        await expectColumnsShownAt1440(page, table, ['Name', 'Role', 'Created', 'Active tokens'], `${p}07-automation`);

        // the token is listed with the others, its owner marked as an automation account
        await page.getByRole('link', { name: 'See and revoke tokens on the API tokens page.' }).click();
        await page.waitForURL('**/o/alpha/tokens');
        const token = page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: /Nightly export/ });
        await expect.poll(() => token.getByText('CI pipeline').isVisible()).toBe(true);
        await expect.poll(() => token.getByText('automation', { exact: true }).isVisible()).toBe(true);
        await shot(page, `${p}09-automation-token`);
      } finally {
        await context.close();
      }

      // A member who is no admin sees the accounts but neither adds one nor issues tokens; on a phone the page fits
      // (checked as a member: a superadmin's top bar holds "New organization" too, which is the shell's own matter).
      const memberContext = await newContext();
      const member = await signIn(memberContext, MANAGER, '/o/alpha/automation-accounts');
      try {
        const table = member.getByRole('table', { name: 'Automation accounts' });
        await expect.poll(() => table.getByRole('row', { name: /CI pipeline/ }).isVisible()).toBe(true);
        expect(await member.getByRole('form', { name: 'Add an automation account' }).count()).toBe(0);
        expect(await member.getByRole('button', { name: /Issue a token/ }).count()).toBe(0);
        await expectFitsPhone(member, member.locator('.page'), `${p}08-automation`);
      } finally {
        await memberContext.close();
      }
    });
  },
  { seed: seedAlphaWithMembers },
);

async function fillPasswords(page: Page, current: string, next: string, again: string) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(again);
  await page.getByRole('button', { name: 'Change password' }).click();
}
