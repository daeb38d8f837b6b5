/**
 * Marketing-email consent: its purposes and every wording a person has been shown, by version. A
 * consent record stores the version and the exact words, so what someone agreed to can be shown later;
 * a changed wording is a new version here, never an edit of an old one. Free of zod, so the web forms
 * can show the words without loading the schemas.
 */
import { LEAD_CONSENT_TEXT } from '../diagnostic/lead-consent.ts';

/** What a consent is for. Transactional mail (verification, reset, security notices) needs none. */
export const CONSENT_PURPOSES = ['product-tips'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Where a consent was given or withdrawn. */
export const CONSENT_SOURCES = ['diagnostic-lead', 'settings'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const WITHDRAWAL_CHANNELS = ['unsubscribe-link', 'one-click', 'settings'] as const;
export type WithdrawalChannel = (typeof WITHDRAWAL_CHANNELS)[number];

/** The tips switch in Settings → Email preferences. */
export const SETTINGS_TIPS_CONSENT_TEXT =
  'Email me a short series of brand-strategy tips for my weakest IDEA dimension. I can turn this off at any time.';

export interface ConsentTextVersion {
  /** Stored with each consent, e.g. `diagnostic-lead/1`. */
  version: string;
  purpose: ConsentPurpose;
  source: ConsentSource;
  text: string;
}

/** The wording each form shows now. Add a version (and keep the old one) when a wording changes. */
export const CURRENT_CONSENT_TEXTS: Record<ConsentSource, ConsentTextVersion> = {
  'diagnostic-lead': {
    version: 'diagnostic-lead/1',
    purpose: 'product-tips',
    source: 'diagnostic-lead',
    text: LEAD_CONSENT_TEXT,
  },
  settings: {
    version: 'settings/1',
    purpose: 'product-tips',
    source: 'settings',
    text: SETTINGS_TIPS_CONSENT_TEXT,
  },
};
