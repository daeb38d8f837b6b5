import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../diagnostic/questionnaire.ts';
import { CURRENT_CONSENT_TEXTS } from './consent-texts.ts';
import {
  DEFAULT_TIP_SCHEDULE,
  parseTipSchedule,
  TIPS_PER_SEQUENCE,
  tipEmail,
  tipSendTimes,
  weakestDimension,
} from './tips.ts';

const PUBLIC_URL = new URL('https://coach.example.com');
const DAY = 86_400_000;

describe('tips content', () => {
  it('has three distinct tips for each IDEA dimension, each with a product link from the public URL', () => {
    const subjects = new Set<string>();
    for (const dimension of DIMENSIONS) {
      for (let step = 1; step <= TIPS_PER_SEQUENCE; step++) {
        const tip = tipEmail(dimension, step, 'lead', PUBLIC_URL);
        subjects.add(tip.subject);
        expect(tip.subject).toMatch(new RegExp(` tip ${step} of 3: `));
        expect(tip.paragraphs.length).toBeGreaterThanOrEqual(2);
        expect(tip.paragraphs.join(' ').length).toBeLessThan(700);
        expect(new URL(tip.actionUrl).origin).toBe(PUBLIC_URL.origin);
      }
    }
    expect(subjects.size).toBe(DIMENSIONS.length * TIPS_PER_SEQUENCE);
  });

  it('sends a lead to sign-up, a member to the module, and both to the diagnostic at the end', () => {
    expect(tipEmail('empathetic', 1, 'lead', PUBLIC_URL).actionUrl).toBe(
      'https://coach.example.com/auth/sign-up',
    );
    expect(tipEmail('empathetic', 2, 'member', PUBLIC_URL).actionUrl).toBe(
      'https://coach.example.com/app/idea/empathetic',
    );
    expect(tipEmail('empathetic', 3, 'lead', PUBLIC_URL).actionUrl).toBe(
      'https://coach.example.com/diagnostic',
    );
    expect(() => tipEmail('insight', 4, 'lead', PUBLIC_URL)).toThrow(RangeError);
    expect(() => tipEmail('insight', 0, 'lead', PUBLIC_URL)).toThrow(RangeError);
  });

  it('picks the weakest dimension, ties in I-D-E-A order', () => {
    expect(weakestDimension({ insight: 80, distinctive: 40, empathetic: 60, authentic: 13 })).toBe(
      'authentic',
    );
    expect(weakestDimension({ insight: 50, distinctive: 50, empathetic: 50, authentic: 50 })).toBe('insight');
    expect(weakestDimension({ insight: 70, distinctive: 25, empathetic: 25, authentic: 90 })).toBe(
      'distinctive',
    );
  });
});

describe('tips schedule', () => {
  it('defaults to day 1, 5 and 12 after consent', () => {
    const consentedAt = new Date('2026-12-04T10:00:00Z');
    expect(tipSendTimes(consentedAt, parseTipSchedule(DEFAULT_TIP_SCHEDULE))).toEqual([
      new Date(consentedAt.getTime() + DAY),
      new Date(consentedAt.getTime() + 5 * DAY),
      new Date(consentedAt.getTime() + 12 * DAY),
    ]);
  });

  it('reads s, m, h and d and refuses anything else', () => {
    expect(parseTipSchedule('30s, 2m,1h')).toEqual([30_000, 120_000, 3_600_000]);
    expect(() => parseTipSchedule('1d,5d')).toThrow(/exactly 3/);
    expect(() => parseTipSchedule('1d,5d,5d')).toThrow(/increase/);
    expect(() => parseTipSchedule('5d,1d,12d')).toThrow(/increase/);
    expect(() => parseTipSchedule('1w,2w,3w')).toThrow(/not a duration/);
    expect(() => parseTipSchedule('')).toThrow(/not a duration/);
  });
});

describe('consent texts', () => {
  it('keep the exact words a lead is shown, versioned per form', () => {
    expect(CURRENT_CONSENT_TEXTS['diagnostic-lead'].text).toMatch(/unsubscribe at any time/);
    expect(CURRENT_CONSENT_TEXTS['diagnostic-lead'].version).toBe('diagnostic-lead/1');
    expect(CURRENT_CONSENT_TEXTS.settings.version).toBe('settings/1');
  });
});
