import { expect, type Page, test } from '@playwright/test';
import { PUBLIC_PAGES } from '../src/core/navigation/public-pages.ts';
import { STRONG_PASSWORD, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

/** Console errors and uncaught exceptions — where React reports HTML that does not match its render. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The header's menu button (hidden at desktop width) is disabled until React has taken over the HTML. */
async function expectHydrated(page: Page) {
  await expect(page.getByRole('button', { name: 'Menu', includeHidden: true })).toBeEnabled();
}

test('every public page arrives with its content and hydrates without errors', async ({ page, browser }) => {
  // Without JavaScript, the HTML alone shows each page's heading.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const bare = await noScript.newPage();
  const headings = new Map<string, string>();
  for (const path of PUBLIC_PAGES) {
    await bare.goto(path);
    const heading = bare.getByRole('heading', { level: 1 });
    await expect(heading, path).toBeVisible();
    headings.set(path, (await heading.textContent()) ?? '');
  }
  await noScript.close();

  const errors = collectErrors(page);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectHydrated(page);
    await expect(page.getByRole('heading', { level: 1, name: headings.get(path) }), path).toBeVisible();
    // Signed out, once the session is known: the header offers to sign in.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
    await expect(page.getByText(`© ${new Date().getFullYear()} IDEA Brand Coach`)).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a public page paints from its HTML and stylesheet before it asks for any code', async ({ page }) => {
  for (const path of ['/', '/auth/sign-in']) {
    await page.goto(path);
    await expectHydrated(page);
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      // The boot script itself is the one script the HTML names; everything else is the app's code.
      code: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') && !entry.name.includes('/assets/boot-'))
        .map((entry) => entry.startTime),
    }));
    expect(timing.firstPaint, path).not.toBeNull();
    expect(timing.code.length, path).toBeGreaterThan(0);
    expect(Math.min(...timing.code), path).toBeGreaterThanOrEqual(timing.firstPaint ?? 0);
  }
});

test('a prerendered page takes the query string and the tab’s saved answers once hydrated', async ({
  page,
}) => {
  const errors = collectErrors(page);

  await page.goto('/auth/sign-in?next=/app/canvas');
  await expectHydrated(page);
  await expect(page.getByRole('link', { name: 'Create your free account' })).toHaveAttribute(
    'href',
    '/auth/sign-up?next=/app/canvas',
  );

  await page.goto('/diagnostic');
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await page.getByRole('radio').nth(3).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Question 2 of 8')).toBeVisible();

  // The server sends the intro's HTML for /diagnostic?q=2; the page then shows question 2.
  await page.reload();
  await expect(page.getByText('Question 2 of 8')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByText('Question 1 of 8')).toBeVisible();
  await expect(page.getByRole('radio').nth(3)).toBeChecked();

  await page.goto('/diagnostic');
  await expect(page.getByRole('button', { name: 'Continue where you left off' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the prerendered sign-up and sign-in forms work, and a signed-in visitor sees their own header', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const email = uniqueEmail('prerendered');

  await page.goto('/auth/sign-up');
  await signUp(page, 'Pia Prerender', email);
  await expect(page).toHaveURL('/app');

  // Signed in, the landing page hydrates the same HTML, then shows the signed-in header and actions.
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your dashboard' }).first()).toBeVisible();

  const menu = page.getByRole('navigation', { name: 'Main' });
  await menu.getByRole('button', { name: 'Sign out' }).click();
  // Signing out reloads the landing page.
  await expect(menu.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/auth/sign-in?next=/app/settings');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/app/settings');
  expect(errors).toEqual([]);
});
