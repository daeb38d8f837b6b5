import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// Each test signs up and runs axe on several pages.
test.describe.configure({ timeout: 180_000 });

async function signUpFresh(page: Page, prefix: string) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Idea Tester', uniqueEmail(prefix));
  // Sign-up hashes the password and checks its strength: allow for a busy machine.
  await expect(page).toHaveURL(/\/app$/, { timeout: 30_000 });
}

function saveStatus(page: Page) {
  return page.locator('[data-save-status]').first();
}

test('Insight: a typed answer survives a reload, the assessment ranks triggers, a snapshot downloads as a PDF', async ({
  page,
}) => {
  await signUpFresh(page, 'idea-insight');
  await page.goto('/app/idea/insight');
  await expect(page.getByRole('heading', { level: 1, name: 'Insight module' })).toBeVisible();

  const intent = page.getByLabel('1. Buyer intent');
  await intent.fill('Parents comparing lunchboxes before term starts');
  await expect(saveStatus(page)).toHaveText(/All changes saved/);
  await page.reload();
  await expect(page.getByLabel('1. Buyer intent')).toHaveValue(
    'Parents comparing lunchboxes before term starts',
  );

  // The assessment: the third option of the first question, the first of the rest → Trust leads.
  const questions = page.locator('section', { hasText: 'Emotional-trigger assessment' }).getByRole('group');
  await expect(questions).toHaveCount(5);
  await questions.nth(0).getByRole('radio').nth(2).check();
  for (const index of [1, 2, 4]) await questions.nth(index).getByRole('radio').nth(0).check();
  await questions.nth(3).getByRole('radio').nth(3).check();
  await expect(page.getByTestId('assessment-summary')).toContainText(
    'Based on all five answers: Trust leads',
  );
  const ranking = page.getByRole('list', { name: 'Triggers ranked by share' }).getByRole('listitem');
  await expect(ranking.first()).toContainText('Trust');
  await expect(ranking.first()).toContainText('50%');
  await expect(ranking.nth(1)).toContainText('Relief');
  await expect(ranking.nth(1)).toContainText('40%');

  // The result survives a reload too: it is stored, not just on screen.
  await expect(page.locator('[data-save-status="saved"]')).toHaveCount(3);
  await page.reload();
  await expect(page.getByTestId('assessment-summary')).toContainText('Trust leads');

  await expectAccessible(page, 'Insight module');

  await page.getByRole('button', { name: 'Submit snapshot' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Snapshot saved' });
  await expect(saved).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await saved.getByRole('link', { name: 'Download the PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^insight-snapshot-my-brand-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('link', { name: /Download PDF of the snapshot/ })).toHaveCount(1);
});

test('completing a learning step moves the hub’s progress', async ({ page }) => {
  await signUpFresh(page, 'idea-learning');
  await page.goto('/app/idea');
  await expect(page.getByRole('heading', { level: 1, name: 'IDEA modules' })).toBeVisible();
  await expect(page.getByTestId('distinctive-learning')).toHaveText('0 of 4 steps');
  const distinctiveBar = page.getByRole('progressbar', { name: 'Distinctive progress' });
  await expect(distinctiveBar).toHaveAttribute('aria-valuenow', '0');
  await expectAccessible(page, 'IDEA hub');

  await page.getByRole('link', { name: 'Start the Distinctive module' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Distinctive module' })).toBeVisible();
  await page
    .getByRole('button', { name: /Mark as done: Could they recognise you without your name/ })
    .click();
  await expect(page.locator('[data-save-status]').nth(1)).toHaveText(/All changes saved/);

  await page
    .getByRole('navigation', { name: 'IDEA modules' })
    .getByRole('link', { name: 'IDEA hub' })
    .click();
  await expect(page.getByTestId('distinctive-learning')).toHaveText('1 of 4 steps');
  await expect(distinctiveBar).toHaveAttribute('aria-valuenow', '14');
  await page.reload();
  await expect(page.getByTestId('distinctive-learning')).toHaveText('1 of 4 steps');
});

test('every module page is accessible and usable at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpFresh(page, 'idea-a11y');
  for (const [path, title] of [
    ['/app/idea/insight', 'Insight module'],
    ['/app/idea/distinctive', 'Distinctive module'],
    ['/app/idea/empathetic', 'Empathetic module'],
    ['/app/idea/authentic', 'Authentic module'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(saveStatus(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible(page, title);
  }

  // A row editor and the coach on the Authentic page, at phone width.
  await page.getByLabel('New value').fill('Honesty');
  await page.getByRole('button', { name: 'Add value' }).click();
  await page.getByLabel('Proof of “Honesty”').fill('We publish our margins');
  await expect(saveStatus(page)).toHaveText(/All changes saved/);
  // The coach's help at phone width: advice only, nothing to put into the answer.
  await page.getByRole('button', { name: 'Help with this field: Brand promise' }).click();
  const coach = page.getByRole('region', { name: 'Coach for Brand promise' });
  await expect(coach.getByText('Offline coach')).toBeVisible();
  await expect(coach.getByRole('button', { name: /Use this/ })).toHaveCount(0);
  // With a value proposition on the canvas, the coach suggests it as the promise.
  const brands = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const canvas = await page.request.put(`/api/brands/${brands.brands[0]?.id}/items/canvas`, {
    data: { baseVersion: 0, data: { valueProposition: 'Breakfast ready in five minutes.' }, sources: {} },
  });
  expect(canvas.status()).toBe(200);
  await page.getByRole('button', { name: 'Help with this field: Brand promise' }).click();
  await coach.getByRole('button', { name: 'Use this suggested answer in Brand promise' }).click();
  await expect(page.getByRole('textbox', { name: 'Brand promise', exact: true })).toHaveValue(
    'Breakfast ready in five minutes.',
  );
  await expect(page.getByText('From the coach')).toBeVisible();
  await expect(saveStatus(page)).toHaveText(/All changes saved/);
  await page.reload();
  await expect(page.getByLabel('Proof of “Honesty”')).toHaveValue('We publish our margins');
  await expect(page.getByText('From the coach')).toBeVisible();
  await expectAccessible(page, 'Authentic module with content');
});

test('the field coach never writes advice into an answer: "Use this" only for a concrete suggestion', async ({
  page,
}) => {
  await signUpFresh(page, 'idea-use-this');
  await page.goto('/app/idea/insight');
  await expect(page.getByRole('heading', { level: 1, name: 'Insight module' })).toBeVisible();
  const motivation = page.getByLabel('2. Buyer motivation');
  const coach = page.getByRole('region', { name: 'Coach for Buyer motivation' });

  // Nothing saved to build an answer from: tips and questions are advice, with no "Use this".
  await page.getByRole('button', { name: 'Help with this field: Buyer motivation' }).click();
  await expect(coach.getByText('Tips')).toBeVisible();
  const tip = (await coach.getByRole('listitem').first().textContent())?.trim() ?? '';
  expect(tip.length).toBeGreaterThan(10);
  await expect(coach.getByRole('button', { name: /Use this/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Coach my answer: Buyer motivation' }).click();
  await expect(coach.getByText('Questions to answer in this step')).toBeVisible();
  await expect(coach.getByRole('button', { name: /Use this/ })).toHaveCount(0);
  await expect(motivation).toHaveValue('');

  // An avatar saved with what the customer wants: the coach suggests that, marked as the coach's.
  const brands = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const avatar = await page.request.post(`/api/brands/${brands.brands[0]?.id}/collections/avatar`, {
    data: {
      data: {
        name: 'Sam',
        psychology: { values: [], fears: ['Wasting money'], desires: ['More time'], triggers: [] },
      },
      sources: {},
    },
  });
  expect(avatar.status()).toBe(201);
  await page.getByRole('button', { name: 'Help with this field: Buyer motivation' }).click();
  await expect(coach.getByText('Suggested answer, from your saved work')).toBeVisible();
  await expectAccessible(page, 'Insight with a suggested answer');
  await coach.getByRole('button', { name: 'Use this suggested answer in Buyer motivation' }).click();
  const suggestion = 'Sam buys to get more time, and worries about wasting money.';
  await expect(motivation).toHaveValue(suggestion);
  const badge = page
    .locator('label[for]', { hasText: /Buyer motivation/ })
    .locator('xpath=..')
    .getByText('From the coach');
  await expect(badge).toBeVisible();
  await expect(saveStatus(page)).toHaveText(/All changes saved/);
  // The answer has text now: the suggestion can be read, not inserted again.
  await expect(coach.getByRole('button', { name: /Use this/ })).toHaveCount(0);

  // The snapshot PDF holds the owner's answers and the suggestion they chose, never the tips.
  await page.getByRole('button', { name: 'Submit snapshot' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Snapshot saved' });
  await expect(saved).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await saved.getByRole('link', { name: 'Download the PDF' }).click();
  const download = await downloadPromise;
  const bytes = new Uint8Array(await readFile(await download.path()));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(suggestion);
  expect(flat).not.toContain(tip.replace(/\s+/g, ' '));
  expect(flat).not.toContain('Answer from evidence');
});
