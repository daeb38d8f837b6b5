import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
test.describe.configure({ timeout: 120_000 });

const POSITIONING =
  'For night-shift nurses who want calm evenings, we are the candle poured by hand in Lisbon.';

/** A brand with a positioning and an avatar, but no value proposition yet: the coach drafts one. */
async function brandWithoutValueProposition(page: Page) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Pia Proposals', uniqueEmail('proposals'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  const brands = await page.request.get('/api/brands');
  const brandId = ((await brands.json()) as { brands: { id: string }[] }).brands[0]?.id ?? '';
  const canvas = await page.request.put(`/api/brands/${brandId}/items/canvas`, {
    data: { baseVersion: 0, data: { positioning: POSITIONING }, sources: {} },
  });
  expect(canvas.status()).toBe(200);
  const avatar = await page.request.post(`/api/brands/${brandId}/collections/avatar`, {
    data: {
      data: {
        name: 'Sam',
        demographics: { occupation: 'nurse' },
        psychology: {
          values: [],
          fears: ['Restless nights'],
          desires: ['Calm evenings'],
          triggers: ['relief'],
        },
      },
      sources: {},
    },
  });
  expect(avatar.status()).toBe(201);
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 },
]) {
  test(`${viewport.name}: a coach proposal is a card; Accept puts it in the canvas, marked as from the coach`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await brandWithoutValueProposition(page);

    await page.goto('/app/coach');
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
    await page.getByLabel('Your message').fill('Write a value proposition for us');
    await page.getByRole('button', { name: 'Send' }).click();

    const card = page.getByRole('article', { name: 'Proposed edit: Canvas: value proposition' }).first();
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card.getByText('Now', { exact: true })).toBeVisible();
    await expect(card.getByText('Empty', { exact: true })).toBeVisible();
    const proposed = ((await card.locator('dd').nth(1).textContent()) ?? '').trim();
    expect(proposed.length).toBeGreaterThan(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, `coach proposal card (${viewport.name})`);

    // Keyboard: Edit opens the editor with focus in it; Escape closes it and returns to Edit.
    const edit = card.getByRole('button', { name: 'Edit the proposed edit to Canvas: value proposition' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const editor = card.getByLabel('Your version of Canvas: value proposition');
    await expect(editor).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(edit).toBeFocused();

    await card.getByRole('button', { name: 'Accept the proposed edit to Canvas: value proposition' }).click();
    await expect(
      card.getByText(/Saved to Canvas: value proposition, marked as from the coach/),
    ).toBeFocused();
    await expectAccessible(page, `accepted coach proposal (${viewport.name})`);

    // Stored with the answer: a reload shows it accepted.
    await page.reload();
    await expect(
      page.getByRole('article', { name: 'Proposed edit: Canvas: value proposition' }).first(),
    ).toContainText('Saved to Canvas: value proposition');

    await page.getByRole('link', { name: 'Open it (Canvas: value proposition)' }).first().click();
    await expect(page).toHaveURL('/app/canvas#field-valueProposition');
    await expect(page.locator('#field-valueProposition')).toHaveValue(proposed);
  });
}
