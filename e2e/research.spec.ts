import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

test('the Research area: from the menu and the dashboard to each research tool', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/auth/sign-up');
  await signUp(page, 'Rhea Research', uniqueEmail('research'));
  await expect(page).toHaveURL('/app');
  // The dashboard points to the tools.
  await expect(page.getByRole('link', { name: 'analyse reviews' })).toHaveAttribute(
    'href',
    '/app/research/reviews',
  );
  await expect(page.getByRole('link', { name: 'run a survey' })).toHaveAttribute(
    'href',
    '/app/research/surveys',
  );

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research' }).click();
  await expect(page).toHaveURL('/app/research');
  await expect(page.getByRole('heading', { level: 1, name: 'Research' })).toBeVisible();
  await expectAccessible(page, 'research area');
  for (const [tool, path, heading] of [
    ['Review analyzer', '/app/research/reviews', /review/i],
    ['Buyer-intent research', '/app/research/intent', /intent/i],
    ['Surveys', '/app/research/surveys', /survey/i],
  ] as const) {
    await page.goto('/app/research');
    await page.getByRole('link', { name: `Open ${tool}` }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // Still inside the Research area of the menu.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research' }),
    ).toHaveAttribute('aria-current', 'page');
  }
});
