import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PATIENCE, shot } from './journey.js';

/**
 * The handling of one nonconformity (27001:2022 10.2), clicked in the browser from its page: the correction, the
 * decision that corrective action is needed, the cause analysis with its five whys, a corrective action planned in
 * the tracker (owned by the person handling it) and marked done, the effectiveness review refused to that owner
 * (the server's message beside "Reviewed by"), the review by a second person, the closure by the ISMS manager.
 *
 * `page` is signed in as an ISMS manager (or admin) who handles the nonconformity and is open at its page; it will
 * own the corrective action. `reviewer` is signed in as a second member who may update nonconformities (an editor)
 * and owns none of its actions. The internal-audit journey calls this after raising a finding.
 */
export interface NonconformityHandling {
  /** shown in the corrective action's title and the texts recorded, to find them again */
  label: string;
  /** prefix of screenshots (E2E_SCREENSHOTS) */
  shots?: string;
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Waits until the step card `name` says it is done. */
async function stepDone(page: Page, name: string): Promise<void> {
  await region(page, name).locator('.step-card__state', { hasText: 'Done' }).waitFor({ timeout: PATIENCE });
}

async function submit(card: Locator, button: string): Promise<void> {
  await card.getByRole('button', { name: button }).click();
}

export async function handleNonconformity(
  page: Page,
  reviewer: Page,
  { label, shots = 'nc' }: NonconformityHandling,
): Promise<void> {
  const ncUrl = page.url();

  // 10.2 a: the correction and the consequences dealt with
  const correction = region(page, 'Correction (10.2 a)');
  await correction.getByRole('textbox', { name: 'Correction (10.2 a)' }).fill(`${label}: access revoked at once`);
  await correction
    .getByRole('textbox', { name: 'Consequences dealt with' })
    .fill('Checked the access log: nothing was read.');
  await submit(correction, 'Record the correction');
  await stepDone(page, 'Correction (10.2 a)');

  // 10.2 b: corrective action is needed, and why
  const decision = region(page, 'Decision (10.2 b)');
  await decision
    .getByRole('combobox', { name: 'Corrective action needed (10.2 b)' })
    .selectOption({ label: 'Yes: analyse the causes and act' });
  await decision.getByRole('textbox', { name: 'Decision criterion' }).fill('It can recur at every leaver.');
  await submit(decision, 'Record the decision');
  await stepDone(page, 'Decision (10.2 b)');

  // 10.2 b 1–3: the cause analysis, with the five-whys chain
  const analysis = region(page, 'Review and cause analysis (10.2 b 1–3)');
  await analysis.getByRole('textbox', { name: 'What went wrong' }).fill('A leaver kept access for three weeks.');
  await analysis.getByRole('combobox', { name: 'Cause category' }).selectOption({ label: 'Process' });
  await analysis.getByRole('textbox', { name: 'Why 1' }).fill('HR did not tell IT about the leaver.');
  await analysis.getByRole('textbox', { name: 'Why 2' }).fill('The leaver checklist has no IT step.');
  await analysis.getByRole('textbox', { name: 'Why 3' }).fill('Nobody owns the leaver checklist.');
  await analysis.getByRole('button', { name: 'Add a why' }).click();
  await analysis.getByRole('textbox', { name: 'Why 4' }).fill('The process was never reviewed after the merger.');
  await analysis.getByRole('textbox', { name: 'Root cause' }).fill('The leaver process has no owner.');
  await submit(analysis, 'Record the analysis');
  await stepDone(page, 'Review and cause analysis (10.2 b 1–3)');
  await analysis.getByText('The process was never reviewed after the merger.', { exact: true }).waitFor();
  await shot(page, `${shots}-01-analysed`);

  // 10.2 c: a corrective action in the tracker, owned by the person handling the nonconformity
  const actions = region(page, 'Corrective actions (10.2 c)');
  await actions.getByRole('link', { name: 'Plan a corrective action' }).click();
  await page.getByRole('heading', { level: 1, name: /^Plan a corrective action for NC-/ }).waitFor();
  const actionTitle = `${label}: give the leaver checklist an owner and an IT step`;
  await page.getByRole('textbox', { name: 'What will be done' }).fill(actionTitle);
  await page.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
  await page.getByLabel('Due date').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Create action' }).click();
  await page.waitForURL(ncUrl);
  const actionLink = region(page, 'Corrective actions (10.2 c)').getByRole('link', { name: actionTitle });
  await actionLink.waitFor();

  // the action is carried out: done in the tracker
  await actionLink.click();
  await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Edit ACT-/ }).waitFor();
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Done' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
  await page.goto(ncUrl);

  // 10.2 d: the action's owner may not review its effectiveness; the reason shows beside "Reviewed by"
  const review = region(page, 'Effectiveness review (10.2 d)');
  await review.getByRole('combobox', { name: 'Effective', exact: true }).selectOption({ label: 'Effective' });
  await submit(review, 'Record the review');
  const refusal = review.locator('.field__error').filter({ hasText: 'Owner of corrective action' });
  await refusal.waitFor();
  const describedBy = await review.getByRole('combobox', { name: 'Reviewed by' }).getAttribute('aria-describedby');
  expect(describedBy, 'the refusal is tied to the reviewer field').toContain(await refusal.getAttribute('id'));
  await shot(page, `${shots}-02-review-refused`);

  // … a second person, who owns none of the actions, reviews it
  await reviewer.goto(ncUrl);
  const review2 = region(reviewer, 'Effectiveness review (10.2 d)');
  await review2.getByRole('combobox', { name: 'Effective', exact: true }).selectOption({ label: 'Effective' });
  await review2
    .getByRole('textbox', { name: 'Evidence and note' })
    .fill('Sampled five leavers since: all lost access the same day.');
  await submit(review2, 'Record the review');
  await stepDone(reviewer, 'Effectiveness review (10.2 d)');
  await review2.getByRole('cell', { name: 'Sampled five leavers since: all lost access the same day.' }).waitFor();

  // closure by the ISMS manager
  await page.reload();
  const closure = region(page, 'Closure');
  await submit(closure, 'Close the nonconformity');
  await stepDone(page, 'Closure');
  await page.locator('.nc__pills').getByText('Closed', { exact: true }).waitFor();
  await shot(page, `${shots}-03-closed`);
}
