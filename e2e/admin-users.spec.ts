import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { STRONG_PASSWORD, signInAsAdmin, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

const SLOW = { timeout: 15_000 };

async function signIn(page: Page, email: string) {
  await page.goto('/auth/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A user signed in in a browser of their own. */
async function userInOwnBrowser(browser: Browser, name: string, prefix: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(prefix);
  await page.goto('/auth/sign-up');
  await signUp(page, name, email);
  await expect(page).toHaveURL('/app', SLOW);
  return { context, page, email };
}

/** Finds the user on the Users page by address and opens their page. */
async function openUser(page: Page, email: string, name: string) {
  await page.goto('/app/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByLabel('Name or email').fill(email);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const table = page.getByRole('table', { name: 'Users matching the filters, newest first' });
  await expect(table.getByRole('link', { name })).toBeVisible();
  await table.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('an admin restores an account pending deletion, and its owner can sign in again', async ({
  page,
  browser,
}) => {
  test.slow();
  const user = await userInOwnBrowser(browser, 'Rita Restore', 'restore');
  await user.page.goto('/app/settings');
  await user.page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = user.page.getByRole('dialog', { name: 'Delete your account?' });
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByLabel('Your password', { exact: true }).fill(STRONG_PASSWORD);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(user.page).toHaveURL(/\/account\/deleted/, SLOW);

  await signInAsAdmin(page);
  await page.goto('/app/admin/users');
  await page.getByLabel('Pending deletion').selectOption('true');
  await page.getByLabel('Name or email').fill(user.email);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/Pending deletion \(purge/)).toBeVisible();
  await expectAccessible(page, 'admin users');

  await openUser(page, user.email, 'Rita Restore');
  await expect(page.getByText(/Pending: purged on/)).toBeVisible();
  await expectAccessible(page, 'admin user page');
  await page.getByRole('button', { name: 'Restore account' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this account?' });
  await confirm.getByRole('button', { name: 'Restore account' }).click();
  await expect(page.getByText('The account is restored; the user can sign in again.')).toBeVisible();
  await expect(page.getByText('Not requested')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Admin actions on this account, newest first' }),
  ).toContainText('users.restore');

  await page
    .getByRole('navigation', { name: 'Admin console' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Admin actions, newest first' })).toContainText(
    'users.restore',
  );
  await expectAccessible(page, 'admin audit log');

  await signIn(user.page, user.email);
  await expect(user.page).toHaveURL('/app', SLOW);
  await user.context.close();
});

test('an admin disables a user: their open session gets 401 at once, and they cannot sign in', async ({
  page,
  browser,
}) => {
  test.slow();
  const user = await userInOwnBrowser(browser, 'Dan Disabled', 'disable');
  expect((await user.page.request.get('/api/brands')).status()).toBe(200);

  await signInAsAdmin(page);
  await openUser(page, user.email, 'Dan Disabled');
  await expect(
    page.getByRole('table', { name: 'Dan Disabled’s current sessions, most recently active first' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Disable sign-in' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable sign-in for this account?' });
  await expectAccessible(page, 'disable sign-in dialog');
  await confirm.getByRole('button', { name: 'Disable sign-in' }).click();
  await expect(page.getByText('Sign-in is disabled and every session has ended.')).toBeVisible();

  expect((await user.page.request.get('/api/brands')).status()).toBe(401);
  await signIn(user.page, user.email);
  await expect(user.page.getByText(/disabled by an administrator/).first()).toBeVisible();
  await user.context.close();
});

test('a user asks to move their account to a new email address', async ({ page }) => {
  const email = uniqueEmail('mover');
  await page.goto('/auth/sign-up');
  await signUp(page, 'Mo Mover', email);
  await expect(page).toHaveURL('/app', SLOW);
  await page.goto('/app/settings');
  await page.getByRole('button', { name: 'Change email' }).click();
  const newEmail = uniqueEmail('moved');
  const form = page.getByRole('form', { name: 'Change email' });
  await form.getByLabel('New email').fill(newEmail);
  await form.getByLabel('Current password').fill(STRONG_PASSWORD);
  await expectAccessible(page, 'settings, change email');
  await form.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(page.getByText('Check your new inbox')).toBeVisible();
  await expect(page.getByText(newEmail)).toBeVisible();
});
