import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { formatPurgeDate } from '../src/core/auth/scheduled-deletion.ts';
import { expectAccessible } from './support/a11y.ts';
import { STRONG_PASSWORD, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');

const NEW_PASSWORD = 'Lantern-Mosaic-83';
// Sign-up and password changes load the strength estimator's dictionaries (about 850 kB gzipped), which
// takes a while on a busy test machine; these flows get room for that.
const SLOW = { timeout: 45_000 };
test.describe.configure({ timeout: 180_000 });

/** A new account, signed in on `page`, landing on the dashboard. */
async function signUpFresh(page: Page, name: string, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await page.goto('/auth/sign-up');
  await signUp(page, name, email);
  await expect(page).toHaveURL('/app', SLOW);
  return email;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/auth/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL('/app/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('change the name and the password, then sign in with the new password', async ({ page }) => {
  const email = await signUpFresh(page, 'Sam Settings', 'settings');
  await openSettings(page);

  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile.getByText(email)).toBeVisible();
  await expect(profile.getByText('Not verified')).toBeVisible();
  await expect(page.getByRole('region', { name: 'AI usage' }).getByText(/left today/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Signed-in devices' }).getByText('This device')).toBeVisible();
  await expectAccessible(page, 'settings');

  await profile.getByLabel('Name', { exact: true }).fill('x'.repeat(100));
  await profile.getByLabel('Name', { exact: true }).fill('');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(profile.getByText('Enter your name')).toBeVisible();

  await profile.getByLabel('Name', { exact: true }).fill('Samantha Settings');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByText('Your name has been saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Profile' }).getByLabel('Name', { exact: true })).toHaveValue(
    'Samantha Settings',
  );

  const password = page.getByRole('region', { name: 'Password' });
  await password.getByLabel('Current password', { exact: true }).fill('Not-The-Password-1');
  await password.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByLabel('Current password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(password.getByText('Your current password is incorrect.').first()).toBeVisible();
  await expectAccessible(page, 'settings with a wrong current password');

  await password.getByLabel('Current password', { exact: true }).fill(STRONG_PASSWORD);
  await password.getByLabel('New password', { exact: true }).fill('password');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('Choose a stronger password')).toBeVisible(SLOW);

  await password.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('Your password has been changed.')).toBeVisible(SLOW);
  await expect(password.getByLabel('Current password', { exact: true })).toHaveValue('');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  // A wrong password is an expected answer, not a fault: no support reference (request id) shown.
  await expect(page.getByRole('alert')).not.toContainText('Reference');
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL('/app');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Samantha Settings' })).toBeVisible();
});

test('sign another device out from the list', async ({ page, browser }) => {
  const email = await signUpFresh(page, 'Devi Devices', 'devices');

  const otherContext = await browser.newContext({
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  });
  const other = await otherContext.newPage();
  try {
    await signIn(other, email, STRONG_PASSWORD);
    await expect(other).toHaveURL('/app');

    await openSettings(page);
    const devices = page.getByRole('list', { name: 'Signed-in devices' });
    await expect(devices.getByRole('listitem')).toHaveCount(2);
    const firefox = devices.getByRole('listitem').filter({ hasText: 'Firefox on Windows' });
    await expect(firefox.getByText('127.0.0.x')).toBeVisible();
    // Last active says when the device was last used, as people say it (it was used moments ago).
    await expect(firefox.locator('time')).toHaveText(/^(just now|\d+ minutes? ago)$/);
    await expect(firefox.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expectAccessible(page, 'settings with two devices');
    await firefox.getByRole('button', { name: /^Sign out Firefox on Windows/ }).click();
    await expect(page.getByText('Signed out Firefox on Windows.')).toBeVisible();
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('You’re signed in on this device only.')).toBeVisible();

    await other.reload();
    await expect(other).toHaveURL(/\/auth\/sign-in\?/);
  } finally {
    await otherContext.close();
  }
});

