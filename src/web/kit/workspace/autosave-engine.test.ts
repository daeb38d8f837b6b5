import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveItemBody, SaveItemResponse, WorkspaceItem } from '../../../core/workspace/items.ts';
import { mergeItemData } from '../../../core/workspace/merge.ts';
import { ApiError } from '../../lib/api-client.ts';
import { AutosaveEngine } from './autosave-engine.ts';

interface Canvas {
  purpose: string;
  vision: string;
}

function item(version: number, data: Canvas, sources: Record<string, 'user' | 'ai'> = {}): WorkspaceItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    brandId: '00000000-0000-4000-8000-000000000002',
    kind: 'canvas',
    version,
    data: { ...data },
    sources,
    updatedAt: new Date(0).toISOString(),
  };
}

/**
 * A fake server: versions, revisions, the same per-field merge as the real one, and failures under
 * the test's control.
 */
function fakeServer(initial: WorkspaceItem) {
  let current = initial;
  const revisions = new Map<number, WorkspaceItem>([[initial.version, initial]]);
  const calls: SaveItemBody[] = [];
  let failNext: ApiError | null = null;
  const write = (data: Record<string, unknown>, sources: Record<string, 'user' | 'ai'>) => {
    current = item(current.version + 1, data as unknown as Canvas, sources);
    revisions.set(current.version, current);
  };
  const save = vi.fn(async (body: SaveItemBody): Promise<SaveItemResponse> => {
    calls.push(body);
    if (failNext) {
      const error = failNext;
      failNext = null;
      throw error;
    }
    const mine = { data: body.data, sources: body.sources ?? {} };
    if (body.baseVersion === current.version) {
      write(mine.data, mine.sources);
      return { item: current, mergedFields: [] };
    }
    const base = revisions.get(body.baseVersion) ?? null;
    const result = mergeItemData('canvas', base, mine, current);
    if (result.conflicts.length > 0) {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'conflict', current });
    }
    write(result.merged.data, result.merged.sources);
    return { item: current, mergedFields: result.fromTheirs };
  });
  return {
    save,
    calls,
    get current() {
      return current;
    },
    otherDeviceSaves(data: Canvas, sources: Record<string, 'user' | 'ai'> = {}) {
      write({ ...data }, sources);
    },
    failWith(error: ApiError) {
      failNext = error;
    },
  };
}

