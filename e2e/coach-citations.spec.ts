import { expect, type Page, test } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { expectAccessible } from './support/a11y.ts';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// A sign-up, an upload processed by the job queue, a streamed answer and three accessibility scans.
test.describe.configure({ timeout: 150_000 });

/** The sentence that answers the question, only on page 3 of the policy. */
const ANSWER =
  'Our saffron heron pledge: any bottle that arrives cracked is replaced free within ten days, no photo needed.';
const QUESTION = 'What is our saffron heron pledge for cracked bottles?';

/** A three-page shop policy made here, so the test knows which page holds the answer. */
function policyPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(20).text('Shop policy');
    pdf.fontSize(12).text('We are a two-person studio making hand-poured olive oil soaps in small batches.');
    pdf.addPage();
    pdf.fontSize(16).text('Delivery');
    pdf
      .fontSize(12)
      .text('Parcels go out on Mondays and Thursdays by tracked post, in paper packaging only.');
    pdf.addPage();
    pdf.fontSize(16).text('Breakages');
    pdf.fontSize(12).text(`${ANSWER} Write to us with your order number and we do the rest.`);
    pdf.end();
  });
}

async function newAccount(page: Page) {
  await page.goto('/auth/sign-up');
  await signUp(page, 'Cora Citations', uniqueEmail('citations'));
  // Sign-up waits for the password-strength dictionaries, which can be slow on a busy machine.
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
}

async function uploadPolicy(page: Page) {
  await page.goto('/app/knowledge');
  await expect(page.getByRole('heading', { level: 1, name: 'Brand knowledge' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles({
    name: 'Shop policy.pdf',
    mimeType: 'application/pdf',
    buffer: await policyPdf(),
  });
  const card = page
    .getByRole('list', { name: /^Your documents/ })
    .getByRole('listitem')
    .filter({ hasText: 'Shop policy' });
  // The job queue extracts and indexes it; the list polls until it is ready.
  await expect(card.getByText('Ready', { exact: true })).toBeVisible({ timeout: 30_000 });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The answer's citation marker and its Sources entry, both pointing at page 3 of the policy. */
async function expectCitedAnswer(page: Page) {
  const answer = page
    .getByRole('list', { name: 'Messages' })
    .getByRole('article', { name: 'Coach’s answer' })
    .last();
  // The offline coach quotes the passage verbatim, followed by its numbered citation.
  await expect(answer).toContainText(ANSWER);
  const marker = answer.getByRole('link', { name: /^Source 1: Shop policy\.pdf/ });
  await expect(marker).toHaveText('[1]');
  await expect(marker).toHaveAttribute(
    'href',
    /^\/app\/knowledge\/documents\/[0-9a-f-]+\?page=3&passage=[0-9a-f-]+$/,
  );
  const sources = answer.getByRole('list', { name: 'Sources' });
  const source = sources.getByRole('listitem').first();
  await expect(source.getByRole('link')).toHaveText(/^\[1\] Shop policy\.pdf/);
  await expect(source.getByRole('link')).toHaveAttribute('href', (await marker.getAttribute('href')) ?? '');
  await expect(source.locator('q')).toContainText('saffron heron pledge');
  return { answer, marker };
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 },
]) {
  test(`${viewport.name}: the coach answers from an uploaded document and its citation opens the cited page`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await newAccount(page);
    await uploadPolicy(page);

    // No AI key in the end-to-end server: the offline coach answers, from the retrieved passages.
    await page.goto('/app/coach');
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
    await page.getByLabel('Your message').fill(QUESTION);
    await page.getByRole('button', { name: 'Send' }).click();
    const { answer } = await expectCitedAnswer(page);
    await expect(answer.getByText('Offline coach')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `coach answer with citations (${viewport.name})`);

    // The citations are stored with the answer, not only streamed: a reload shows the same links.
    await page.reload();
    const { marker } = await expectCitedAnswer(page);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `stored coach answer with citations (${viewport.name})`);

    await marker.click();
    await expect(page).toHaveURL(/\/app\/knowledge\/documents\/[0-9a-f-]+\?page=3&passage=[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Shop policy.pdf' })).toBeVisible();
    const cited = page.locator('mark#cited-passage');
    await expect(cited).toContainText(ANSWER);
    await expect(cited).toBeFocused();
    await expect(cited).toBeInViewport();
    expect(await cited.evaluate((mark) => mark.closest('section')?.id)).toBe('page-3');
    await expect(page.locator('mark')).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `document viewer from a citation (${viewport.name})`);

    // Back returns to the conversation, with its answer and sources still there.
    await page.goBack();
    await expect(page).toHaveURL(/\/app\/coach\/[0-9a-f-]{36}$/);
    await expectCitedAnswer(page);
  });
}
