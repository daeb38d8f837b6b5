import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

async function openFromFooter(page: Page, link: string) {
  await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
}

test('the privacy, terms and contact pages, from the footer, state this site’s own facts', async ({
  page,
}) => {
  await page.goto('/');

  await openFromFooter(page, 'Privacy');
  await expect(page).toHaveURL('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  const stored = page.getByRole('region', { name: 'What we store' });
  await expect(stored.getByRole('region', { name: 'Your account' })).toBeVisible();
  await expect(stored.getByText('users', { exact: true })).toBeVisible();
  // The test server sends its mail to a local capture (playwright.config.ts) and has no AI provider.
  const services = page.getByRole('region', { name: 'Outside services' });
  await expect(services.getByRole('heading', { name: 'Email delivery: 127.0.0.1' })).toBeVisible();
  await expect(services).toContainText('No AI provider is used');
  await expectAccessible(page, 'privacy');

  await openFromFooter(page, 'Terms');
  await expect(page).toHaveURL('/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Limits' })).toContainText('AI requests a day');
  await expect(page.getByRole('region', { name: 'Governing law' })).toContainText('has not stated');
  await expectAccessible(page, 'terms');

  await openFromFooter(page, 'Contact');
  await expect(page).toHaveURL('/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact' })).toBeVisible();
  // No CONTACT_EMAIL on the test server: the page says so instead of showing an address.
  await expect(page.getByText('No contact details are published yet')).toBeVisible();
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  await expectAccessible(page, 'contact');
});

test('the deleted-account page links to privacy and contact', async ({ page }) => {
  await page.goto('/account/deleted');
  await page.getByRole('main').getByRole('link', { name: 'privacy page' }).click();
  await expect(page).toHaveURL('/privacy');
  await page.goBack();
  await page.getByRole('main').getByRole('link', { name: 'contact page' }).click();
  await expect(page).toHaveURL('/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact' })).toBeVisible();
});

test('a legal page works at phone width, loaded directly', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/privacy');
  await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'privacy at 360 px');
});
