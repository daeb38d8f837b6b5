import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

/** Records every state the streaming answer goes through, so the test can prove it streamed. */
async function recordStreaming(page: Page) {
  await page.evaluate(() => {
    const seen: Array<{ state: string; length: number }> = [];
    (window as Window & { coachStates?: typeof seen }).coachStates = seen;
    new MutationObserver(() => {
      const turn = document.querySelector('article[data-state]');
      if (turn)
        seen.push({ state: turn.getAttribute('data-state') ?? '', length: turn.textContent?.length ?? 0 });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function streamingStates(page: Page) {
  return page.evaluate(
    () => (window as Window & { coachStates?: Array<{ state: string; length: number }> }).coachStates ?? [],
  );
}

test('chat with the offline coach: stream an answer, rename, reload, delete', async ({ page }) => {
  // One long journey with four accessibility scans.
  test.slow();
  await page.goto('/auth/sign-up');
  await signUp(page, 'Chloe Coach', uniqueEmail('chloe'));
  await expect(page).toHaveURL('/app');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coach' }).click();
  await expect(page).toHaveURL('/app/coach');
  await expect(page.getByRole('heading', { level: 1, name: 'AI coach' })).toBeVisible();
  await expect(page.getByText(/50 of 50\s+coach requests left today/)).toBeVisible();
  await expect(page.getByText('No conversations yet.')).toBeVisible();
  await expectAccessible(page, 'coach, no conversations');

  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: 'New conversation' })).toBeVisible();

  await recordStreaming(page);
  await page.getByLabel('Your message').fill('How can my brand be more distinctive?');
  await page.getByRole('button', { name: 'Send' }).click();

  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages.getByText('How can my brand be more distinctive?')).toBeVisible();
  const answer = messages.getByRole('article', { name: 'Coach’s answer' }).last();
  await expect(answer).toContainText('Distinctive');
  await expect(answer.getByText('Offline coach')).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Copy answer' })).toBeVisible();
  await expect(page.getByText('Ask next')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  // The answer arrived in pieces: partial text was on screen while it was still streaming.
  const states = await streamingStates(page);
  const streamed = states.filter((entry) => entry.state === 'streaming' && entry.length > 0);
  const finalLength = Math.max(...states.map((entry) => entry.length));
  expect(streamed.length, JSON.stringify(states.slice(0, 20))).toBeGreaterThanOrEqual(1);
  expect(Math.min(...streamed.map((entry) => entry.length))).toBeLessThan(finalLength);
  await expect(page.getByText(/49 of 50\s+coach requests left today/)).toBeVisible();
  await expectAccessible(page, 'coach conversation');

  // The first message named the conversation; rename it.
  await expect(
    page.getByRole('heading', { level: 2, name: 'How can my brand be more distinctive?' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Conversation name').fill('Standing out');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Standing out' })).toBeVisible();
  const conversations = page.getByRole('navigation', { name: 'Conversations' });
  await expect(conversations.getByRole('link', { name: /Standing out/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Reloading keeps everything: the history is stored, not in the page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Standing out' })).toBeVisible();
  await expect(messages.getByText('How can my brand be more distinctive?')).toBeVisible();
  await expect(messages.getByRole('article', { name: 'Coach’s answer' })).toContainText('Distinctive');

  await page.getByLabel('Search conversations').fill('distinctive');
  await expect(page.getByRole('status').filter({ hasText: '1 conversation matches.' })).toBeAttached();
  await page.getByLabel('Search conversations').fill('no such words anywhere');
  await expect(page.getByText('No conversations match “no such words anywhere”.')).toBeVisible();
  await page.getByLabel('Search conversations').fill('');

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'delete conversation dialog');
  await dialog.getByRole('button', { name: 'Delete conversation' }).click();
  await expect(page).toHaveURL('/app/coach');
  await expect(page.getByText('No conversations yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No conversations yet.')).toBeVisible();
});

test('the coach works at 360 px: one column, no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/auth/sign-up');
  await signUp(page, 'Nina Narrow', uniqueEmail('nina'));
  await expect(page).toHaveURL('/app');
  await page.goto('/app/coach');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(page.getByRole('link', { name: '← All conversations' })).toBeVisible();
  await expect(page.getByLabel('Search conversations')).toBeHidden();
  await page.getByLabel('Your message').fill('What is my weakest dimension?');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Coach’s answer' }).last()).toContainText('Insight');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'coach at 360 px');
});

test('at 360 px the conversation list fits, shows the brand being coached, and switches brands', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/auth/sign-up');
  await signUp(page, 'Bea Brands', uniqueEmail('bea'));
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  const noOverflow = async (label: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${label}: the page is wider than the screen`).toBeLessThanOrEqual(360);
  };

  // Long titles used to stretch the list (and the page) far past the screen.
  const brands = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const firstBrand = brands.brands[0]?.id ?? '';
  const longTitle = 'How can my brand be more distinctive than the competitors in my local market?';
  expect(
    (
      await page.request.post('/api/ai/chat/sessions', { data: { brandId: firstBrand, title: longTitle } })
    ).status(),
  ).toBe(201);

  await page.goto('/app/coach');
  await expect(page.getByTestId('coaching-brand')).toHaveText('Coaching My brand');
  const conversations = page.getByRole('navigation', { name: 'Conversations' });
  await expect(conversations.getByRole('link', { name: new RegExp(longTitle.slice(0, 30)) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New conversation' })).toBeVisible();
  await expect(page.getByLabel('Search conversations')).toBeVisible();
  await noOverflow('one brand');
  await expectAccessible(page, 'coach list at 360 px');

  // A second brand: the page becomes a switcher, and each brand shows its own conversations.
  const second = await page.request.post('/api/brands', { data: { name: 'Second Client' } });
  expect(second.status()).toBe(201);
  const secondId = ((await second.json()) as { brand: { id: string } }).brand.id;
  expect(
    (
      await page.request.post('/api/ai/chat/sessions', {
        data: { brandId: secondId, title: 'Second client launch' },
      })
    ).status(),
  ).toBe(201);
  await page.reload();
  const switcher = page.getByLabel('Coaching', { exact: true });
  await expect(switcher).toHaveValue(firstBrand);
  await expect(conversations.getByRole('link', { name: new RegExp(longTitle.slice(0, 30)) })).toBeVisible();
  await expect(conversations.getByRole('link', { name: /Second client launch/ })).toHaveCount(0);
  await noOverflow('two brands');

  await switcher.selectOption({ label: 'Second Client' });
  await expect(conversations.getByRole('link', { name: /Second client launch/ })).toBeVisible();
  await expect(conversations.getByRole('link', { name: new RegExp(longTitle.slice(0, 30)) })).toHaveCount(0);
  await noOverflow('after switching');
  await expectAccessible(page, 'coach with a brand switcher at 360 px');

  // Switching while a conversation is open goes back to the chosen brand's list.
  await conversations.getByRole('link', { name: /Second client launch/ }).click();
  await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
  await page.getByLabel('Coaching', { exact: true }).selectOption({ label: 'My brand' });
  await expect(page).toHaveURL('/app/coach');
  await expect(conversations.getByRole('link', { name: new RegExp(longTitle.slice(0, 30)) })).toBeVisible();
});
