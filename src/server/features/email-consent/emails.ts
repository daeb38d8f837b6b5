/**
 * The tips email: the tip's words from src/core, the product's one layout, and the unsubscribe
 * machinery every marketing email carries (ADR 0047): a signed link to a page that works signed out,
 * and the RFC 8058 one-click headers mail providers show as their own "Unsubscribe" button.
 */
import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { type TipAudience, tipEmail } from '../../../core/email-consent/tips.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { type EmailMessage, renderActionEmail } from '../../platform/mailer.ts';

/** The one-click endpoint (RFC 8058): a POST with `List-Unsubscribe=One-Click`, no session. */
export const UNSUBSCRIBE_API_PATH = '/api/email/unsubscribe';

export function unsubscribeLinks(publicUrl: URL, token: string): { page: string; oneClick: string } {
  const page = new URL(PAGE_PATHS.unsubscribe, publicUrl);
  page.searchParams.set('token', token);
  const oneClick = new URL(UNSUBSCRIBE_API_PATH, publicUrl);
  oneClick.searchParams.set('token', token);
  return { page: page.toString(), oneClick: oneClick.toString() };
}

export function tipMessage(input: {
  to: string;
  greetingName: string;
  dimension: Dimension;
  step: number;
  audience: TipAudience;
  publicUrl: URL;
  token: string;
}): EmailMessage {
  const tip = tipEmail(input.dimension, input.step, input.audience, input.publicUrl);
  const links = unsubscribeLinks(input.publicUrl, input.token);
  const [intro = '', ...moreParagraphs] = tip.paragraphs;
  const message = renderActionEmail({
    to: input.to,
    subject: tip.subject,
    greetingName: input.greetingName,
    intro,
    moreParagraphs,
    actionLabel: tip.actionLabel,
    actionUrl: tip.actionUrl,
    outro:
      input.audience === 'lead'
        ? 'You receive these tips because you asked for them with your IDEA Brand Diagnostic report. Unsubscribe with the link below at any time.'
        : 'You receive these tips because you turned them on in Settings. Unsubscribe with the link below, or turn them off in Settings, at any time.',
    unsubscribeUrl: links.page,
  });
  return {
    ...message,
    headers: {
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
