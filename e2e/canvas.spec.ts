import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// Several sign-ups, reloads and a second tab per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const TEXT = {
  Purpose: 'Make mornings calmer for busy parents.',
  Vision: 'Every family starts the day unhurried.',
  Mission: 'We design breakfast kits parents can prepare in five minutes.',
  'Positioning statement': 'For busy parents, Calm Co is the breakfast kit that takes five minutes.',
  'Value proposition': 'A calm start without the rush.',
  Voice: 'Plain, kind and direct.',
} as const;

async function newAccountOnCanvas(page: Page) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Casey Canvas', uniqueEmail('canvas'));
  // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  await page.goto('/app/canvas');
  await expect(page.getByRole('heading', { level: 1, name: 'Brand canvas' })).toBeVisible();
  await expect(page.getByLabel('Purpose', { exact: true })).toBeVisible();
}

async function addTag(page: Page, label: string, tag: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(tag);
  await input.press('Enter');
}

function saveStatus(page: Page) {
  return page.locator('[data-save-status]');
}

test('fill the canvas, reload, and everything is still there', async ({ page }) => {
  await newAccountOnCanvas(page);
  await expect(page.getByTestId('canvas-completion')).toHaveText('0% · 0 of 8 fields');
  await expectAccessible(page, 'empty canvas');

  for (const [label, text] of Object.entries(TEXT)) await page.getByLabel(label, { exact: true }).fill(text);
  await addTag(page, 'Values', 'Honesty');
  await addTag(page, 'Values', 'Care');
  await addTag(page, 'Personality', 'Warm');
  await expect(page.getByTestId('canvas-completion')).toHaveText('100% · 8 of 8 fields');
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');

  await page.reload();
  for (const [label, text] of Object.entries(TEXT))
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(text);
  await expect(page.getByRole('list', { name: /^Values:/ })).toContainText('Honesty');
  await expect(page.getByRole('list', { name: /^Values:/ })).toContainText('Care');
  await expect(page.getByRole('list', { name: /^Personality:/ })).toContainText('Warm');
  await expect(page.getByTestId('canvas-completion')).toHaveText('100% · 8 of 8 fields');
  await expectAccessible(page, 'filled canvas');

  // Usable on a phone: nothing forces the page wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('good text gets no rewrite; generic text gets a rewrite of the owner’s words, marked until edited', async ({
  page,
}) => {
  await newAccountOnCanvas(page);
  const purpose = page.getByLabel('Purpose', { exact: true });
  const panel = page.getByTestId('suggestion-purpose');

  // A clear purpose: the coach says so, and offers nothing to accept (no template replaces it).
  const good = 'We give night-shift nurses a calm first coffee before every shift.';
  await purpose.fill(good);
  await page.getByRole('button', { name: 'Get a suggestion for Purpose' }).click();
  await expect(panel.getByRole('heading', { name: 'Coach suggestion for purpose' })).toBeVisible();
  await expect(panel.getByText('Offline coach')).toBeVisible();
  await expect(panel).toContainText('This reads clearly');
  await expect(panel.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(panel).not.toContainText('[');
  await expectAccessible(page, 'canvas with advice only');
  await panel.getByRole('button', { name: 'Dismiss the suggestion for Purpose' }).click();
  await expect(panel).toBeHidden();
  await expect(purpose).toHaveValue(good);

  // Generic words: the rewrite is the owner's sentence without them.
  const generic = 'We make innovative, high-quality breakfast kits so busy parents get calm mornings.';
  await purpose.fill(generic);
  await page.getByRole('button', { name: 'Get a suggestion for Purpose' }).click();
  const critique = panel
    .getByRole('heading', { name: 'What to improve' })
    .locator('xpath=following-sibling::ul');
  await expect(critique).toContainText('could describe any brand');
  const rewrite = (await panel.locator('blockquote').textContent())?.trim() ?? '';
  expect(rewrite).not.toMatch(/[[\]]/);
  for (const word of ['breakfast', 'kits', 'busy', 'parents', 'calm', 'mornings'])
    expect(rewrite).toContain(word);
  expect(rewrite).not.toMatch(/innovative|high-quality/);
  await expectAccessible(page, 'canvas with a suggestion');
  await panel.getByRole('button', { name: 'Accept the rewrite for Purpose' }).click();
  await expect(purpose).toHaveValue(rewrite);
  await expect(purpose).not.toHaveValue(/could describe any brand/);
  const purposeBadge = page
    .locator('label[for]', { hasText: /^Purpose$/ })
    .locator('xpath=..')
    .getByText('From the coach');
  await expect(purposeBadge).toBeVisible();
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');

  await page.reload();
  await expect(page.getByLabel('Purpose', { exact: true })).toHaveValue(rewrite);
  await expect(purposeBadge).toBeVisible();

  // Editing it makes it the user's own again.
  await page.getByLabel('Purpose', { exact: true }).fill('Calm mornings for every busy family.');
  await expect(purposeBadge).toBeHidden();
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');
  await page.reload();
  await expect(page.getByLabel('Purpose', { exact: true })).toHaveValue(
    'Calm mornings for every busy family.',
  );
  await expect(purposeBadge).toBeHidden();

  // An empty field with nothing saved to build on: a question to answer, nothing to accept.
  await page.getByRole('button', { name: 'Get a suggestion for Vision' }).click();
  const visionPanel = page.getByTestId('suggestion-vision');
  await expect(visionPanel).toContainText('The vision is empty.');
  await expect(visionPanel.getByRole('button', { name: /^Accept/ })).toHaveCount(0);

  // Edit: the rewrite goes into a draft first, and the user's edit is theirs.
  await page
    .getByLabel('Mission', { exact: true })
    .fill('We are a really leading maker of breakfast kits for parents.');
  await page.getByRole('button', { name: 'Get a suggestion for Mission' }).click();
  const missionPanel = page.getByTestId('suggestion-mission');
  await missionPanel.getByRole('button', { name: 'Edit the rewrite for Mission' }).click();
  await missionPanel
    .getByLabel('Edit the rewrite before using it')
    .fill('We cook calm breakfasts for parents.');
  await missionPanel.getByRole('button', { name: 'Use my edit for Mission' }).click();
  await expect(page.getByLabel('Mission', { exact: true })).toHaveValue(
    'We cook calm breakfasts for parents.',
  );
});

