import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// Several sign-ups, reloads and a second tab per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('generate copy for a format, see it in the history and copy it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/auth/sign-up');
  await signUp(page, 'Val Lens', uniqueEmail('valuelens'));
  // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  await page.goto('/app/value-lens');
  await expect(page.getByRole('heading', { level: 1, name: 'Value Lens' })).toBeVisible();
  await expect(page.getByText('Copy you generate is kept here, newest first.')).toBeVisible();
  await expectAccessible(page, 'value lens');

  // Nothing sent without the required fields.
  await page.getByRole('button', { name: 'Write copy' }).click();
  await expect(page.getByText('Name the product.')).toBeVisible();

  await page.getByLabel('Product', { exact: true }).fill('Calm Kit');
  await page.getByLabel('Feature 1', { exact: true }).fill('Ready in five minutes');
  await page.getByRole('button', { name: 'Add a feature' }).click();
  await page.getByLabel('Feature 2', { exact: true }).fill('No added sugar');
  await page.getByLabel('Emotional payoff (optional)').selectOption('relief');
  await page.getByRole('radio', { name: /Ad headline/ }).check();
  await page.getByRole('button', { name: 'Write copy' }).click();

  const result = page.getByRole('region', { name: 'Your ad headline copy' });
  await expect(result.getByTestId('copy-variant').first()).toBeVisible();
  await expect(result.getByText(/^Offline coach/)).toBeVisible();
  const counts = await result.getByText(/\/ 30 characters/).allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const count of counts) expect(Number(count.split('/')[0]?.trim())).toBeLessThanOrEqual(30);

  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('history-entry')).toHaveCount(1);
  await expect(history.getByRole('heading', { name: 'Ad headline for Calm Kit' })).toBeVisible();

  const firstVariant =
    (await result.getByTestId('copy-variant').first().locator('p').first().textContent()) ?? '';
  await result.getByRole('button', { name: 'Copy variant 1' }).click();
  await expect(result.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstVariant);
  await expectAccessible(page, 'value lens with copy');

  await page.reload();
  await expect(page.getByRole('region', { name: 'History' }).getByTestId('history-entry')).toHaveCount(1);

  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const entry = page.getByRole('region', { name: 'History' }).getByTestId('history-entry');
  await entry.getByRole('button', { name: 'Delete Ad headline for Calm Kit' }).click();
  await entry.getByRole('button', { name: 'Delete Ad headline for Calm Kit' }).click();
  await expect(page.getByText('Copy you generate is kept here, newest first.')).toBeVisible();
});

test('the brief being written survives a reload, per brand', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Bri Brief', uniqueEmail('brief'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  await page.goto('/app/value-lens');
  await page.getByLabel('Product', { exact: true }).fill('Calm Kit');
  await page.getByLabel('Feature 1', { exact: true }).fill('Ready in five minutes');
  await page.getByRole('button', { name: 'Add a feature' }).click();
  await page.getByLabel('Feature 2', { exact: true }).fill('No added sugar');
  await page.getByLabel('Emotional payoff (optional)').selectOption('relief');
  await page.getByRole('radio', { name: /Email subject/ }).check();

  await page.reload();
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('Calm Kit');
  await expect(page.getByLabel('Feature 1', { exact: true })).toHaveValue('Ready in five minutes');
  await expect(page.getByLabel('Feature 2', { exact: true })).toHaveValue('No added sugar');
  await expect(page.getByLabel('Emotional payoff (optional)')).toHaveValue('relief');
  await expect(page.getByRole('radio', { name: /Email subject/ })).toBeChecked();

  // Another brand has its own brief; coming back brings this one back.
  const created = await page.request.post('/api/brands', { data: { name: 'Second Client' } });
  expect(created.status()).toBe(201);
  await page.reload();
  await page.getByLabel('Brand', { exact: true }).selectOption({ label: 'Second Client' });
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('');
  await page.getByLabel('Brand', { exact: true }).selectOption({ label: 'My brand' });
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('Calm Kit');
});
