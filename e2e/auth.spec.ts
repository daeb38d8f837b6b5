import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { STRONG_PASSWORD, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';
import { verificationLink } from './support/email.ts';

test.skip(skipReason !== null, skipReason ?? '');

test('sign up, stay signed in, sign out, and sign back in to where you were going', async ({ page }) => {
  const email = uniqueEmail('jane');

  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Build a brand your customers trust' }),
  ).toBeVisible();
  await expectAccessible(page, 'landing');

  await page.getByRole('main').getByRole('link', { name: 'Create your free account' }).first().click();
  await expect(page).toHaveURL('/auth/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your free account' })).toBeVisible();
  await expectAccessible(page, 'sign-up');

  await signUp(page, 'Jane Tester', email, STRONG_PASSWORD);
  await expect(page).toHaveURL('/app');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Jane Tester' })).toBeVisible();
  await expect(page.getByText('Please verify your email')).toBeVisible();
  await expectAccessible(page, 'dashboard');

  await page.getByRole('button', { name: 'Resend verification email' }).click();
  await expect(page.getByText('We’ve sent a new verification link.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Jane Tester' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible();

  await page.goto('/app');
  await expect(page).toHaveURL(/\/auth\/sign-in\?/);
  expect(new URL(page.url()).searchParams.get('next')).toBe('/app');
  await expect(page.getByText('Welcome, Jane Tester')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in');

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  // An expected answer, not a fault: no "Reference: <request id>" to quote.
  await expect(page.getByRole('alert')).not.toContainText('Reference');
  await expectAccessible(page, 'sign-in with error');

  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/app');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Jane Tester' })).toBeVisible();
});

test('a weak password on sign-up shows the rules and stays on the page', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Weak Walter', uniqueEmail('walter'), 'password');

  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Choose a stronger password')).toBeVisible();
  const rules = page.getByRole('list', { name: 'Password rules' });
  await expect(rules).toBeVisible();
  await expect(rules.getByRole('listitem')).toHaveText([
    /At least 8 characters\s*\(done\)/,
    /At least 3 of: lowercase, uppercase, digit, symbol\s*\(not yet\)/,
    /Doesn’t contain your name or email address\s*\(done\)/,
    /Hard to guess.*\(not yet\)/,
  ]);
  await expect(page).toHaveURL('/auth/sign-up');
  await expectAccessible(page, 'sign-up with a weak password');
});

test('forgot password answers the same whether or not the account exists', async ({ page }) => {
  await page.goto('/auth/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL('/auth/forgot-password');
  await expectAccessible(page, 'forgot password');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists, we’ve sent a link')).toBeVisible();
  await expectAccessible(page, 'forgot password sent');
});

test('links from emails explain a dead token, before any form, and offer a way on', async ({ page }) => {
  await page.goto('/auth/verify-email?token=not-a-real-token-123');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This verification link doesn’t work' }),
  ).toBeVisible();
  await expectAccessible(page, 'verify email, bad token');

  await page.goto('/auth/reset-password?token=not-a-real-token-123');
  await expect(page.getByRole('heading', { level: 1, name: 'This reset link doesn’t work' })).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Request a new link' }).click();
  await expect(page).toHaveURL('/auth/forgot-password');
  await expectAccessible(page, 'forgot password from a dead link');
});

test('a verification link works once; opened again it says it was already used', async ({ page }) => {
  const email = uniqueEmail('vera');
  await page.goto('/auth/sign-up');
  await signUp(page, 'Vera Once', email);
  await expect(page).toHaveURL('/app', { timeout: 45_000 });
  const link = await verificationLink(email);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Your email is verified' })).toBeVisible();
  await page.goto('/app');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');

  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This verification link was already used' }),
  ).toBeVisible();
  await expect(page.getByText('Each link works once.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'verify email, used link');
});

test('unknown paths get a real 404 page with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page, '404');
  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
});

test('keyboard: the first Tab reveals the skip link, which moves focus to the main content', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('signed in at 1280 px, the whole menu sits in one row beside the logo; narrower, behind Menu', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/auth/sign-up');
  await signUp(page, 'Wyn Wide', uniqueEmail('wide'));
  await expect(page).toHaveURL('/app');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const logo = page.getByRole('link', { name: /IDEA Brand Coach/ }).first();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  // The signed-in menu, all of it (the session is read after the page first renders).
  await expect(nav.getByRole('link', { name: 'Research' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // One row: every item's vertical middle is the logo's.
  const middle = (box: { y: number; height: number } | null) => (box ? box.y + box.height / 2 : -1);
  const furthestFromLogoRow = async () => {
    const logoMiddle = middle(await logo.boundingBox());
    const items = [...(await nav.getByRole('link').all()), nav.getByRole('button', { name: 'Sign out' })];
    const offsets = await Promise.all(
      items.map(async (item) => Math.abs(middle(await item.boundingBox()) - logoMiddle)),
    );
    return Math.max(...offsets);
  };
  await expect.poll(furthestFromLogoRow).toBeLessThan(4);
  await page.setViewportSize({ width: 1100, height: 800 });
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
});

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the menu collapses into a disclosure button', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu' });
    const signIn = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(signIn).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(signIn).toBeVisible();
    await expectAccessible(page, 'landing at 360 px, menu open');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
