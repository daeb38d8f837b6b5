import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../core/ai/offline-coach.ts';
import { avatarVoice } from '../../core/ai/offline-review-tasks.ts';
import { createOfflinePool } from './offline-pool.ts';

const pool = createOfflinePool();
afterAll(() => pool.close());

const input = {
  avatar: {
    name: 'Weekend cyclist',
    summary: '',
    values: [],
    fears: ['Chain snapping'],
    desires: [],
    triggers: [],
  },
  reviews: [
    'Light frame, and the saddle is comfortable on long rides.',
    'The chain snapped after a month, very disappointed.',
  ],
};

describe('offline coach pool', () => {
  it('answers language-processing tasks from a worker thread, the same as inline', async () => {
    const [first, second] = await Promise.all([
      pool.run('avatar-voice', input, EMPTY_CONTEXT),
      pool.run('avatar-voice', { ...input, reviews: input.reviews.slice(0, 1) }, EMPTY_CONTEXT),
    ]);
    expect(first).toEqual(avatarVoice(input));
    expect(second).toMatchObject({ reviewCount: 1 });
    // The first call starts the worker, which loads the NLP library: slow on a busy machine.
  }, 30_000);

  it('keeps the event loop free while a large analysis runs', async () => {
    const reviews = Array.from(
      { length: 200 },
      (_, index) =>
        `Review ${index}: the folding mechanism is easy, but the straps broke after a month. ${'Delivery was quick and the box was sturdy, though the instructions were confusing. '.repeat(5)}`,
    );
    // Run inline, the analysis would hold the thread until it resolved and no timer could fire
    // before the await returns; in the worker, timers keep firing while it reads.
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 2);
    await pool.run('avatar-voice', { ...input, reviews }, EMPTY_CONTEXT);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  }, 30_000);

  it('reads reviews for review-analysis in the worker too, with the same counts as avatar-voice', async () => {
    const reviews = [
      'For $34 I expected better packing.',
      "Finally a candle that doesn't give me a headache.",
    ];
    const [task, voice] = await Promise.all([
      pool.run('review-analysis', { reviews }, EMPTY_CONTEXT),
      pool.run('avatar-voice', { ...input, reviews }, EMPTY_CONTEXT),
    ]);
    expect(task).toMatchObject({ sentiment: { positive: 1, neutral: 0, negative: 1 } });
    expect((voice as { sentiment: unknown }).sentiment).toEqual((task as { sentiment: unknown }).sentiment);
  });

  it('answers light tasks inline', async () => {
    await expect(
      pool.run('buyer-intent', { terms: ['buy linen shirt'] }, EMPTY_CONTEXT),
    ).resolves.toMatchObject({
      counts: { transactional: 1 },
    });
  });
});
