import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

const RESULTS_URL = /\/diagnostic\/results\/[0-9a-f-]{36}$/;

/**
 * Answers for questions 1–8 (two per dimension, in I-D-E-A order). These score Insight 88,
 * Distinctive 38, Empathetic 50 and Authentic 13: overall 47, Developing.
 */
const MIXED_ANSWERS = [4, 5, 2, 3, 3, 3, 1, 2] as const;
const ALL_STRONG = [5, 5, 5, 5, 5, 5, 5, 5] as const;

/** Presses Tab until `target` has focus; fails if it takes more than `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 25) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

function questionHeading(page: Page) {
  return page.getByRole('main').getByRole('heading', { level: 1 });
}

/** Takes the diagnostic with the mouse, from the intro to the results page. */
async function takeWithClicks(page: Page, answers: readonly number[], onFirstQuestion?: () => Promise<void>) {
  await page.goto('/diagnostic');
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  for (const [index, value] of answers.entries()) {
    await expect(page.getByText(`Question ${index + 1} of 8`)).toBeVisible();
    if (index === 0) await onFirstQuestion?.();
    await page
      .getByRole('radio')
      .nth(value - 1)
      .check();
    await page
      .getByRole('button', { name: index === answers.length - 1 ? 'See my results' : 'Next' })
      .click();
  }
  await expect(page).toHaveURL(RESULTS_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
}

/** The rows of a table as text, header row first. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

/** Scrolls to the email form so the ALTCHA widget loads (it waits until it's nearly in view). */
async function revealAltcha(page: Page) {
  await page.getByRole('heading', { name: 'Get this report by email' }).scrollIntoViewIfNeeded();
  const robot = page.getByRole('checkbox', { name: /not a robot/ });
  await expect(robot).toBeVisible();
  return robot;
}

test('keyboard only: take the diagnostic, see the scores, then sign up and find the result saved', async ({
  page,
}) => {
  await page.goto('/diagnostic');
  await expect(questionHeading(page)).toHaveText('How much do your customers trust your brand?');
  await expectAccessible(page, 'diagnostic intro');

  await tabTo(page, page.getByRole('button', { name: 'Start the diagnostic' }));
  await page.keyboard.press('Enter');

  for (const [index, value] of MIXED_ANSWERS.entries()) {
    const heading = questionHeading(page);
    await expect(page.getByText(`Question ${index + 1} of 8`)).toBeVisible();
    // Each step moves focus to its question, so a screen reader reads it and Tab starts from there.
    await expect(heading).toBeFocused();
    if (index === 0) await expectAccessible(page, 'diagnostic question');
    const progress = page.getByRole('progressbar', { name: 'Progress' });
    await expect(progress).toHaveAttribute('aria-valuetext', `Question ${index + 1} of 8`);

    // Tab enters the radio group on its first option; arrows move and choose, Space chooses.
    await page.keyboard.press('Tab');
    const radios = page.getByRole('radio');
    await expect(radios.first()).toBeFocused();
    if (value === 1) await page.keyboard.press('Space');
    for (let step = 1; step < value; step++) await page.keyboard.press('ArrowDown');
    await expect(radios.nth(value - 1)).toBeChecked();
    await expect(radios.nth(value - 1)).toBeFocused();

    const isLast = index === MIXED_ANSWERS.length - 1;
    if (index % 2 === 0 && !isLast) {
      // Enter on the chosen statement moves on…
      await page.keyboard.press('Enter');
    } else {
      // …and so does Tab to the button, then Enter.
      const next = page.getByRole('button', { name: isLast ? 'See my results' : 'Next' });
      await tabTo(page, next, 4);
      await page.keyboard.press('Enter');
    }
  }

  await expect(page).toHaveURL(RESULTS_URL);
  const resultUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
  const scores = page.getByRole('table', { name: 'Your scores by dimension' });
  expect(await tableRows(scores)).toEqual([
    ['Dimension', 'Score out of 100', 'Band'],
    ['Insight-driven', '88', 'Strong'],
    ['Distinctive', '38', 'Needs attention'],
    ['Empathetic', '50', 'Developing'],
    ['Authentic', '13', 'Needs attention'],
    ['Overall', '47', 'Developing'],
  ]);
  await expect(page.getByRole('img', { name: /Bar chart of your scores/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Authentic: 13/ })).toBeVisible();
  // Each action links to the workspace page where it is done (sign-in first for visitors).
  const actionLinks = page.getByRole('link', { name: /^Open / });
  await expect(actionLinks.first()).toBeVisible();
  for (const href of await actionLinks.evaluateAll((links) =>
    links.map((link) => link.getAttribute('href')),
  )) {
    expect(href).toMatch(/^\/app\//);
  }
  await expect(page.getByRole('link', { name: 'Download PDF report' })).toHaveAttribute('download', /\.pdf$/);
  await revealAltcha(page);
  await expectAccessible(page, 'results');

  // The answers were submitted, so nothing is left to resume.
  expect(await page.evaluate(() => sessionStorage.getItem('ibc.diagnostic.v1.progress'))).toBeNull();

  await page.getByRole('link', { name: 'Create a free account' }).click();
  await expect(page).toHaveURL('/auth/sign-up?next=/app');
  await signUp(page, 'Kim Keyboard', uniqueEmail('kim'));
  await expect(page).toHaveURL('/app');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Kim Keyboard' })).toBeVisible();

  // Signing up claimed this browser's result.
  const latest = page.getByRole('heading', { name: 'Your latest diagnostic' }).locator('..').locator('..');
  await expect(latest.getByText('47', { exact: true })).toBeVisible();
  await expect(latest.getByRole('term')).toHaveText([
    'Insight-driven',
    'Distinctive',
    'Empathetic',
    'Authentic',
  ]);
  await expect(latest.getByRole('definition')).toHaveText([
    /88\s*Strong/,
    /38\s*Needs attention/,
    /50\s*Developing/,
    /13\s*Needs attention/,
  ]);
  await expect(
    page.getByText('Work on Authentic: at 13 (Needs attention), it is your weakest dimension.'),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your scores over time' })).toBeVisible();
  await expect(page.getByRole('img', { name: /one result so far/ })).toBeVisible();
  await expectAccessible(page, 'dashboard with a result');

  await page.getByRole('link', { name: 'See every result and compare any two' }).click();
  await expect(page).toHaveURL('/app/diagnostic');
  await expect(page.getByRole('heading', { level: 1, name: 'Your diagnostic history' })).toBeVisible();
  const history = page.getByRole('list', { name: 'Every result, newest first' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText(/Overall\s*47\s*Developing/);
  await expect(page.getByText('Take the diagnostic again to compare two results')).toBeVisible();
  await expectAccessible(page, 'history');

  await history.getByRole('link', { name: /View results/ }).click();
  await expect(page).toHaveURL(resultUrl);
  await expect(page.getByRole('heading', { name: 'Saved to your account' })).toBeVisible();
});

test('a reload mid-questionnaire resumes at the same question with the answers kept', async ({ page }) => {
  await page.goto('/diagnostic');
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await page.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio').nth(4).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Question 3 of 8')).toBeVisible();
  const third = await questionHeading(page).textContent();

  await page.reload();
  await expect(page.getByText('Question 3 of 8')).toBeVisible();
  await expect(questionHeading(page)).toHaveText(third ?? '');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByText('Question 2 of 8')).toBeVisible();
  await expect(page.getByRole('radio').nth(4)).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio').nth(1)).toBeChecked();

  // Back past the first question is the intro, which offers to continue or start over.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByText('Question 1 of 8')).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('the browser’s Back and Forward move between questions; Back from the first leaves them', async ({
  page,
}) => {
  await page.goto('/');
  await page.goto('/diagnostic');
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await expect(page).toHaveURL('/diagnostic?q=1');
  const headings: string[] = [];
  for (const [index, option] of [1, 4, 2].entries()) {
    await expect(page.getByText(`Question ${index + 1} of 8`)).toBeVisible();
    headings.push((await questionHeading(page).textContent()) ?? '');
    await page.getByRole('radio').nth(option).check();
    if (index < 2) await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page).toHaveURL('/diagnostic?q=3');

  await page.goBack();
  await expect(page).toHaveURL('/diagnostic?q=2');
  await expect(page.getByText('Question 2 of 8')).toBeVisible();
  await expect(questionHeading(page)).toHaveText(headings[1] ?? '');
  await expect(page.getByRole('radio').nth(4)).toBeChecked();
  await expect(questionHeading(page)).toBeFocused();

  await page.goBack();
  await expect(page.getByText('Question 1 of 8')).toBeVisible();
  await expect(page.getByRole('radio').nth(1)).toBeChecked();

  await page.goForward();
  await expect(page.getByText('Question 2 of 8')).toBeVisible();
  await expect(page.getByRole('radio').nth(4)).toBeChecked();
  await page.goForward();
  await expect(page.getByText('Question 3 of 8')).toBeVisible();
  await expect(page.getByRole('radio').nth(2)).toBeChecked();

  // Back from the first question leaves the questions (the answers stay for later).
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL('/diagnostic');
  await expect(page.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL('/');
});

test('email the report: the ALTCHA check is solved in the browser and the report is sent', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  await takeWithClicks(page, MIXED_ANSWERS);
  const robot = await revealAltcha(page);

  // Consent is required before anything is sent.
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('lead'));
  await page.getByRole('button', { name: 'Email me the report' }).click();
  await expect(page.getByText('Please tick the box to agree to receive the report by email')).toBeVisible();
  await expect(page.getByText('Please complete the verification')).toBeVisible();

  await page.getByRole('checkbox', { name: /I agree that IDEA Brand Coach may email me/ }).check();
  // From the keyboard: the widget's checkbox is a native one.
  await robot.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('altcha-widget .altcha')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByRole('checkbox', { name: 'Verified' })).toBeChecked();
  const payload = await page.locator('altcha-widget input[name="altcha"]').inputValue();
  expect(payload.length).toBeGreaterThan(20);

  await page.getByRole('button', { name: 'Email me the report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your inbox' })).toBeVisible();
  await expectAccessible(page, 'results after the report was sent');
  expect(violations).toEqual([]);
});

