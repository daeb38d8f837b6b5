import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, a second browser and a proof of work solved in it: more than the default minute when busy.
test.describe.configure({ timeout: 120_000 });

test('the owner publishes a survey from a template, someone answers it on a phone without an account, and the owner sees the answer', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/auth/sign-up');
  await signUp(page, 'Sasha Survey', uniqueEmail('surveys'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });

  await page.goto('/app/research/surveys');
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
  await expect(page.getByText('No surveys yet.')).toBeVisible();
  await expectAccessible(page, 'survey list');

  await page.getByRole('button', { name: 'Use this template for Post-purchase check-in' }).click();
  await expect(page).toHaveURL(/\/app\/research\/surveys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /How was your order from/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Question 1' })).toBeVisible();
  await expectAccessible(page, 'survey builder');

  // Move the NPS question (5th) up one place and make the last question required, then save.
  await page.getByRole('button', { name: 'Move up question 5' }).click();
  await expect(page.getByRole('group', { name: 'Question 4' }).getByLabel('Type')).toHaveValue('nps');
  await page.getByRole('group', { name: 'Question 6' }).getByRole('checkbox', { name: 'Required' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Taking answers')).toBeVisible();
  const link = await page.getByLabel('Public link').inputValue();
  expect(link).toMatch(/\/s\/[a-z2-7]{16}$/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible(page, 'published survey');

  // Someone else, on a phone, with no account and no cookies of the owner's.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const respondent = await phone.newPage();
  await respondent.goto(new URL(link).pathname);
  await expect(respondent.getByRole('heading', { level: 1, name: /How was your order from/ })).toBeVisible();
  await expectAccessible(respondent, 'public survey');
  const overflow = await respondent.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Required questions are asked for before anything is sent.
  await respondent.getByRole('button', { name: 'Send my answers' }).click();
  await expect(
    respondent.getByRole('alert').filter({ hasText: 'Some answers need another look' }),
  ).toBeVisible();

  // The scale's radios are drawn as numbered tiles: a person taps the tile (the radio's label).
  const pickScore = async (question: RegExp, score: string) => {
    const group = respondent.getByRole('group', { name: question });
    const radio = respondent.getByRole('radio', { name: score, exact: true });
    await group.locator('label').filter({ has: radio }).click();
    await expect(group.getByRole('radio', { name: score, exact: true })).toBeChecked();
  };
  await pickScore(/How well did the product meet your expectations/, '5: Far above');
  await pickScore(/How likely are you to recommend/, '9');
  await respondent.getByRole('radio', { name: 'On time' }).check();
  await respondent
    .getByLabel(/What one thing would have made this order better/)
    .fill('<b>Recyclable</b> packaging, please');
  const robot = respondent.getByRole('checkbox', { name: /not a robot/ });
  await robot.scrollIntoViewIfNeeded();
  // The widget's own checkbox is drawn over by its label; like a person, toggle it from the keyboard.
  await robot.focus();
  await respondent.keyboard.press('Space');
  await expect(respondent.locator('altcha-widget .altcha')).toHaveAttribute('data-state', 'verified');
  await respondent.getByRole('button', { name: 'Send my answers' }).click();
  await expect(respondent.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expectAccessible(respondent, 'survey answered');

  // The same browser cannot answer twice.
  await respondent.reload();
  await expect(
    respondent.getByText('You have already answered this survey from this browser.'),
  ).toBeVisible();
  await phone.close();

  await page.getByRole('link', { name: 'See the results' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Results: How was your order from/ }),
  ).toBeVisible();
  await expect(page.getByText('1 response', { exact: true })).toBeVisible();
  await expect(page.getByText('Net Promoter Score: 100')).toBeVisible();
  // The HTML someone typed is shown as the text they typed.
  await expect(page.getByText('<b>Recyclable</b> packaging, please')).toBeVisible();
  const expectations = page.getByRole('table', { name: 'Answers to question 1' });
  await expect(expectations.getByRole('row', { name: /^5 1 100%$/ })).toBeVisible();
  await expectAccessible(page, 'survey results');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/-responses-\d{4}-\d{2}-\d{2}\.csv$/);
});