test('an empty field is drafted from the brand’s saved work, and old versions show what changed', async ({
  page,
}) => {
  await newAccountOnCanvas(page);
  const brands = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const brandId = brands.brands[0]?.id ?? '';
  expect((await page.request.patch(`/api/brands/${brandId}`, { data: { name: 'Kindling' } })).status()).toBe(
    200,
  );
  const avatar = await page.request.post(`/api/brands/${brandId}/collections/avatar`, {
    data: {
      data: { name: 'Sam', psychology: { values: [], fears: [], desires: ['More time'], triggers: [] } },
      sources: {},
    },
  });
  expect(avatar.status()).toBe(201);
  await page.reload();

  await page.getByRole('button', { name: 'Get a suggestion for Purpose' }).click();
  const panel = page.getByTestId('suggestion-purpose');
  await expect(panel.locator('blockquote')).toHaveText('Kindling exists to help Sam get more time.');
  await panel.getByRole('button', { name: 'Accept the rewrite for Purpose' }).click();
  const purpose = page.getByLabel('Purpose', { exact: true });
  await expect(purpose).toHaveValue('Kindling exists to help Sam get more time.');
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');

  // A later edit; then the earlier version, viewed from the history, shows the difference.
  await purpose.fill('Kindling exists to help night-shift nurses get more sleep.');
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');
  await page.getByRole('button', { name: 'Revision history' }).click();
  await page.getByRole('button', { name: 'View version 1', exact: true }).click();
  const changes = page.getByTestId('version-changes');
  await expect(changes.getByRole('heading', { name: 'Changes since version 1' })).toBeVisible();
  const purposeChange = changes.locator('dd').first();
  await expect(purposeChange.locator('del')).toContainText(['Sam', 'time.']);
  await expect(purposeChange.locator('ins')).toContainText(['night-shift nurses', 'sleep.']);
  // Marked in words too, for screen readers and without relying on colour.
  await expect(purposeChange.locator('del').first()).toContainText('[removed:');
  await expect(purposeChange.locator('ins').first()).toContainText('[added:');
  await expect(changes).toContainText('Unchanged: Vision, Mission');
  await expectAccessible(page, 'revision history with changes');
});

test('import from the IDEA worksheets and an avatar: only empty fields unless replacing is allowed', async ({
  page,
}) => {
  await newAccountOnCanvas(page);
  const brands = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const brandId = brands.brands[0]?.id ?? '';
  const save = (kind: string, data: Record<string, unknown>) =>
    page.request.put(`/api/brands/${brandId}/items/${kind}`, { data: { baseVersion: 0, data, sources: {} } });
  expect(
    (
      await save('distinctive', { positioning: 'For busy parents, Calm Co is the five-minute kit.' })
    ).status(),
  ).toBe(200);
  expect(
    (
      await save('authentic', {
        values: [{ value: 'Honesty', proof: 'We publish our margins.' }],
        promise: 'Breakfast ready in five minutes, every day.',
        story: { origin: '', struggle: '', mission: 'Calm mornings for parents.' },
      })
    ).status(),
  ).toBe(200);
  const avatar = await page.request.post(`/api/brands/${brandId}/collections/avatar`, {
    data: {
      data: {
        name: 'Sam',
        psychology: { values: ['Family'], fears: [], desires: ['More time'], triggers: [] },
      },
      sources: {},
    },
  });
  expect(avatar.status()).toBe(201);

  await page.reload();
  await page.getByLabel('Mission', { exact: true }).fill('My own mission.');
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');

  await page.getByRole('button', { name: 'Import from IDEA work' }).click();
  const panel = page.getByRole('region', { name: 'Import from your IDEA work' });
  await expect(panel.getByRole('group', { name: 'Proposed changes' })).toBeVisible();
  await panel.getByLabel('Avatar for audience hints').selectOption({ label: 'Sam' });
  await expect(panel.getByText('This field has content; allow replacing to import it.')).toBeVisible();
  await expectAccessible(page, 'canvas import');
  await panel.getByRole('button', { name: 'Import 4 fields' }).click();
  await expect(page.getByText('Imported 4 fields.', { exact: false })).toBeVisible();

  await expect(page.getByLabel('Mission', { exact: true })).toHaveValue('My own mission.');
  await expect(page.getByLabel('Positioning statement', { exact: true })).toHaveValue(
    'For busy parents, Calm Co is the five-minute kit.',
  );
  await expect(page.getByLabel('Value proposition', { exact: true })).toHaveValue(
    'Breakfast ready in five minutes, every day.',
  );
  await expect(page.getByLabel('Voice', { exact: true })).toHaveValue(/Speak to Sam/);
  await expect(page.getByRole('list', { name: /^Values:/ })).toContainText('Honesty');
  await expect(saveStatus(page)).toHaveAttribute('data-save-status', 'saved');

  // Allowing replacement brings the worksheet's mission in.
  await page.getByRole('button', { name: 'Import from IDEA work' }).click();
  await panel.getByLabel(/Also replace fields that already have content/).check();
  await panel.getByRole('button', { name: 'Import 1 field' }).click();
  await expect(page.getByLabel('Mission', { exact: true })).toHaveValue('Calm mornings for parents.');
});
