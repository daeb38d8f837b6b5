/**
 * A release that changes a default prompt reaches existing installs: one still on an older shipped
 * default gets the new default published as its next version; one whose admin published their own
 * text keeps it and gets the new default as a draft; either happens once, and an admin who later
 * goes back to another version is not overruled at the next start.
 */
import { expect, it } from 'vitest';
import { describeOnEachDatabase, type TestApp } from '../testing/harness.ts';
import { defaultPromptBody, promptDigest, seedDefaultPrompts } from './prompts.ts';

const OLD_DEFAULT = 'You are the IDEA Brand Coach. (An older shipped default.)';

interface VersionRow extends Record<string, unknown> {
  version: number;
  status: string;
  body: string;
  created_by: string | null;
}

async function versions(testApp: TestApp, promptId: string): Promise<VersionRow[]> {
  return testApp.database.query<VersionRow>(
    'select version, status, body, created_by from ai_prompts where prompt_id = $1 order by version',
    [promptId],
  );
}

/** Makes this install look like one seeded by an older release: version 1 is `body`, published. */
async function installedWith(testApp: TestApp, promptId: string, body: string): Promise<void> {
  await testApp.database.query('delete from ai_prompts where prompt_id = $1', [promptId]);
  await testApp.database.query(
    `insert into ai_prompts (prompt_id, version, status, body, published_at) values ($1, 1, 'published', $2, now())`,
    [promptId, body],
  );
}

/** The shipped history as a release would have it: the current file and OLD_DEFAULT before it. */
async function shippedHistory(promptId: string) {
  return { [promptId]: [promptDigest(await defaultPromptBody(promptId)), promptDigest(OLD_DEFAULT)] };
}

describeOnEachDatabase('default prompts on existing installs', (getApp) => {
  it('publishes the new default over an untouched older default, once', async () => {
    const testApp = getApp();
    await installedWith(testApp, 'chat', OLD_DEFAULT);
    const shipped = await shippedHistory('chat');

    expect(await seedDefaultPrompts(testApp.database, shipped)).toEqual({ published: ['chat'], drafted: [] });
    const current = await defaultPromptBody('chat');
    expect(await versions(testApp, 'chat')).toEqual([
      { version: 1, status: 'archived', body: OLD_DEFAULT, created_by: null },
      { version: 2, status: 'published', body: current, created_by: null },
    ]);
    const published = await testApp.app.services.ai.prompts.published('chat');
    expect(published.body).toContain('[1]');

    // The next start changes nothing, and neither does an admin's later rollback to version 1.
    expect(await seedDefaultPrompts(testApp.database, shipped)).toEqual({ published: [], drafted: [] });
    await testApp.app.services.ai.prompts.publishVersion('chat', 1);
    expect(await seedDefaultPrompts(testApp.database, shipped)).toEqual({ published: [], drafted: [] });
    expect((await testApp.app.services.ai.prompts.published('chat')).version).toBe(1);
  });

  it('keeps an admin’s own published prompt and offers the new default as a draft', async () => {
    const testApp = getApp();
    const custom = 'Our own coaching prompt, written by the admin.';
    await installedWith(testApp, 'canvas-suggestion', OLD_DEFAULT);
    await testApp.app.services.ai.prompts.publish('canvas-suggestion', custom);
    const shipped = await shippedHistory('canvas-suggestion');

    expect(await seedDefaultPrompts(testApp.database, shipped)).toEqual({
      published: [],
      drafted: ['canvas-suggestion'],
    });
    const rows = await versions(testApp, 'canvas-suggestion');
    expect(rows.map((row) => [row.version, row.status])).toEqual([
      [1, 'archived'],
      [2, 'published'],
      [3, 'draft'],
    ]);
    expect(rows[1]?.body).toBe(custom);
    expect(rows[2]?.body).toBe(await defaultPromptBody('canvas-suggestion'));
    expect(await seedDefaultPrompts(testApp.database, shipped)).toEqual({ published: [], drafted: [] });
  });
});
