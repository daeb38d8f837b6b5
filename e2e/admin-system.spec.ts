import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signInAsAdmin, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

test('the System page is for admins only', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Uma User', uniqueEmail('uma-system'));
  await expect(page).toHaveURL('/app');
  await page.goto('/app/admin/system');
  await expect(page.getByRole('heading', { level: 1, name: 'For administrators only' })).toBeVisible();
});

test('an admin checks the system: health, backups, jobs, outbox and errors', async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  await page.goto('/app/admin');
  await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'System' }).click();
  await expect(page).toHaveURL('/app/admin/system');

  for (const section of ['Health', 'Backups', 'Jobs', 'Outbox', 'Recent errors']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText('ready', { exact: true })).toBeVisible();
  await expect(page.getByText('No backup yet — run npm run backup or wait for the daily job.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Jobs: last run, failures and next run' })).toContainText(
    'retention.daily',
  );
  // The end-to-end server sends its mail through SMTP (the suite's mail capture), so the page says
  // so and the outbox holds nothing; masked recipients are checked in system.int.test.ts and
  // system-page.test.tsx, where mail goes to the outbox.
  await expect(
    page.getByText(
      'Mail is sent through SMTP; the outbox only holds mail stored before SMTP was configured.',
    ),
  ).toBeVisible();
  await expect(page.getByText('The outbox is empty.')).toBeVisible();
  await expectAccessible(page, 'admin system');

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(page.getByText(/^Checked at /)).toBeVisible();

  // Usable on a 360 px phone: the page itself never scrolls sideways (wide tables scroll on their own).
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('heading', { level: 2, name: 'Recent errors' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'admin system, phone');
});
