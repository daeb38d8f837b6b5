import { expect, type Page, test } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, uploads processed by the job queue and several page loads: more than the default minute
// on a busy machine.
test.describe.configure({ timeout: 150_000 });

/** Words that appear only on page 3 of the generated brand book. */
const PHRASE = 'cobalt otter guarantee';

/** A page of ordinary brand-book prose, long enough that page 3 starts well below a phone's screen. */
const FILLER =
  'We choose our oils from small farms we have visited, and we write down where each batch came from. ' +
  'Our bars are cut by hand, cured for six weeks and wrapped in recycled paper that can go on the compost. ';

/** A four-page PDF made here, so the test knows exactly what is on which page. */
function brandBookPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(20).text('Brand book');
    pdf
      .fontSize(12)
      .text(`Who we are: a small soap maker in Devon, making bars that last for weeks. ${FILLER}`);
    pdf.addPage();
    pdf.fontSize(16).text('How we make it');
    pdf.fontSize(12).text(FILLER.repeat(3));
    pdf.addPage();
    pdf.fontSize(16).text('Our promises');
    pdf
      .fontSize(12)
      .text(
        `Every order leaves within a day. The ${PHRASE} means a refund without questions for a whole year, ` +
          'because customers should never feel stuck with something that does not work for them.',
      );
    pdf.addPage();
    pdf.fontSize(12).text('Contact: write to us any time; a person answers within one working day.');
    pdf.end();
  });
}

async function newAccount(page: Page) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Kim Knowledge', uniqueEmail('knowledge'));
  // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  // The dashboard has rendered: until then the header on screen is the sign-up page's, and a menu
  // opened there closes as the navigation completes.
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
}

