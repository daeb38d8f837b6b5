import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// Each test walks a whole avatar through several pages and saves.
test.describe.configure({ timeout: 120_000 });

const REVIEWS = [
  'Love this stroller! The folding mechanism is so easy that I can do it with one hand. Such a relief on busy mornings.',
  'Sturdy frame and the canopy is huge. We take it on long walks in the park every day.',
  'The customer service team replied within an hour and sent a replacement wheel for free. I trust this brand now.',
  'Delivery was late by two weeks and nobody answered my emails. The straps broke after a month. Very disappointed.',
  'The folding mechanism jammed twice in the first week. Not worth the price, honestly.',
  'Other parents keep asking where we got it, I feel proud pushing it. The canopy keeps the sun off.',
].join('\n');

async function signUpFresh(page: Page, prefix: string) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Avatar Tester', uniqueEmail(prefix));
  await expect(page).toHaveURL(/\/app$/);
}

function saveStatus(page: Page) {
  return page.locator('[data-save-status]').first();
}

test('build an avatar with chips and analysed reviews; it survives a reload; duplicate and delete', async ({
  page,
}) => {
  await signUpFresh(page, 'avatars');
  await page.goto('/app/avatars');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer avatars' })).toBeVisible();
  await expect(page.getByText('No avatars yet')).toBeVisible();
  await expectAccessible(page, 'avatar list (empty)');

  // An empty name is refused before anything is created.
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await expect(page.getByText('Give the avatar a name')).toBeVisible();
  await page.getByLabel('Avatar name').fill('Busy city parent');
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Busy city parent' })).toBeVisible();

  await page.getByLabel('Age band').selectOption({ label: '25–34' });
  await page.getByLabel('Location type').selectOption('urban');
  await page.getByLabel('Occupation').fill('Nurse on shifts');

  // Each tag list has its own input; a chip adds its value to its own list only.
  const values = page.getByRole('textbox', { name: 'Values', exact: true });
  await values.fill('Safety');
  await values.press('Enter');
  await page.getByRole('button', { name: 'Add to Fears: Slow delivery' }).click();
  await page.getByRole('button', { name: 'Add to Desires: Save time' }).click();
  await expect(page.getByRole('list', { name: /^Values: 1 of/ })).toHaveText(/Safety/);
  await expect(page.getByRole('list', { name: /^Fears: 1 of/ })).toHaveText(/Slow delivery/);
  await expect(page.getByRole('list', { name: /^Desires: 1 of/ })).toHaveText(/Save time/);
  await page.getByRole('checkbox', { name: /Relief/ }).check();
  await page.getByLabel('Shopping style').selectOption('quality-focused');

  // An empty paste is refused inline; a real paste is analysed by the (offline) coach.
  await page.getByRole('button', { name: 'Analyse reviews' }).click();
  await expect(page.getByRole('alert')).toContainText('Paste at least one review');
  await page.getByLabel('Customer reviews').fill(REVIEWS);
  await page.getByRole('button', { name: 'Analyse reviews' }).click();
  const analysis = page.getByRole('region', { name: 'What 6 reviews say' });
  await expect(analysis).toBeVisible();
  await expect(analysis.getByText('Offline coach')).toBeVisible();
  await expect(analysis.getByTestId('sentiment-split')).toContainText('Positive: 4');
  await expect(analysis.getByTestId('sentiment-split')).toContainText('Negative: 2');
  await expect(analysis.getByRole('region', { name: 'Key phrases' })).toContainText('folding mechanism');
  await expect(analysis.getByRole('region', { name: 'Emotional triggers detected' })).toContainText('Relief');
  const firstQuote = await analysis
    .getByRole('region', { name: 'Representative quotes' })
    .locator('blockquote')
    .first()
    .textContent();
  expect(REVIEWS).toContain((firstQuote ?? '').trim().replace(/^“|”$/g, ''));

  // A suggestion from the reviews lands in the right list.
  await page.getByRole('button', { name: 'Add to Desires: Canopy' }).click();
  await expect(page.getByRole('list', { name: /^Desires: 2 of/ })).toHaveText(/Canopy/);
  await expect(page.getByRole('list', { name: /^Fears: 1 of/ })).not.toHaveText(/Canopy/);
  await expect(saveStatus(page)).toHaveText(/All changes saved/);
  await expectAccessible(page, 'avatar editor with analysis');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Busy city parent' })).toBeVisible();
  await expect(page.getByLabel('Occupation')).toHaveValue('Nurse on shifts');
  await expect(page.getByLabel('Age band')).toHaveValue('25-34');
  await expect(page.getByRole('list', { name: /^Desires: 2 of/ })).toHaveText(/Canopy/);
  await expect(page.getByRole('checkbox', { name: /Relief/ })).toBeChecked();
  await expect(page.getByLabel('Customer reviews')).toHaveValue(REVIEWS);
  await expect(page.getByRole('region', { name: 'What 6 reviews say' })).toBeVisible();

  // Duplicate, then delete the copy after confirming.
  await page.getByRole('link', { name: 'All avatars' }).click();
  await expect(page.getByRole('list', { name: 'Avatars' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Duplicate Busy city parent' }).click();
  const cards = page.getByRole('list', { name: 'Avatars' }).getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('Busy city parent (copy)');
  await expect(cards.nth(1)).toContainText('6 reviews analysed');
  await expectAccessible(page, 'avatar list');
  await page.getByRole('button', { name: 'Delete Busy city parent (copy)' }).click();
  await expect(page.getByRole('button', { name: 'Delete avatar' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(cards).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete Busy city parent (copy)' }).click();
  await page.getByRole('button', { name: 'Delete avatar' }).click();
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Avatars' }).getByRole('listitem')).toHaveCount(1);
});

test('at 360 px the editor fits, a bad CSV is explained, and the PDF downloads', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpFresh(page, 'avatars-phone');
  await page.goto('/app/avatars');
  await page.getByLabel('Avatar name').fill('Weekend cyclist');
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekend cyclist' })).toBeVisible();
  await page.getByLabel('Occupation').fill('Teacher');

  const csvInput = page.getByLabel('Or import a CSV file');
  await csvInput.setInputFiles({
    name: 'products.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,stars\nA1,5\nB2,4\n'),
  });
  await expect(page.getByRole('alert')).toContainText('No column holds review text');
  await csvInput.setInputFiles({
    name: 'reviews.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'rating,Review text\n5,"Light frame, and the saddle is comfortable on long rides."\n2,"The chain snapped after a month, very disappointed."\n',
    ),
  });
  await expect(page.getByText('Imported 2 reviews from “reviews.csv”, column “Review text”.')).toBeVisible();
  await expect(page.getByLabel('Customer reviews')).toHaveValue(/saddle is comfortable/);
  await page.getByRole('button', { name: 'Analyse reviews' }).click();
  await expect(page.getByRole('region', { name: 'What 2 reviews say' })).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the editor scrolls sideways at 360 px').toBeLessThanOrEqual(0);
  await expectAccessible(page, 'avatar editor at 360 px');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF of Weekend cyclist' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('avatar-weekend-cyclist.pdf');
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
});
