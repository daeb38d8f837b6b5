import { describe, expect, it } from 'vitest';
import {
  type BriefDraft,
  briefDraftKey,
  type DraftStorage,
  EMPTY_BRIEF,
  loadBriefDraft,
  saveBriefDraft,
} from './brief-draft.ts';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

const brandA = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const brandB = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the Value Lens brief draft', () => {
  it('comes back as it was saved, per brand', () => {
    const storage = memoryStorage();
    const draft: BriefDraft = {
      ...EMPTY_BRIEF,
      product: 'Harbour Linen Shirt',
      features: ['Stonewashed linen', 'Made in Portugal'],
      payoff: 'relief',
      tone: 'premium',
      format: 'ad-headline',
      useCanvas: false,
    };
    saveBriefDraft(storage, brandA, draft);
    expect(loadBriefDraft(storage, brandA)).toEqual(draft);
    expect(loadBriefDraft(storage, brandB)).toEqual(EMPTY_BRIEF);
  });

  it('cleans up what it reads back and survives unreadable or refused storage', () => {
    const storage = memoryStorage();
    storage.setItem(
      briefDraftKey(brandA),
      JSON.stringify({
        product: 42,
        features: 'not a list',
        tone: 'shouty',
        format: 'poem',
        payoff: 'greed',
      }),
    );
    expect(loadBriefDraft(storage, brandA)).toEqual(EMPTY_BRIEF);
    storage.setItem(briefDraftKey(brandA), '{not json');
    expect(loadBriefDraft(storage, brandA)).toEqual(EMPTY_BRIEF);
    storage.setItem(briefDraftKey(brandA), JSON.stringify({ product: 'x'.repeat(5000) }));
    expect(loadBriefDraft(storage, brandA).product.length).toBeLessThan(5000);
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    expect(() => saveBriefDraft(refusing, brandA, EMPTY_BRIEF)).not.toThrow();
    expect(loadBriefDraft(refusing, brandA)).toEqual(EMPTY_BRIEF);
    expect(loadBriefDraft(null, brandA)).toEqual(EMPTY_BRIEF);
  });
});
