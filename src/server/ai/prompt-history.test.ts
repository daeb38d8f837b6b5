import { describe, expect, it } from 'vitest';
import { AI_TASKS } from '../../core/ai/contracts.ts';
import { SHIPPED_PROMPT_DIGESTS } from './prompt-history.ts';
import { defaultPromptBody, promptDigest } from './prompts.ts';

describe('shipped prompt defaults', () => {
  it('lists every prompt file’s current body first, so existing installs get an edited default', async () => {
    for (const promptId of AI_TASKS) {
      const digest = promptDigest(await defaultPromptBody(promptId));
      expect(
        SHIPPED_PROMPT_DIGESTS[promptId]?.[0],
        `prompts/${promptId}.md changed: add '${digest}' first in SHIPPED_PROMPT_DIGESTS['${promptId}'] (prompt-history.ts)`,
      ).toBe(digest);
    }
  });

  it('never lists a digest twice', () => {
    const all = Object.values(SHIPPED_PROMPT_DIGESTS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
