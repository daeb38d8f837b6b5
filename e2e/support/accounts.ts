import type { Page } from '@playwright/test';

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
