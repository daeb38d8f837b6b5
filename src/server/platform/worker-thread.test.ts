import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { FixtureReply, FixtureRequest } from './worker-thread.fixture.ts';
import { createWorkerThread } from './worker-thread.ts';

function fixtureThread(idleMs?: number) {
  return createWorkerThread<FixtureRequest, FixtureReply, string>({
    url: new URL('./worker-thread.fixture.ts', import.meta.url),
    name: 'fixture',
    settle: (reply) => ({ result: reply.said }),
    ...(idleMs === undefined ? {} : { idleMs }),
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 5_000; waited += 20) await sleep(20);
}

describe('a worker thread', () => {
  it('answers each request by its id, in parallel, and rejects the ones its thread reports failed', async () => {
    const thread = fixtureThread();
    expect(thread.running()).toBe(false);
    const answers = await Promise.allSettled([
      thread.request({ say: 'one' }),
      thread.request({ fail: 'no good' }),
      thread.request({ say: 'three' }),
    ]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 'one' },
      { status: 'rejected', reason: new Error('the fixture failed: no good') },
      { status: 'fulfilled', value: 'three' },
    ]);
    expect(thread.waiting()).toBe(0);
    await thread.close();
  });

  it('rejects what waits when the thread dies, and starts a new one for the next request', async () => {
    const thread = fixtureThread();
    const dying = thread.request({ exit: 3 });
    const queued = thread.request({ say: 'queued behind the exit' });
    await expect(dying).rejects.toThrow('the fixture thread exited with code 3');
    await expect(queued).rejects.toThrow('exited with code 3');
    await expect(thread.request({ say: 'again' })).resolves.toBe('again');
    await thread.close();
    expect(thread.running()).toBe(false);
  });

  it('ends an idle thread after idleMs, not while a request waits, and closing rejects what waits', async () => {
    const thread = fixtureThread(50);
    await expect(thread.request({ say: 'hello' })).resolves.toBe('hello');
    expect(thread.running()).toBe(true);
    await until(() => !thread.running());
    expect(thread.running()).toBe(false);
    await expect(thread.request({ say: 'back' })).resolves.toBe('back');
    const left = expect(thread.request({ say: 'never answered' })).rejects.toThrow('the fixture was closed');
    await thread.close();
    await left;
  });
});
