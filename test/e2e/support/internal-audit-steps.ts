import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * On the audit's Findings page, the lead auditor raises the NC finding `title` as a nonconformity with the follow-up
 * plan agreed (owner, correction, corrective action, due date, verification). Answers the new record's reference.
 */
export async function raiseNonconformityStep(page: Page, title: string, owner: string): Promise<string> {
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('button', { name: 'Raise nonconformity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Raise a nonconformity' });
  await dialog.getByLabel('Owner of the nonconformity').selectOption({ label: owner });
  await dialog.getByLabel('Correction (what is done at once)').fill('Restored the missing approval records');
  await dialog.getByLabel('Corrective action planned').fill('Approval step added to the document workflow');
  await dialog.getByLabel('Due on').fill('2027-03-31');
  await dialog.getByLabel('How its effectiveness will be verified').fill('Sample ten documents at the next audit');
  await dialog.getByRole('button', { name: 'Raise nonconformity' }).click();
  const raised = page.getByRole('status').filter({ hasText: / raised\.$/ });
  await raised.waitFor();
  const ref = /^(\S+) raised\.$/.exec((await raised.textContent())?.trim() ?? '')?.[1];
  expect(ref).toMatch(/^NC-/);
  // the finding now links to its nonconformity
  await row.getByRole('link', { name: ref! }).waitFor();
  return ref!;
}
