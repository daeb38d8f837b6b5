import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signInAsAdmin, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';
import { takeDiagnosticWithClicks } from './support/diagnostic.ts';

test.skip(skipReason !== null, skipReason ?? '');

const ANSWERS = [4, 5, 2, 3, 3, 3, 1, 2] as const;

test('a user joins the beta with consent, sees a step ticked by taking the diagnostic, rates it, and leaves', async ({
  page,
}) => {
  test.slow();
  await page.goto('/auth/sign-up');
  await signUp(page, 'Bea Tester', uniqueEmail('bea'));
  await expect(page).toHaveURL('/app');

  await page
    .getByRole('navigation', { name: 'About this site' })
    .getByRole('link', { name: 'Beta programme' })
    .click();
  await expect(page).toHaveURL('/beta');
  await expect(page.getByRole('heading', { level: 1, name: 'Beta programme' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Join the beta' })).toBeVisible();
  await expectAccessible(page, 'beta, not a member');

  await page.getByRole('button', { name: 'Join the beta' }).click();
  await expect(page.getByText('Tick the box to agree to the beta programme.')).toBeVisible();
  await page.getByRole('checkbox', { name: /I want to join the IDEA Brand Coach beta/ }).check();
  await page.getByRole('button', { name: 'Join the beta' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your journey' })).toBeVisible();
  await expect(page.getByText('0 of 7 steps done.')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Take the diagnostic (not done yet)' }),
  ).toBeVisible();
  await expectAccessible(page, 'beta, journey');

  // Taking the diagnostic signed in ticks its step: the page reads the real result.
  await takeDiagnosticWithClicks(page, ANSWERS);
  await page.goto('/beta');
  await expect(page.getByRole('heading', { level: 3, name: 'Take the diagnostic (done)' })).toBeVisible();
  await expect(page.getByText('1 of 7 steps done.')).toBeVisible();

  const diagnosticStep = page.getByRole('listitem').filter({ hasText: 'Take the diagnostic' });
  await diagnosticStep.getByText('Tell us how this step went').click();
  await diagnosticStep.getByRole('radio', { name: 'Easy' }).check();
  await diagnosticStep.getByLabel('Anything to add? (optional)').fill('Quick and clear.');
  await diagnosticStep.getByRole('button', { name: 'Send my answer' }).click();
  await expect(diagnosticStep.getByText('Thank you — your answer is saved.')).toBeVisible();
  await expect(diagnosticStep.getByText('You said: Easy')).toBeVisible();
  await expectAccessible(page, 'beta, step feedback');

  await page.getByRole('button', { name: 'Leave the beta' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave the beta programme?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'beta, leave dialog');
  await dialog.getByRole('button', { name: 'Leave the beta' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Join the beta' })).toBeVisible();
  // The account is untouched.
  await page.goto('/app/diagnostic');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an admin reads a lead, exports leads and the beta cohort as CSV, and deletes the lead on request', async ({
  page,
}) => {
  test.slow();
  const email = uniqueEmail('lead-admin');
  await takeDiagnosticWithClicks(page, ANSWERS);
  await page.getByRole('heading', { name: 'Get this report by email' }).scrollIntoViewIfNeeded();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('checkbox', { name: /I agree that IDEA Brand Coach may email me/ }).check();
  await page.getByRole('checkbox', { name: /not a robot/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('altcha-widget .altcha')).toHaveAttribute('data-state', 'verified');
  await page.getByRole('button', { name: 'Email me the report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your inbox' })).toBeVisible();

  await signInAsAdmin(page);
  await page.goto('/app/admin');
  await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Leads' }).click();
  await expect(page).toHaveURL('/app/admin/leads');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByText('Subscribed')).toBeVisible();
  await expectAccessible(page, 'admin leads');

  const leadsCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await leadsCsv).suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);

  await row.getByRole('button', { name: `Delete the lead ${email}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this lead?' });
  await expectAccessible(page, 'admin leads, delete dialog');
  await dialog.getByRole('button', { name: 'Delete lead' }).click();
  await expect(page.getByText(`The lead ${email} was deleted.`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);

  await page
    .getByRole('navigation', { name: 'Admin console' })
    .getByRole('link', { name: 'Beta testers' })
    .click();
  await expect(page).toHaveURL('/app/admin/beta');
  await expect(
    page.getByRole('table', { name: 'The journey funnel over current beta testers' }),
  ).toBeVisible();
  await expectAccessible(page, 'admin beta');
  const cohortCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await cohortCsv).suggestedFilename()).toMatch(/^beta-cohort-\d{4}-\d{2}-\d{2}\.csv$/);
});