/** Opens the knowledge page from the main navigation (behind the menu button on a phone). */
async function openKnowledgeFromNav(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
  await expect(page).toHaveURL('/app/knowledge');
  await expect(page.getByRole('heading', { level: 1, name: 'Brand knowledge' })).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function uploads(page: Page) {
  return page.getByRole('list', { name: 'Uploads' });
}

function documentsList(page: Page) {
  return page.getByRole('list', { name: /^Your documents/ });
}

/** Drops a file on the drop zone the way a browser does: a drop event carrying it. */
async function dropFile(page: Page, name: string, type: string, content: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type }));
      return transfer;
    },
    { name, type, content },
  );
  const zone = page.getByTestId('document-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 },
]) {
  test(`${viewport.name}: upload a PDF, search it, open the hit at its page, rename and delete`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await newAccount(page);
    await openKnowledgeFromNav(page);
    await expect(page.getByText(/No documents yet/)).toBeVisible();
    await expect(page.getByText('0 B of 100 MB used')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `knowledge, empty (${viewport.name})`);

    // Upload with the button (the way in for keyboards and phones).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles({
      name: 'Brand book.pdf',
      mimeType: 'application/pdf',
      buffer: await brandBookPdf(),
    });
    const card = documentsList(page).getByRole('listitem').filter({ hasText: 'Brand book' });
    await expect(card).toBeVisible({ timeout: 20_000 });
    // The job queue processes it; the list polls until it is ready.
    await expect(card.getByText('Ready', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(card.getByText('PDF', { exact: true })).toBeVisible();
    await expect(card.locator('dd').nth(2)).toHaveText('4');
    await expect(page.getByTestId('knowledge-announcer')).toContainText('is ready');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `knowledge, one document (${viewport.name})`);

    // Search for words from page 3: the hit marks them and links to that page of the document.
    await page.getByRole('searchbox', { name: 'Search' }).fill(PHRASE);
    await expect(page).toHaveURL(/\/app\/knowledge\?q=cobalt\+otter\+guarantee$/);
    const results = page.getByRole('list', { name: 'Search results' });
    const hit = results.getByRole('listitem').first();
    await expect(hit).toContainText('Documents');
    await expect(hit.locator('mark').first()).toBeVisible();
    expect((await hit.locator('mark').allTextContents()).join(' ').toLowerCase()).toContain('otter');
    await expectAccessible(page, `knowledge, search results (${viewport.name})`);

    await hit.getByRole('link').click();
    await expect(page).toHaveURL(/\/app\/knowledge\/documents\/[0-9a-f-]+\?page=3&passage=[0-9a-f-]+$/);
    const cited = page.locator('mark#cited-passage');
    await expect(cited).toContainText(PHRASE);
    await expect(cited).toBeFocused();
    await expect(cited).toBeInViewport();
    await expect(page.locator('section#page-3')).toContainText(PHRASE);
    await expect(page.locator('mark')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Download original' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `document viewer (${viewport.name})`);

    // Back returns to the search as it was.
    await page.goBack();
    await expect(page).toHaveURL(/\/app\/knowledge\?q=cobalt\+otter\+guarantee$/);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(PHRASE);
    await expect(
      page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first(),
    ).toBeVisible();

    // Files that are not documents are refused with a reason: by name at once, by content on the server.
    if (viewport.name === 'desktop') await dropFile(page, 'logo.png', 'image/png', 'PNG');
    else {
      const pngChooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files' }).click();
      await (await pngChooser).setFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('PNG'),
      });
    }
    await expect(uploads(page)).toContainText('“logo.png” can’t be added');
    const fakeChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await fakeChooser).setFiles({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
    });
    const refused = uploads(page).getByRole('listitem').filter({ hasText: 'invoice.pdf' });
    await expect(refused.locator('[data-upload-error]')).toBeVisible({ timeout: 20_000 });
    await expect(refused.locator('[data-upload-error]')).not.toBeEmpty();
    await expectAccessible(page, `knowledge, refused uploads (${viewport.name})`);
    await refused.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(refused).toHaveCount(0);

    // Rename inline, with the keyboard.
    await card.getByRole('button', { name: /^Rename Brand book/ }).click();
    const nameField = card.getByRole('textbox', { name: /^New name/ });
    await expect(nameField).toBeFocused();
    await nameField.fill('Brand book 2026');
    await nameField.press('Enter');
    const renamed = documentsList(page).getByRole('listitem').filter({ hasText: 'Brand book 2026' });
    await expect(renamed.getByRole('heading', { name: 'Brand book 2026' })).toBeVisible();
    await expect(renamed.getByRole('button', { name: 'Rename Brand book 2026' })).toBeFocused();

    // Delete, after confirming.
    await renamed.getByRole('button', { name: 'Delete Brand book 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Brand book 2026”?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `delete dialog (${viewport.name})`);
    await dialog.getByRole('button', { name: 'Delete document' }).click();
    await expect(page.getByText(/No documents yet/)).toBeVisible();
    // Its passages left the index with it.
    await page.getByRole('searchbox', { name: 'Search' }).fill(`${PHRASE} refund`);
    await expect(page.getByText(`Nothing found for “${PHRASE} refund”.`)).toBeVisible();
  });
}

test('a search hit in the brand canvas opens the canvas at that field', async ({ page }) => {
  await newAccount(page);
  await page.goto('/app/canvas');
  const purpose = page.getByLabel('Purpose', { exact: true });
  await purpose.fill('Make every bathroom smell like a marigold meadow.');
  await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'saved');

  await page.goto('/app/knowledge?q=marigold+meadow&types=canvas');
  const link = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL('/app/canvas#field-purpose');
  await expect(page.locator('#field-purpose')).toBeFocused();
  await expect(page.locator('#field-purpose')).toBeInViewport();
});

test('a search hit in an avatar’s reviews opens the avatar with that review selected', async ({ page }) => {
  await newAccount(page);
  await page.goto('/app/avatars');
  await page.getByLabel('Avatar name').fill('Weekend hiker');
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekend hiker' })).toBeVisible();
  const reviews = [
    'Arrived quickly and the soap smells lovely.',
    'The tangerine thistle bar lasted a whole month of camping.',
    'A bit pricey, but worth it.',
  ];
  await page.getByLabel('Customer reviews').fill(reviews.join('\n'));
  await expect(page.locator('[data-save-status]').first()).toHaveAttribute('data-save-status', 'saved');

  await page.goto('/app/knowledge?q=tangerine+thistle');
  const link = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/app\/avatars\/[0-9a-f-]+#review-2$/);
  const textarea = page.locator('#field-voice-reviews');
  await expect(textarea).toBeFocused();
  const selected = await textarea.evaluate((element: HTMLTextAreaElement) =>
    element.value.slice(element.selectionStart, element.selectionEnd),
  );
  expect(selected).toBe(reviews[1]);
});
