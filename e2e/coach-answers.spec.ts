import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, seeded brand data (and an upload processed by the job queue), a streamed answer, scans.
test.describe.configure({ timeout: 150_000 });

const VALUE_PROPOSITION =
  'Hand-poured soy candles that turn a late night at the laptop into an evening ritual that sticks';
const REVIEW_WORRY = 'I worried it would tunnel like my last candle, but it burned flat and even';
const INTERVIEW_WORRY =
  'Five of eight founders said they worry about synthetic fragrance giving them headaches.';

async function newAccount(page: Page, name: string, tag: string): Promise<string> {
  await page.goto('/auth/sign-up');
  await signUp(page, name, uniqueEmail(tag));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  const { brands } = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  return brands[0]?.id ?? '';
}

async function ask(page: Page, question: string) {
  await page.goto('/app/coach');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
  await page.getByLabel('Your message').fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  const answer = page
    .getByRole('list', { name: 'Messages' })
    .getByRole('article', { name: 'Coach’s answer' })
    .last();
  await expect(answer.getByText('Offline coach')).toBeVisible({ timeout: 30_000 });
  return answer;
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 },
]) {
  test(`${viewport.name}: three taglines are three taglines, written from the canvas`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const brandId = await newAccount(page, 'Tia Taglines', 'taglines');
    const canvas = await page.request.put(`/api/brands/${brandId}/items/canvas`, {
      data: {
        baseVersion: 0,
        data: {
          purpose: 'Help overworked founders end the working day and feel at home again',
          positioning: 'For founders who work late, the candle that marks the end of the working day',
          valueProposition: VALUE_PROPOSITION,
          personality: ['Warm', 'Unhurried'],
        },
        sources: {},
      },
    });
    expect(canvas.status()).toBe(200);

    const answer = await ask(page, 'Write three tagline options for us');
    const options = answer.locator('ol').first().getByRole('listitem');
    await expect(options).toHaveCount(3);
    const texts = (await options.allTextContents()).map((text) => text.trim());
    expect(new Set(texts).size).toBe(3);
    for (const option of texts) {
      expect(option.length).toBeGreaterThan(0);
      expect(option.length).toBeLessThanOrEqual(60);
      expect(option).not.toMatch(/…$|\[[a-z ]+\]/i);
    }
    // Written from the owner's own words, not from a template.
    expect(texts.some((option) => /soy candles|evening ritual|working day|work late/i.test(option))).toBe(
      true,
    );
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `tagline answer (${viewport.name})`);

    // Each tagline is offered for the canvas; accepting the second writes exactly that line there.
    const cards = page.getByRole('article', { name: 'Proposed edit: Canvas: tagline' });
    await expect(cards).toHaveCount(3);
    const second = cards.nth(1);
    await expect(second.getByText('Empty', { exact: true })).toBeVisible();
    const chosen = ((await second.locator('dd').nth(1).textContent()) ?? '').trim();
    expect(texts).toContain(chosen);
    await second.getByRole('button', { name: 'Accept the proposed edit to Canvas: tagline' }).click();
    await expect(second.getByText(/Saved to Canvas: tagline, marked as from the coach/)).toBeFocused();
    const saved = (await (await page.request.get(`/api/brands/${brandId}/items/canvas`)).json()) as {
      item: { data: { tagline: string; valueProposition: string } };
    };
    expect(saved.item.data.tagline).toBe(chosen);
    expect(saved.item.data.valueProposition).toBe(VALUE_PROPOSITION);
    await second.getByRole('link', { name: 'Open it (Canvas: tagline)' }).click();
    await expect(page).toHaveURL('/app/canvas#field-tagline');
    await expect(page.locator('#field-tagline')).toHaveValue(chosen);
    await expectAccessible(page, `canvas with the accepted tagline (${viewport.name})`);
  });
}

test('what customers worry about: quotes from the reviews and a document, each citation opening its source', async ({
  page,
}) => {
  const brandId = await newAccount(page, 'Will Worries', 'worries');
  const avatar = await page.request.post(`/api/brands/${brandId}/collections/avatar`, {
    data: {
      data: {
        name: 'Maya',
        demographics: { occupation: 'founder' },
        psychology: { values: [], fears: ['Candles that tunnel'], desires: ['Calm evenings'], triggers: [] },
        voice: {
          reviews: `${REVIEW_WORRY} for the full 60 hours.\n\nLovely scent, arrived quickly and the jar is reusable.`,
          analysis: null,
          analysedAt: null,
          analysedBy: null,
        },
      },
      sources: {},
    },
  });
  expect(avatar.status()).toBe(201);
  const upload = await page.request.post(`/api/brands/${brandId}/documents`, {
    multipart: {
      file: {
        name: 'Founder interviews.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          `Founder interviews, spring\n\n${INTERVIEW_WORRY} One founder said she does not want another thing that makes her flat smell like a shopping centre.`,
        ),
      },
    },
  });
  expect(upload.status()).toBe(201);
  const { document } = (await upload.json()) as { document: { id: string } };
  await expect
    .poll(
      async () => {
        const listed = (await (await page.request.get(`/api/brands/${brandId}/documents`)).json()) as {
          documents: { id: string; status: string }[];
        };
        return listed.documents.find((each) => each.id === document.id)?.status;
      },
      { timeout: 30_000 },
    )
    .toBe('ready');

  const answer = await ask(page, 'What do my customers worry about?');
  await expect(answer).toContainText(REVIEW_WORRY);
  await expect(answer).toContainText(INTERVIEW_WORRY);
  const sources = answer.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'customer worries answer');

  const documentSource = sources.getByRole('link', { name: /Founder interviews\.txt/ });
  await documentSource.click();
  await expect(page).toHaveURL(/\/app\/knowledge\/documents\/[0-9a-f-]+\?.*passage=[0-9a-f-]+/);
  await expect(page.locator('mark#cited-passage')).toContainText(INTERVIEW_WORRY);
});

test('a brand with no data gets an honest answer that points to the diagnostic', async ({ page }) => {
  await newAccount(page, 'Nora Nothing', 'nothing');
  const answer = await ask(page, 'How is my brand doing?');
  // No diagnostic: the coach says so instead of stating scores it cannot know.
  await expect(answer).not.toContainText(/scored \d+\/100/);
  const diagnostic = answer.getByRole('link', { name: /diagnostic/i }).first();
  await expect(diagnostic).toBeVisible();
  await expectAccessible(page, 'answer for a brand with no data');
  await diagnostic.click();
  await expect(page).toHaveURL(/\/diagnostic/);
});