test('a result that is not yours, or does not exist, gets a friendly explanation', async ({ page }) => {
  await page.goto('/diagnostic/results/7d444840-9dc0-11d1-b245-5ffdce74fad2');
  await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find this result' })).toBeVisible();
  await expect(page.getByText('Results are private to the browser or account that took them.')).toBeVisible();
  await expectAccessible(page, 'result not found');
  await page.getByRole('main').getByRole('link', { name: 'Take the diagnostic' }).click();
  await expect(page).toHaveURL('/diagnostic');

  await page.goto('/diagnostic/results/not-an-id');
  await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find this result' })).toBeVisible();
});

test('signed in: the dashboard starts empty, and history compares any two results', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Ravi Retake', uniqueEmail('ravi'));
  await expect(page).toHaveURL('/app');
  await expect(page.getByRole('heading', { name: 'Find out where your brand stands' })).toBeVisible();
  await expectAccessible(page, 'empty dashboard');
  // One way to the diagnostic: the next step at the top, not a second button below it.
  await expect(page.getByRole('main').getByRole('link', { name: /diagnostic/i })).toHaveCount(1);
  await page.getByRole('link', { name: 'Start the diagnostic' }).click();
  await expect(page).toHaveURL('/diagnostic');
  await expect(page.getByText('Saved to your account', { exact: true })).toBeVisible();

  await takeWithClicks(page, MIXED_ANSWERS);
  await expect(page.getByRole('heading', { name: 'Saved to your account' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to your dashboard' }).click();
  await page.getByRole('link', { name: 'Retake the diagnostic' }).click();
  await takeWithClicks(page, ALL_STRONG);

  await page.goto('/app');
  await expect(
    page.getByRole('img', { name: /across 2 results.*Overall went from 47 to 100/ }),
  ).toBeVisible();
  // Both takes were today: the axis tells them apart by their time.
  const axis = page.getByTestId('trend-axis-label');
  await expect(axis).toHaveCount(2);
  const [firstTake, secondTake] = await axis.allTextContents();
  expect(firstTake).toMatch(/\d{2}:\d{2}/);
  expect(firstTake).not.toBe(secondTake);
  // The next step is said once, not by both the workspace and the diagnostic.
  await expect(page.getByRole('main').getByText(/^Work on /)).toHaveCount(1);
  const trend = await tableRows(page.getByRole('table', { name: 'Your scores over time' }));
  expect(trend.map((row) => row.slice(1))).toEqual([
    ['Overall', 'Insight-driven', 'Distinctive', 'Empathetic', 'Authentic'],
    ['47', '88', '38', '50', '13'],
    ['100', '100', '100', '100', '100'],
  ]);
  await expectAccessible(page, 'dashboard with a trend');

  await page.getByRole('link', { name: 'See every result and compare any two' }).click();
  const comparison = page.getByRole('table', { name: /compared with/ });
  await expect(comparison.getByRole('row')).toHaveCount(6);
  expect(await tableRows(comparison)).toEqual([
    ['Dimension', 'First', 'Second', 'Change'],
    ['Overall', '47', '100', '+53'],
    ['Insight-driven', '88', '100', '+12'],
    ['Distinctive', '38', '100', '+62'],
    ['Empathetic', '50', '100', '+50'],
    ['Authentic', '13', '100', '+87'],
  ]);
  await expectAccessible(page, 'history with a comparison');

  // Swapping the choices reverses the change.
  const options = await page.getByLabel('First result').locator('option').allTextContents();
  await page.getByLabel('First result').selectOption({ index: 0 });
  await page.getByLabel('Second result').selectOption({ index: 1 });
  expect(options).toHaveLength(2);
  await expect(comparison.getByRole('row', { name: /Overall/ })).toContainText('−53');

  await page.getByLabel('Second result').selectOption({ index: 0 });
  await expect(page.getByText('Choose two different results to see what changed.')).toBeVisible();
});

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('questions and results fit without sideways scrolling', async ({ page }) => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await takeWithClicks(page, MIXED_ANSWERS, async () => {
      expect(await overflow()).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'question at 360 px');
    });
    await revealAltcha(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'results at 360 px');
  });
});