test('export downloads a ZIP of the account, uploaded documents included', async ({ page }) => {
  await signUpFresh(page, 'Ezra Export', 'export');
  // One uploaded document, processed by the job queue, so the export has an original and its text.
  const { brands } = (await (await page.request.get('/api/brands')).json()) as { brands: { id: string }[] };
  const brandId = brands[0]?.id ?? '';
  const upload = await page.request.post(`/api/brands/${brandId}/documents`, {
    multipart: {
      file: {
        name: 'Tone notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('We write like a friend.'),
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
  await openSettings(page);

  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^idea-brand-coach-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const path = await download.path();
  const bytes = await readFile(path);
  // Every ZIP starts with a local file header: "PK\x03\x04".
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  await expect(page.getByText(/Your export has downloaded as/)).toBeVisible();

  // What Settings says the export holds is what it holds, uploaded documents included.
  const section = page.getByRole('region', { name: 'Export your data' });
  await expect(section).toContainText(
    'the documents you uploaded, as you uploaded them and with the text read from them',
  );
  await expect(section).toContainText('PDF reports of your diagnostics');
  const files = unzipSync(new Uint8Array(bytes));
  const readme = new TextDecoder().decode(files['README.txt']);
  expect(readme).toContain('documents/uploads/');
  for (const table of ['brands', 'workspace_items', 'chat_sessions', 'diagnostic_results'])
    expect(Object.keys(files)).toContain(`data/${table}.json`);
  const uploads = Object.keys(files).filter((name) => name.startsWith('documents/uploads/'));
  const original = uploads.find((name) => name.endsWith(`-${document.id.slice(0, 8)}.txt`));
  expect(original, uploads.join(', ')).toBeDefined();
  expect(new TextDecoder().decode(files[original ?? ''])).toBe('We write like a friend.');
  const extracted = new TextDecoder().decode(files[`${original}.txt`]);
  expect(extracted).toContain('We write like a friend.');
});

test('delete the account: confirm in a dialog, land signed out, and the old credentials stop working', async ({
  page,
}) => {
  const email = await signUpFresh(page, 'Dora Delete', 'delete');
  await openSettings(page);

  const opener = page.getByRole('button', { name: 'Delete my account…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'delete account dialog');

  // Escape closes it without deleting, and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await dialog.getByLabel('Type DELETE to confirm').fill('delete');
  await dialog.getByLabel('Your password', { exact: true }).fill(STRONG_PASSWORD);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByText('Type DELETE to confirm').last()).toBeVisible();
  await expect(dialog.getByLabel('Type DELETE to confirm')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByLabel('Your password', { exact: true }).fill('Not-The-Password-1');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByLabel('Your password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText('Your account has not been deleted');

  await dialog.getByLabel('Your password', { exact: true }).fill(STRONG_PASSWORD);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/account\/deleted\?purgeAfter=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeVisible();
  await expect(page.getByText(/permanently deleted on/)).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible();
  await expectAccessible(page, 'account deleted');

  // The way back: the operator's address (CONTACT_EMAIL; the development default here).
  await expect(page.getByRole('link', { name: 'support@localhost' })).toHaveAttribute(
    'href',
    'mailto:support@localhost',
  );
  const purgeAfter = new URL(page.url()).searchParams.get('purgeAfter') ?? '';

  // Signing in with the right password says when the account goes and whom to ask; a wrong one does not.
  await page.goto('/app/settings');
  await expect(page).toHaveURL(/\/auth\/sign-in\?/);
  await signIn(page, email, 'Not-The-Password-1');
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  await signIn(page, email, STRONG_PASSWORD);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your account is scheduled for deletion');
  await expect(alert).toContainText(`scheduled for deletion on ${formatPurgeDate(purgeAfter)}`);
  await expect(alert).toContainText('contact support@localhost');
  await expect(page).toHaveURL(/\/auth\/sign-in/);
  await expectAccessible(page, 'sign-in to an account pending deletion');
});

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every section fits and works without sideways scrolling', async ({ page }) => {
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signUpFresh(page, 'Pia Phone', 'phone');
    await page.goto('/app/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Signed-in devices' }).getByText('This device'),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'AI usage' }).getByText(/left today/)).toBeVisible();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'settings at 360 px');
    // The usage bar's width is set from script (allowed by the CSP), never as an inline style attribute.
    expect(cspViolations).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Delete account' })
      .click();
    const opener = page.getByRole('button', { name: 'Delete my account…' });
    await expect(opener).toBeInViewport();
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await expect(dialog.getByRole('button', { name: 'Delete my account' })).toBeInViewport();
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox?.width ?? 0).toBeLessThanOrEqual(360);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});
