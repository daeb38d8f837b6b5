import { describe, expect, it } from 'vitest';
import { escapeHtml, renderActionEmail } from './mailer.ts';

describe('email templates', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapes user text in the HTML body and keeps the plain-text body readable', () => {
    const mail = renderActionEmail({
      to: 'a@example.com',
      subject: 'Subject',
      greetingName: '<img src=x onerror=alert(1)>',
      intro: 'Intro',
      actionLabel: 'Go',
      actionUrl: 'https://coach.example.com/auth/verify-email?token=abc&x="y"',
      outro: 'Bye',
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain(
      'href="https://coach.example.com/auth/verify-email?token=abc&amp;x=&quot;y&quot;"',
    );
    expect(mail.text).toContain('Hi <img src=x onerror=alert(1)>,');
    expect(mail.text).toContain('Go: https://coach.example.com/auth/verify-email?token=abc&x="y"');
  });
});