describe('AutosaveEngine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits into one save and reports saving → saved', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 500 });
    engine.update((draft) => {
      draft.purpose = 'H';
    });
    engine.update((draft) => {
      draft.purpose = 'Help';
    });
    expect(engine.getState().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.save).toHaveBeenCalledTimes(1);
    expect(server.calls[0]).toMatchObject({ baseVersion: 1, data: { purpose: 'Help' } });
    expect(engine.getState()).toMatchObject({ status: 'saved', item: { version: 2 } });
  });

  it('sends edits made during a save in a follow-up save, based on the new version', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 100 });
    engine.update((draft) => {
      draft.purpose = 'first';
    });
    const flushing = engine.flush();
    engine.update((draft) => {
      draft.vision = 'second';
    });
    await flushing;
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls.map((call) => call.baseVersion)).toEqual([1, 2]);
    expect(server.current.data).toEqual({ purpose: 'first', vision: 'second' });
    expect(engine.getState().status).toBe('saved');
  });

  it('merges edits of different fields saved elsewhere without asking, and shows theirs at once', async () => {
    const server = fakeServer(item(1, { purpose: 'start', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    server.otherDeviceSaves({ purpose: 'start', vision: 'their vision' }, { vision: 'ai' });
    engine.update((draft) => {
      draft.purpose = 'my purpose';
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.current.data).toEqual({ purpose: 'my purpose', vision: 'their vision' });
    expect(engine.getState()).toMatchObject({
      status: 'saved',
      conflict: null,
      data: { purpose: 'my purpose', vision: 'their vision' },
      sources: { vision: 'ai' },
      item: { version: 3 },
    });
  });

  it('keeps what was typed while a merging save was out, on top of the merged fields', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    server.otherDeviceSaves({ purpose: '', vision: 'their vision' });
    engine.update((draft) => {
      draft.purpose = 'first';
    });
    const flushing = engine.flush();
    engine.update((draft) => {
      draft.purpose = 'first, then more';
    });
    await flushing;
    expect(engine.getState().data).toEqual({ purpose: 'first, then more', vision: 'their vision' });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.current.data).toEqual({ purpose: 'first, then more', vision: 'their vision' });
    expect(engine.getState().status).toBe('saved');
  });

  it('asks only about the field changed on both sides; choosing mine keeps their other fields', async () => {
    const server = fakeServer(item(1, { purpose: 'start', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    server.otherDeviceSaves({ purpose: 'other device', vision: 'theirs' });
    engine.update((draft) => {
      draft.purpose = 'this tab';
    });
    await vi.advanceTimersByTimeAsync(10);
    const state = engine.getState();
    expect(state.status).toBe('conflict');
    expect(state.conflict?.fields).toEqual([
      { path: 'purpose', base: 'start', mine: 'this tab', theirs: 'other device' },
    ]);

    // Edits while the choice is pending stay local and are not sent.
    engine.update((draft) => {
      draft.purpose = 'this tab, edited';
    });
    expect(engine.getState().conflict?.fields[0]?.mine).toBe('this tab, edited');
    await vi.advanceTimersByTimeAsync(100);
    expect(server.save).toHaveBeenCalledTimes(1);

    engine.resolve({ purpose: 'mine' });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls.at(-1)?.baseVersion).toBe(2);
    expect(server.current.data).toEqual({ purpose: 'this tab, edited', vision: 'theirs' });
    expect(engine.getState().status).toBe('saved');
  });

  it('choosing theirs for the conflicting field still saves my other edits', async () => {
    const server = fakeServer(item(1, { purpose: 'start', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    server.otherDeviceSaves({ purpose: 'other device', vision: '' });
    engine.update((draft) => {
      draft.purpose = 'this tab';
      draft.vision = 'my vision';
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(engine.getState().conflict?.fields.map((field) => field.path)).toEqual(['purpose']);
    engine.acceptTheirs();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.current.data).toEqual({ purpose: 'other device', vision: 'my vision' });
    expect(engine.getState()).toMatchObject({
      status: 'saved',
      data: { purpose: 'other device', vision: 'my vision' },
    });
  });

  it('use theirs with nothing else changed adopts their copy without saving again', async () => {
    const server = fakeServer(item(1, { purpose: 'start', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    server.otherDeviceSaves({ purpose: 'other device', vision: '' });
    engine.update((draft) => {
      draft.purpose = 'this tab';
    });
    await vi.advanceTimersByTimeAsync(10);
    engine.acceptTheirs();
    expect(engine.getState()).toMatchObject({ status: 'saved', data: { purpose: 'other device' } });
    expect(server.save).toHaveBeenCalledTimes(1);
    engine.update((draft) => {
      draft.vision = 'next';
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.calls.at(-1)?.baseVersion).toBe(2);
    expect(engine.getState().status).toBe('saved');
  });

  it('keeps edits while offline and retries with backoff until the save lands', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10, retryMs: 1000 });
    server.failWith(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'offline' }));
    engine.update((draft) => {
      draft.purpose = 'written on a train';
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(engine.getState().status).toBe('offline');
    expect(engine.getState().data.purpose).toBe('written on a train');
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.getState().status).toBe('saved');
    expect(server.current.data.purpose).toBe('written on a train');
  });

  it('does not retry invalid data; the next edit tries again', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10, retryMs: 100 });
    server.failWith(new ApiError({ code: 'VALIDATION_FAILED', status: 400, message: 'Too long' }));
    engine.update((draft) => {
      draft.purpose = 'x'.repeat(5000);
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(engine.getState()).toMatchObject({ status: 'error', errorMessage: 'Too long' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.save).toHaveBeenCalledTimes(1);
    engine.update((draft) => {
      draft.purpose = 'short';
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(engine.getState().status).toBe('saved');
  });

  it('records coach-sourced fields and forgets them when the user types over them', async () => {
    const server = fakeServer(item(1, { purpose: '', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    engine.update(
      (draft) => {
        draft.purpose = 'Accepted rewrite';
      },
      { sources: { purpose: 'ai' } },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(server.current.sources).toEqual({ purpose: 'ai' });
    engine.update(
      (draft) => {
        draft.purpose = 'Accepted rewrite, edited';
      },
      { sources: { purpose: 'user' } },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(server.current.sources).toEqual({});
  });

  it('adopts a newer server copy only when nothing local is pending', async () => {
    const server = fakeServer(item(1, { purpose: 'a', vision: '' }));
    const engine = new AutosaveEngine<Canvas>(server.save, server.current, { debounceMs: 10 });
    engine.adopt(item(3, { purpose: 'from another device', vision: '' }));
    expect(engine.getState().data.purpose).toBe('from another device');
    engine.update((draft) => {
      draft.purpose = 'local';
    });
    engine.adopt(item(4, { purpose: 'ignored while editing', vision: '' }));
    expect(engine.getState().data.purpose).toBe('local');
  });
});
