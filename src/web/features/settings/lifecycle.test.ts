import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_DELETION_CONFIRMATION,
  accountExportFilename,
} from '../../../core/account/lifecycle-contracts.ts';
import { DELETION_CONFIRMATION_WORD, fallbackExportFilename } from './lifecycle.ts';

describe('the Settings page’s copies of the account lifecycle contract', () => {
  it('match the originals', () => {
    expect(DELETION_CONFIRMATION_WORD).toBe(ACCOUNT_DELETION_CONFIRMATION);
    const at = new Date('2026-11-26T23:59:00Z');
    expect(fallbackExportFilename(at)).toBe(accountExportFilename(at));
  });
});
