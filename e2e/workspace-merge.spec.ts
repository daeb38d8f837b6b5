import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { STRONG_PASSWORD, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';

test.skip(skipReason !== null, skipReason ?? '');
// Two devices, sign-ups and reloads: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

async function saved(page: Page) {
  await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'saved', {
    timeout: 15_000,
  });
}

test('two devices edit the canvas: different fields merge without asking; the same field asks about that field only', async ({
  page,
  browser,
}) => {
  const email = uniqueEmail('merge');
  await page.goto('/auth/sign-up');
  await signUp(page, 'Mo Merge', email);
  await expect(page).toHaveURL('/app', { timeout: 30_000 });
  await page.goto('/app/canvas');
  await field(page, 'Mission').fill('First mission.');
  await saved(page);

  // A second device (its own cookies and storage) signs in to the same account.
  const laptop = await browser.newContext();
  try {
    const other = await laptop.newPage();
    await other.goto('/auth/sign-in');
    await field(other, 'Email').fill(email);
    await field(other, 'Password').fill(STRONG_PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(other).toHaveURL('/app');
    await other.goto('/app/canvas');
    await expect(field(other, 'Mission')).toHaveValue('First mission.');

    // A edits Mission; B, still holding the older copy, edits Value proposition.
    await field(page, 'Mission').fill('Mission from device A.');
    await saved(page);
    await field(other, 'Value proposition').fill('Promise from device B.');
    await saved(other);
    await expect(other.getByRole('dialog')).toHaveCount(0);
    // B's save came back merged: A's Mission shows at once.
    await expect(field(other, 'Mission')).toHaveValue('Mission from device A.');

    for (const device of [page, other]) {
      await device.reload();
      await expect(field(device, 'Mission')).toHaveValue('Mission from device A.');
      await expect(field(device, 'Value proposition')).toHaveValue('Promise from device B.');
    }

    // Now both change Mission: B is asked about Mission, and only Mission.
    await field(page, 'Mission').fill('Mission rewritten on A.');
    await saved(page);
    await field(other, 'Mission').fill('Mission rewritten on B.');
    const dialog = other.getByRole('dialog', {
      name: 'This field was also changed in another tab or device',
    });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByRole('group')).toHaveCount(1);
    const mission = dialog.getByRole('group', { name: 'Mission' });
    await expect(
      mission.getByRole('radio', { name: /Your version\s*Mission rewritten on B\./ }),
    ).toBeVisible();
    await expect(
      mission.getByRole('radio', { name: /Other version\s*Mission rewritten on A\./ }),
    ).toBeVisible();
    await expectAccessible(other, 'per-field conflict dialog');

    // Keyboard only: pick B's version and save.
    await mission.getByRole('radio', { name: /Your version/ }).focus();
    await other.keyboard.press('Space');
    await expect(mission.getByRole('radio', { name: /Your version/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Save my choices' }).focus();
    await other.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await saved(other);
    await expect(field(other, 'Mission')).toHaveValue('Mission rewritten on B.');
    await expect(field(other, 'Value proposition')).toHaveValue('Promise from device B.');

    await page.reload();
    await expect(field(page, 'Mission')).toHaveValue('Mission rewritten on B.');
    await expect(field(page, 'Value proposition')).toHaveValue('Promise from device B.');
  } finally {
    await laptop.close();
  }
});
