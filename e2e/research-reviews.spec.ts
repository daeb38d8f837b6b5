import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, three analyses and an accepted proposal: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

/** Candle reviews written for this test: praise of the scent, complaints about price and packing. */
const REVIEWS = [
  'The scent is gorgeous and fills the whole room within minutes.',
  'For $34 I expected better packing. The jar arrived cracked and the box was crushed.',
  'Finally a candle that doesn’t give me a headache. Lovely clean scent.',
  'Overpriced for what it is. I can get two big ones at Target for the same money.',
  'Beautiful scent, but the packaging was flimsy and the lid arrived broken.',
  'I could barely smell it, even in a small bathroom. Disappointed.',
];

const CSV = [
  'Review Text;Stars;Date;Platform',
  '"Gorgeous scent; fills the room. Worth every penny.";5;2025-01-14;Etsy',
  '"Terrible. The jar arrived cracked and support never answered.";5;2025-01-20;Etsy',
  '"Absolutely love it, best candle I have owned.";1;2025-02-03;Shopify',
  '"Way overpriced and I could barely smell it.";2;2025-02-20;Shopify',
].join('\r\n');

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: '360 px', width: 360, height: 740 },
]) {
  test(`analyse pasted and uploaded reviews and apply a worry to an avatar (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/auth/sign-up');
    await signUp(page, 'Rev Analyst', uniqueEmail('reviews'));
    // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
    await expect(page).toHaveURL('/app', { timeout: 30_000 });
    const brands = await (await page.request.get('/api/brands')).json();
    const brandId = brands.brands[0].id as string;
    const created = await page.request.post(`/api/brands/${brandId}/collections/avatar`, {
      data: { data: { name: 'Maya' }, sources: {} },
    });
    expect(created.status()).toBe(201);
    const avatarId = (await created.json()).item.id as string;

    await page.goto('/app/research/reviews');
    await expect(page.getByRole('heading', { level: 1, name: 'Review analyser' })).toBeVisible();
    await expect(page.getByText('Every analysis is saved here, newest first.')).toBeVisible();
    await expectAccessible(page, 'review analyser');

    // Paste: themes with the customers' own words.
    await page.getByLabel('Reviews', { exact: true }).fill(REVIEWS.join('\n\n'));
    await expect(page.getByText('6 reviews found.')).toBeVisible();
    await page.getByRole('button', { name: 'Analyse reviews' }).click();
    const pasted = page.getByRole('region', { name: /and 5 more$/ });
    await expect(pasted.getByRole('heading', { level: 2 })).toBeFocused();
    const themes = pasted.getByRole('region', { name: 'Themes' });
    const price = themes.getByTestId('review-theme').filter({ hasText: 'Price and value' });
    await expect(price.getByRole('heading', { name: 'Cons' })).toBeVisible();
    await expect(price.getByText('“Overpriced for what it is.”')).toBeVisible();
    await expect(
      themes.getByText('“The scent is gorgeous and fills the whole room within minutes.”').first(),
    ).toBeVisible();
    await expect(
      pasted.getByText('These reviews have no dates, so there is no trend to show.'),
    ).toBeVisible();
    await expect(page.getByTestId('saved-review-run')).toHaveCount(1);
    await expectAccessible(page, 'review analyser with pasted results');
    await noSidewaysScroll(page);

    // Apply a worry to the avatar as a fear.
    await pasted.getByLabel('Apply to').selectOption({ label: 'Avatar: Maya (fears and desires)' });
    const worry = pasted.getByTestId('finding-proposal').filter({ hasText: 'Worry: Price and value' });
    await expect(worry.getByText('Avatar Maya: fears')).toBeVisible();
    await expect(worry.getByLabel('Add')).toHaveValue('Paying too much for what arrives');
    await worry.getByRole('button', { name: /^Accept/ }).click();
    await expect(
      pasted.getByText('Added “Paying too much for what arrives” to Avatar Maya: fears.'),
    ).toBeVisible();
    const avatar = await (await page.request.get(`/api/items/${avatarId}`)).json();
    expect(avatar.item.data.psychology.fears).toEqual(['Paying too much for what arrives']);
    await expectAccessible(page, 'review analyser after applying a finding');

    // Upload: the columns are recognised and shown before the run.
    await page.getByRole('tab', { name: 'Upload a CSV' }).click();
    await page.getByLabel('Review export (CSV)').setInputFiles({
      name: 'etsy-reviews.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8'),
    });
    await page.getByRole('button', { name: 'Read the columns' }).click();
    await expect(page.getByRole('heading', { name: 'Match the columns of etsy-reviews.csv' })).toBeFocused();
    await expect(page.getByLabel('Review text', { exact: true })).toHaveValue('Review Text');
    await expect(page.getByLabel('Rating (stars) (optional)')).toHaveValue('Stars');
    await expect(page.getByLabel('Date (optional)')).toHaveValue('Date');
    await expect(page.getByLabel('Source (optional)')).toHaveValue('Platform');
    await expectAccessible(page, 'review analyser column mapping');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Analyse 4 rows' }).click();
    const uploaded = page.getByRole('region', { name: 'etsy-reviews.csv' });
    await expect(uploaded.getByTestId('mismatch')).toHaveCount(2);
    await expect(uploaded.getByText('5 of 5 stars, but the text reads negative')).toBeVisible();
    await uploaded.getByRole('button', { name: 'Show as a table' }).click();
    const table = uploaded.getByRole('table', { name: 'Reviews per month by sentiment' });
    await expect(table.getByRole('rowheader', { name: 'Jan 2025' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Feb 2025' })).toBeVisible();
    await expect(page.getByTestId('saved-review-run')).toHaveCount(2);
    await expectAccessible(page, 'review analyser with uploaded results');
    await noSidewaysScroll(page);

    // Keyboard: the tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Upload a CSV' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'An avatar’s reviews' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'An avatar’s reviews' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
}
