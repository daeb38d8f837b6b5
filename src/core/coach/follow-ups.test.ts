import { describe, expect, it } from 'vitest';
import { type AnswerSummary, FOLLOW_UPS_MAX, followUpsFor } from './follow-ups.ts';

function summary(fields: Partial<AnswerSummary> & Pick<AnswerSummary, 'type'>): AnswerSummary {
  return { message: 'A question', dimension: null, gaps: [], canWriteCopy: true, ...fields };
}

describe('follow-ups come from the answer and the missing data', () => {
  it('after taglines: shorter, another avatar, then the next format', () => {
    expect(
      followUpsFor(
        summary({
          type: 'write-copy',
          copy: { kind: 'tagline', written: 3, avatar: 'Sam', otherAvatars: ['Priya'], shortened: false },
        }),
      ),
    ).toEqual(['Make them shorter', 'Write one for Priya', 'Write three email subject lines']);
  });

  it('after shorter ones, or long copy, "make them shorter" is not offered again', () => {
    const shorter = followUpsFor(
      summary({
        type: 'write-copy',
        copy: { kind: 'tagline', written: 3, avatar: 'Sam', otherAvatars: [], shortened: true },
      }),
    );
    expect(shorter).not.toContain('Make them shorter');
    const description = followUpsFor(
      summary({
        type: 'write-copy',
        copy: { kind: 'product-description', written: 2, avatar: null, otherAvatars: [], shortened: false },
      }),
    );
    expect(description).not.toContain('Make them shorter');
    expect(description).toContain('Write four product bullet points');
  });

  it('the data that is missing brings its own question, right after the answer’s first', () => {
    expect(
      followUpsFor(summary({ type: 'customer-insight', customerFocus: 'worries', gaps: ['reviews'] })),
    ).toEqual([
      'What do customers want most?',
      'How do I collect reviews?',
      'Write three taglines that answer these worries',
    ]);
    expect(
      followUpsFor(
        summary({
          type: 'write-copy',
          copy: { kind: 'tagline', written: 0, avatar: null, otherAvatars: [], shortened: false },
          gaps: ['canvas', 'avatars'],
          canWriteCopy: false,
        }),
      ),
    ).toEqual([
      'What should I do next?',
      'How do I fill in my brand canvas?',
      'How do I create a customer avatar?',
    ]);
  });

  it('after a diagnosis: what to do about that dimension; after a next step: what the dimension means', () => {
    expect(followUpsFor(summary({ type: 'diagnose', dimension: 'distinctive' }))[0]).toBe(
      'What should I do first about Distinctive?',
    );
    expect(followUpsFor(summary({ type: 'next-step', dimension: 'authentic' }))[0]).toBe(
      'What does Authentic mean?',
    );
  });

  it('never offers what the answer just explained, the question itself, or the same question twice', () => {
    const diagnostic = followUpsFor(
      summary({ type: 'explain', concept: 'diagnostic', gaps: ['diagnostic'] }),
    );
    expect(diagnostic).not.toContain('What does the IDEA diagnostic measure?');
    const asked = followUpsFor(summary({ type: 'off-topic', message: 'what should I do next' }));
    expect(asked).not.toContain('What should I do next?');
    const repeated = followUpsFor(summary({ type: 'diagnose', dimension: null }));
    expect(new Set(repeated).size).toBe(repeated.length);
  });

  it('offers at most three, and without copy material no copy request', () => {
    const all = followUpsFor(
      summary({
        type: 'next-step',
        dimension: 'insight',
        gaps: ['diagnostic', 'canvas', 'avatars', 'reviews'],
      }),
    );
    expect(all.length).toBeLessThanOrEqual(FOLLOW_UPS_MAX);
    const offTopic = followUpsFor(summary({ type: 'off-topic', canWriteCopy: false }));
    expect(offTopic.some((question) => /^Write\b/.test(question))).toBe(false);
  });
});
