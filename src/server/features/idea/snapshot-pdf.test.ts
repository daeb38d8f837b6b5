import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { emptyItemData } from '../../../core/workspace/items.ts';
import { rankTriggers } from '../../../core/workspace/trigger-assessment.ts';
import { snapshotFileName } from './service.ts';
import { renderInsightSnapshot } from './snapshot-pdf.ts';

describe('snapshotFileName', () => {
  const day = new Date('2026-03-04T22:15:00Z');
  it('names the file after the brand and the day, in plain ASCII', () => {
    expect(snapshotFileName('Crumb & Co', day)).toBe('insight-snapshot-crumb-co-2026-03-04.pdf');
    expect(snapshotFileName('Café Zürich', day)).toBe('insight-snapshot-cafe-zurich-2026-03-04.pdf');
  });

  it('falls back to "brand" when nothing printable is left, and keeps names short', () => {
    expect(snapshotFileName('東京', day)).toBe('insight-snapshot-brand-2026-03-04.pdf');
    expect(snapshotFileName('a'.repeat(200), day)).toBe(`insight-snapshot-${'a'.repeat(40)}-2026-03-04.pdf`);
  });
});

describe('renderInsightSnapshot', () => {
  it('prints every step, marks unanswered ones, and survives text the fonts cannot draw', async () => {
    const insight = { ...emptyItemData('insight'), buyerIntent: 'Gift buyers 🎁 in December' };
    const pdf = await renderInsightSnapshot({
      data: {
        brandName: 'Crumb & Co',
        insight,
        assessment: { answers: {}, answered: 0, ranking: rankTriggers({}) },
      },
      takenAt: new Date('2026-03-04T10:00:00Z'),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Gift buyers ? in December');
    expect(flat).toContain('Submitted on 4 Mar 2026');
    expect(flat).toContain('Not answered yet.');
    expect(flat).toContain('The assessment was not taken.');
  });

  it('prints the brand and the user’s words in Latin, Greek and Cyrillic scripts', async () => {
    const insight = {
      ...emptyItemData('insight'),
      buyerIntent: 'Łucja Wróbel, İstanbul Çay',
      buyerMotivation: 'Ελληνικά и Привет 🍵',
    };
    const pdf = await renderInsightSnapshot({
      data: {
        brandName: 'Škoda Café',
        insight,
        assessment: { answers: {}, answered: 0, ranking: rankTriggers({}) },
      },
      takenAt: new Date('2026-03-04T10:00:00Z'),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Škoda Café');
    expect(flat).toContain('Łucja Wróbel, İstanbul Çay');
    expect(flat).toContain('Ελληνικά и Привет ?');
  });
});
