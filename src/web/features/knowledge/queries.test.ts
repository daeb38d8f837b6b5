import { describe, expect, it } from 'vitest';
import { documentsPollInterval, PROCESSING_POLL_MS } from './queries.ts';

describe('documentsPollInterval', () => {
  it('polls while any document is queued or processing', () => {
    expect(documentsPollInterval({ documents: [{ status: 'ready' }, { status: 'queued' }] })).toBe(
      PROCESSING_POLL_MS,
    );
    expect(documentsPollInterval({ documents: [{ status: 'processing' }] })).toBe(PROCESSING_POLL_MS);
  });

  it('stops once every document is ready or failed, and before there is a list', () => {
    expect(documentsPollInterval({ documents: [{ status: 'ready' }, { status: 'failed' }] })).toBe(false);
    expect(documentsPollInterval({ documents: [] })).toBe(false);
    expect(documentsPollInterval(undefined)).toBe(false);
  });
});
