import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
test.describe.configure({ timeout: 120_000 });

test('brands: the default brand, add, switch (the workspace follows), rename, delete', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Bea Brands', uniqueEmail('brands'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  // The dashboard shows the default brand's workspace and a next step computed from it.
  await expect(page.getByRole('heading', { name: /^Next for My brand:/ })).toBeVisible();

  // Write something in the default brand's canvas.
  await page.goto('/app/canvas');
  await page.getByLabel('Purpose', { exact: true }).fill('Calm mornings for parents');
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15_000 });

  await page.goto('/app/brands');
  await expect(page.getByRole('heading', { level: 1, name: 'Your brands' })).toBeVisible();
  await expectAccessible(page, 'brands with one brand');
  // The last brand cannot be deleted, so no delete button is offered.
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);

  await page.getByLabel('Brand name').fill('Second Shop');
  await page.getByRole('button', { name: 'Create brand' }).click();
  // A new brand becomes the current one.
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Second Shop' }).getByText('Current'),
  ).toBeVisible();

  // The canvas follows the current brand: empty for the new one.
  await page.goto('/app/canvas');
  await expect(page.getByLabel('Purpose', { exact: true })).toHaveValue('');
  // With two brands, a switcher appears on workspace pages.
  const switcher = page.getByLabel('Brand', { exact: true });
  await switcher.selectOption({ label: 'My brand' });
  await expect(page.getByLabel('Purpose', { exact: true })).toHaveValue('Calm mornings for parents');

  await page.goto('/app/brands');
  await page.getByRole('button', { name: 'Rename Second Shop' }).click();
  await page.getByLabel('New name for Second Shop').fill('Second Store');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'Rename Second Store' })).toBeVisible();
  await expectAccessible(page, 'brands with two brands');

  await page.getByRole('button', { name: 'Delete Second Store' }).click();
  await page.getByRole('button', { name: 'Delete brand' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Second Store' })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'My brand' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
});
