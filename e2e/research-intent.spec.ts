import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, several runs, reloads and a download: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function signUpFresh(page: Page, prefix: string) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Ina Intent', uniqueEmail(prefix));
  // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('classify pasted terms with the brand list, read the groups, export, reopen and delete a run', async ({
  page,
}) => {
  await signUpFresh(page, 'intent');
  // Seeded through the API, as another device would have saved it.
  const brands = await page.request.get('/api/brands');
  const brandId = ((await brands.json()) as { brands: { id: string }[] }).brands[0]?.id ?? '';
  const seeded = await page.request.put(`/api/brands/${brandId}/research/intent/brand-names`, {
    data: { own: ['Calm Co'], competitors: ['Glow Candles'] },
  });
  expect(seeded.status()).toBe(200);

  await page.goto('/app/research/intent');
  await expect(page.getByRole('heading', { level: 1, name: 'Buyer-intent research' })).toBeVisible();
  await expect(page.getByLabel('Your brand names')).toHaveValue('Calm Co');
  await expect(page.getByText('Every run is saved here, newest first.')).toBeVisible();
  await expectAccessible(page, 'buyer-intent research');

  // Nothing pasted: the server says what to do, next to the field.
  await page.getByRole('button', { name: 'Classify terms' }).click();
  await expect(page.getByText('Paste at least one search term, one per line.')).toBeVisible();

  // A competitor added on the page counts from the next run.
  await page.getByLabel('Competitor names').fill('Glow Candles\nUniqlo');
  await page.getByRole('button', { name: 'Save brand names' }).click();
  await expect(page.getByText('Saved. New runs use these names.')).toBeVisible();

  await page
    .getByLabel('Search terms')
    .fill(
      [
        'uniqlo linen shirt',
        'best linen shirts for men',
        'buy linen shirt online',
        'how to wash linen',
        'calm co candles',
        '=cmd|calc',
      ].join('\n'),
    );
  await expect(page.getByText('6 terms: uses 1 of today’s coach requests.')).toBeVisible();
  await page.getByRole('button', { name: 'Classify terms' }).click();

  const results = page.getByRole('region', { name: /^Results: / });
  await expect(results).toBeVisible();
  await expect(results.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(results.getByText(/^6 terms · .* · Offline coach$/)).toBeVisible();
  const uniqlo = results.getByTestId('intent-term').filter({ hasText: 'uniqlo linen shirt' });
  await expect(uniqlo.getByText('Navigational', { exact: true })).toBeVisible();
  await expect(
    uniqlo.getByText('Names the competitor “Uniqlo”: the searcher is looking for that brand, not for you.'),
  ).toBeVisible();
  const shirts = results.getByRole('region', { name: 'linen shirt', exact: true });
  await expect(shirts.getByTestId('intent-term')).toHaveCount(3);
  await expect(shirts.getByText(/^Product page copy for linen shirt: /)).toBeVisible();
  // The owner's own name: navigational, with the advice to rank first for it.
  const own = results.getByRole('region', { name: 'candle', exact: true });
  await expect(own.getByText('Navigational', { exact: true }).first()).toBeVisible();
  await expect(own.getByText(/^People are searching for you by name \(“calm co candles”\)\./)).toBeVisible();
  await expectAccessible(page, 'buyer-intent results');

  const downloadPromise = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^buyer-intent-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8');
  expect(csv).toContain('uniqlo linen shirt,navigational');
  expect(csv).toContain("'=cmd|calc");
  expect(csv.split('\r\n').some((line) => line.startsWith('='))).toBe(false);

  // The run is kept: after a reload it is in the list and opens again.
  await page.reload();
  const saved = page.getByTestId('saved-run');
  await expect(saved).toHaveCount(1);
  await saved.getByRole('button', { name: /^Open / }).click();
  await expect(
    page
      .getByRole('region', { name: /^Results: / })
      .getByTestId('intent-group')
      .first(),
  ).toBeVisible();

  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page, 'the results at 360 px');
  await expectAccessible(page, 'buyer-intent results at 360 px');

  await saved.getByRole('button', { name: /^Delete / }).click();
  await saved.getByRole('button', { name: /^Delete / }).click();
  await expect(page.getByText('Every run is saved here, newest first.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Results: / })).toHaveCount(0);
});

test('at 360 px a search-term report uploads with its volumes, and a bad file is explained', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signUpFresh(page, 'intent-csv');
  await page.goto('/app/research/intent');
  await expectNoSidewaysScroll(page, 'the research page at 360 px');

  const fileInput = page.getByLabel('Or upload a search-term report (CSV)');
  await fileInput.setInputFiles({
    name: 'reviews.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Review,Rating\nLovely,5\n'),
  });
  await page.getByRole('button', { name: 'Upload and classify' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'No column of search terms was found.' }),
  ).toBeVisible();

  await fileInput.setInputFiles({
    name: 'search-terms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '\uFEFFSearch term;Impressions;Clicks\nbest soy candles;1.200;30\nbuy soy candle;300;12\nsoy candle making kit;80;2\n',
    ),
  });
  await page.getByRole('button', { name: 'Upload and classify' }).click();
  const results = page.getByRole('region', { name: 'Results: search-terms.csv' });
  await expect(results).toBeVisible();
  const best = results.getByTestId('intent-term').filter({ hasText: 'best soy candles' });
  await expect(best.getByText('Impressions: 1,200')).toBeVisible();
  await expect(best.getByText('Clicks: 30')).toBeVisible();
  await expect(results.getByText(/biggest impressions first/)).toBeVisible();
  await expectNoSidewaysScroll(page, 'the uploaded results at 360 px');
  await expectAccessible(page, 'uploaded results at 360 px');
});
