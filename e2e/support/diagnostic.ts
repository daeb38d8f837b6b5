import { expect, type Page } from '@playwright/test';

export const RESULTS_URL = /\/diagnostic\/results\/[0-9a-f-]{36}$/;

/** Takes the diagnostic with the mouse, from the intro to the results page (answers 1–5 per question). */
export async function takeDiagnosticWithClicks(page: Page, answers: readonly number[]) {
  await page.goto('/diagnostic');
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  for (const [index, value] of answers.entries()) {
    await expect(page.getByText(`Question ${index + 1} of 8`)).toBeVisible();
    await page
      .getByRole('radio')
      .nth(value - 1)
      .check();
    await page
      .getByRole('button', { name: index === answers.length - 1 ? 'See my results' : 'Next' })
      .click();
  }
  await expect(page).toHaveURL(RESULTS_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
}
