import { expect, type Page } from '@playwright/test';
import { verificationLink } from './email.ts';

export const STRONG_PASSWORD = 'Granite-Otter-47';

/**
 * The end-to-end server lists this address in ADMIN_EMAILS (playwright.config.ts), so it becomes an
 * admin once verified — the in-memory database is out of reach of `npm run admin:grant`.
 */
export const E2E_ADMIN_EMAIL = 'console.admin@example.com';

/** A fresh address per test, so tests never depend on each other's accounts or throttles. */
export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Fills in and submits the sign-up form on the page that shows it. */
export async function signUp(page: Page, name: string, email: string, password = STRONG_PASSWORD) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/**
 * Signs up the E2E_ADMIN_EMAIL address — or signs in, when an earlier test already created it — and
 * opens its verification link, which makes it an admin. Every admin console spec starts here.
 */
export async function signInAsAdmin(page: Page) {
  const slow = { timeout: 15_000 };
  await page.goto('/auth/sign-up');
  await signUp(page, 'Ada Admin', E2E_ADMIN_EMAIL);
  // The form shows this message in two places; either one means the account exists.
  const taken = page.getByText('An account with this email already exists').first();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Ada Admin' }).or(taken)).toBeVisible(
    slow,
  );
  if (await taken.isVisible()) {
    await page.goto('/auth/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(E2E_ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/app', slow);
  }
  await page.goto(await verificationLink(E2E_ADMIN_EMAIL));
  await expect(page.getByRole('heading', { level: 1, name: 'Your email is verified' })).toBeVisible();
}
