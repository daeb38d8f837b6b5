import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { signInAsAdmin, signUp, uniqueEmail } from './support/accounts.ts';
import { skipReason } from './support/browser.ts';
import { waitForMail } from './support/mail.ts';

test.skip(skipReason !== null, skipReason ?? '');

async function openFeedback(page: Page) {
  await page.getByRole('contentinfo').getByRole('button', { name: 'Tell us what you think' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send feedback' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('feedback from a visitor and a member reaches the admin, who triages it and replies by email', async ({
  browser,
}) => {
  test.slow();
  const marker = `e2e-${Date.now()}`;
  const visitorEmail = uniqueEmail('fay-visitor');

  // A visitor without an account, on a prerendered public page: proof of work, optional address.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/');
  let dialog = await openFeedback(visitor);
  await dialog.getByRole('radio', { name: /Problem/ }).check();
  await dialog.getByLabel('Your message').fill(`The pricing link is broken ${marker}`);
  await dialog.getByLabel('Your email (optional)').fill(visitorEmail);
  // Sending without the check names it, and nothing is sent.
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await expect(dialog.getByText('Please tick the box to confirm you’re a person')).toBeVisible();
  const robot = dialog.getByRole('checkbox', { name: /not a robot/ });
  await robot.focus();
  await visitor.keyboard.press('Space');
  await expect(dialog.locator('altcha-widget .altcha')).toHaveAttribute('data-state', 'verified');
  await expectAccessible(visitor, 'feedback dialog, anonymous');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await expect(dialog.getByText('Thank you! Your feedback was sent.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await visitorContext.close();

  // A member: no check, no address field (answers go to the account's address); and a thumbs down on
  // a coach answer, with a reason.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto('/auth/sign-up');
  await signUp(member, 'Max Member', uniqueEmail('max-feedback'));
  await expect(member).toHaveURL('/app');
  dialog = await openFeedback(member);
  await expect(dialog.getByLabel('Your email (optional)')).toHaveCount(0);
  await dialog.getByRole('radio', { name: /Idea/ }).check();
  await dialog.getByLabel('Your message').fill(`Please add a dark mode ${marker}`);
  await expect(dialog.getByText('We attach the page you are on (/app) and the app version.')).toBeVisible();
  await expectAccessible(member, 'feedback dialog, signed in');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await expect(dialog.getByText('Thank you! Your feedback was sent.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await member.goto('/app/coach');
  await member.getByRole('button', { name: 'New conversation' }).click();
  await member.getByLabel('Your message').fill('How can my brand be more distinctive?');
  await member.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = member
    .getByRole('list', { name: 'Messages' })
    .getByRole('article', { name: 'Coach’s answer' })
    .last();
  const thumbsDown = answer.getByRole('button', { name: /thumbs down/ });
  await expect(thumbsDown).toBeVisible();
  await thumbsDown.click();
  await expect(thumbsDown).toHaveAttribute('aria-pressed', 'true');
  await answer.getByLabel('Why? (optional)').fill('Too long for me');
  await answer.getByRole('button', { name: 'Send reason' }).click();
  await expect(answer.getByText('Thanks, your reason was sent.')).toBeVisible();
  await expectAccessible(member, 'coach answer rated');
  // Shown again after a reload.
  await member.reload();
  await expect(
    member
      .getByRole('list', { name: 'Messages' })
      .getByRole('article', { name: 'Coach’s answer' })
      .last()
      .getByRole('button', { name: /thumbs down/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await memberContext.close();

  // The admin finds both, triages the member's, and answers the visitor by email.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  await admin.goto('/app/admin');
  await admin
    .getByRole('navigation', { name: 'Admin console' })
    .getByRole('link', { name: 'Feedback' })
    .click();
  await expect(admin).toHaveURL('/app/admin/feedback');
  await expect(admin.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  await admin.getByLabel('Words').fill(marker);
  await admin.getByRole('button', { name: 'Search' }).click();
  const inbox = admin.getByRole('list', { name: 'Feedback' });
  await expect(inbox.getByRole('article')).toHaveCount(2);
  await expectAccessible(admin, 'admin feedback inbox');

  const fromMember = inbox.getByRole('article').filter({ hasText: 'Please add a dark mode' });
  await expect(fromMember).toContainText('/app');
  await fromMember.getByLabel('Status').selectOption('triaged');
  await fromMember.getByRole('button', { name: 'Save status' }).click();
  await admin.getByLabel('Status', { exact: true }).first().selectOption('triaged');
  await expect(inbox.getByRole('article')).toHaveCount(1);
  await expect(inbox.getByRole('article')).toContainText('Please add a dark mode');
  await admin.getByLabel('Status', { exact: true }).first().selectOption('');

  const fromVisitor = inbox.getByRole('article').filter({ hasText: 'The pricing link is broken' });
  await expect(fromVisitor).toContainText(visitorEmail);
  await fromVisitor.getByLabel(`Reply by email to ${visitorEmail}`).fill('Thanks — fixed it today.');
  await fromVisitor.getByRole('button', { name: 'Send reply' }).click();
  await expect(
    inbox
      .getByRole('article')
      .filter({ hasText: 'The pricing link is broken' })
      .getByText('Thanks — fixed it today.'),
  ).toBeVisible();
  const mail = await waitForMail(visitorEmail, /reply to your feedback/i);
  expect(mail.text).toContain('Thanks — fixed it today.');
  expect(mail.text).toContain(`The pricing link is broken ${marker}`);

  await expect(admin.getByRole('heading', { level: 2, name: 'Ratings of AI answers' })).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Thumbs up and down per AI task' })).toContainText('chat');
  await expect(admin.getByText('“Too long for me”')).toBeVisible();
  await expectAccessible(admin, 'admin feedback, after reply');

  // The audit log has both actions.
  await admin.goto('/app/admin/audit-log');
  await expect(admin.getByText('feedback.set-status').first()).toBeVisible();
  await expect(admin.getByText('feedback.reply').first()).toBeVisible();
  await adminContext.close();
});
