/**
 * The exact words a lead agrees to. The form shows them and the server stores them with the consent,
 * so what was agreed to can always be shown later.
 */
export const LEAD_CONSENT_TEXT =
  'I agree that IDEA Brand Coach may email me this report and occasional brand-strategy tips. I can unsubscribe at any time.';
