import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';
import { takeDiagnosticWithClicks } from './support/diagnostic.ts';

test.skip(skipReason !== null, skipReason ?? '');
test.describe.configure({ timeout: 120_000 });

/** Insight 88, Distinctive 38, Empathetic 50, Authentic 13: overall 47. */
const MIXED_ANSWERS = [4, 5, 2, 3, 3, 3, 1, 2] as const;
const ALL_STRONG = [5, 5, 5, 5, 5, 5, 5, 5] as const;

/** The dashboard's "Overall 47 out of 100" line of the latest result. */
function overallLine(page: Page) {
  return page.getByRole('paragraph').filter({ has: page.getByText('Overall', { exact: true }) });
}

test('each brand has its own diagnostic: taking it for brand 2 leaves brand 1’s dashboard as it was', async ({
  page,
}) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Cora Consultant', uniqueEmail('brands-diagnostic'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });

  // Brand 1 (the default brand) takes the diagnostic.
  await takeDiagnosticWithClicks(page, MIXED_ANSWERS);
  await expect(page.getByText('Taken for My brand:')).toBeVisible();

  // A second client brand: it becomes the current one and starts with no diagnostic.
  await page.goto('/app/brands');
  await page.getByLabel('Brand name').fill('Second Client');
  await page.getByRole('button', { name: 'Create brand' }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Second Client' }).getByText('Current'),
  ).toBeVisible();
  await page.goto('/app');
  await expect(page.getByRole('heading', { name: 'Find out where your brand stands' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /^Next for Second Client: Take the IDEA diagnostic/ }),
  ).toBeVisible();

  await takeDiagnosticWithClicks(page, ALL_STRONG);
  await expect(page.getByText('Taken for Second Client:')).toBeVisible();
  await page.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(page).toHaveURL('/app');
  await expect(overallLine(page)).toHaveText(/^Overall\s*100\s*out of 100/);

  // Switching brand switches the data: brand 1's result is still its own, unchanged.
  const switcher = page.getByLabel('Brand', { exact: true });
  await switcher.selectOption({ label: 'My brand' });
  await expect(overallLine(page)).toHaveText(/^Overall\s*47\s*out of 100/);
  await expect(page.getByRole('heading', { name: 'Your recommended next step' })).toBeVisible();
  await expect(page.getByText('Work on Authentic: at 13')).toBeVisible();
  await expectAccessible(page, 'dashboard with a brand switcher');

  // The history follows the current brand too: one result each.
  await page.goto('/app/diagnostic');
  await expect(page.getByText('Results for My brand.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Every result/ })).toContainText('(1, newest first)');
  await page.getByLabel('Brand', { exact: true }).selectOption({ label: 'Second Client' });
  await expect(page.getByText('Results for Second Client.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Every result/ })).toContainText('(1, newest first)');
});
