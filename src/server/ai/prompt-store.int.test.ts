/**
 * The published prompt every AI request reads is remembered for a few seconds per instance: a
 * publish takes effect at once on the instance that made it, and on every other instance within
 * PUBLISHED_PROMPT_TTL_MS.
 */
import { expect, it } from 'vitest';
import { ManualClock } from '../platform/clock.ts';
import { describeOnEachDatabase } from '../testing/harness.ts';
import { createPromptStore, PUBLISHED_PROMPT_TTL_MS } from './prompts.ts';

describeOnEachDatabase('published prompts across instances', (getApp) => {
  it('takes effect at once where published and within the time to live elsewhere', async () => {
    const { database } = getApp();
    const clock = new ManualClock();
    const here = createPromptStore(database, { clock });
    const elsewhere = createPromptStore(database, { clock });
    const before = await elsewhere.published('contextual-help');

    const published = await here.publish('contextual-help', 'A newly published help prompt.');
    expect(published.version).toBe(before.version + 1);
    expect(await here.published('contextual-help')).toEqual(published);
    // The other instance still answers from its memory until its entry is PUBLISHED_PROMPT_TTL_MS old.
    clock.advance(PUBLISHED_PROMPT_TTL_MS - 1);
    expect(await elsewhere.published('contextual-help')).toEqual(before);
    clock.advance(1);
    expect(await elsewhere.published('contextual-help')).toEqual(published);

    // A rollback is a publish too.
    await here.publishVersion('contextual-help', before.version);
    expect(await here.published('contextual-help')).toEqual(before);
  });
});
